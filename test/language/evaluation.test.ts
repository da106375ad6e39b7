import { expect } from 'chai';
import { loadCorpus } from '../../src/language/corpus.js';
import { evaluate, loadEval, tooClose } from '../../src/language/evaluation.js';
import { loadUnderstanding } from '../../src/language/index.js';
import { trainingSamples } from '../../src/language/training.js';
import { loadRoutines } from '../../src/routines/load.js';

/** The labelled evaluation (language/eval/en.yaml) held to its targets; `npm run nlu:eval` prints the detail. */
describe('the evaluation of the typed understanding', function () {
  this.timeout(60_000);
  const routines = loadRoutines();
  const cases = loadEval();
  const result = evaluate(loadUnderstanding(routines), cases);

  it('has at least 600 phrasings: 150 safety statements and 100 of ordinary talk among them', () => {
    expect(cases.length).to.be.at.least(600);
    expect(result.safety.statements).to.be.at.least(150);
    expect(result.talk).to.be.at.least(100);
  });

  it('has no phrasing within edit distance 3 of a training sample', () => {
    const close = tooClose(cases, trainingSamples(loadCorpus('en', { overlays: 'all' }), routines));
    expect(close.map((c) => `"${c.text}" ~ "${c.sample}"`)).to.deep.equal([]);
  });

  it('acts on every safety statement, the emergency ones by the emergency path', () => {
    expect(result.safety.missed).to.deep.equal([]);
  });

  it('reads at most 1% of what is no emergency as one', () => {
    expect(result.emergencies.falseAlarms / result.emergencies.ordinary, result.emergencies.listed.join('\n')).to.be.at.most(0.01);
  });

  it('understands at least 95% of the phrasings', () => {
    expect(result.correct / result.cases, result.wrong.map((w) => `[${w.at}] "${w.text}" -> ${w.got} (meant ${w.want})`).join('\n')).to.be.at.least(0.95);
  });
});
