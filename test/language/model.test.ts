import { expect } from 'chai';
import { loadCorpus, type Label } from '../../src/language/corpus.js';
import { SignCues } from '../../src/language/cues.js';
import { stemsOf } from '../../src/language/features.js';
import { fingerprint, MODEL_PATH, readModel } from '../../src/language/model.js';
import { normalise } from '../../src/language/text.js';
import { trainingSamples } from '../../src/language/training.js';
import { loadRoutines } from '../../src/routines/load.js';

describe('the committed language model', () => {
  const routines = loadRoutines();

  it('is trained from the corpus, routines and features as they are now (else: npm run language:build, and commit it)', () => {
    const kept = readModel();
    expect(kept, `${MODEL_PATH} is missing`).to.not.equal(undefined);
    expect(kept!.fingerprint, 'the language model is stale: run npm run language:build and commit language/model/en.json').to.equal(fingerprint(routines));
  });

  it('names one of its cues in every phrasing of an emergency sign, so no such phrasing is left unheard', () => {
    const corpus = loadCorpus('en', { overlays: 'all' });
    const cues = new SignCues(corpus);
    const unheard = trainingSamples(corpus, routines)
      .filter((s) => cues.has(s.label) && !cues.said(s.label as Label, stemsOf(normalise(s.plain))))
      .map((s) => `${s.label}: "${s.plain}"`);
    expect(unheard).to.deep.equal([]);
  });
});
