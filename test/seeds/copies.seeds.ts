import { expect } from 'chai';
import { loadRoutines } from '../../src/routines/load.js';
import { routineTexts } from '../routines/content.js';
import { closestSentence, NEAR_COPY, words } from '../routines/similar.js';
import { coachCopyTexts, copiesIn, copiesOf, readSources, RUN_WORDS, seedFiles } from './copies.js';

/**
 * Checks of the words the coach says against the source documents in ../shared/seeds (beside the repository).
 * They need those files, so they are not part of `npm test`: `npm run test:seeds` runs them, and .ci/run does
 * when the folder is there.
 */

/** A sentence copied word for word from each source, to show the run check fails. */
const COPIED: Record<string, string> = {
  '000_fe4125699336ad3b.txt': 'Go ahead and do 10 repetitions of the pelvic tilt now.',
  '001_465ed3c5ab6b4b32.txt': 'Relax your legs and hips as fully as possible, please.',
  '002_05e9ee8c3dc0450d.txt': 'Lift your hips only 1 to 2 inches off the floor and let them drop.',
  '003_92571bc51a1a83b0.txt': 'Bring the feet down to the floor about hips width apart.',
  '004_fd58d049bc932aac.txt': 'Put a strap or a belt across the ball of your right foot.',
};

/** Near copies found in earlier versions of the routines: too short for a run, or reworded a little. */
const NEAR_COPIES = [
  'Notice again how you feel.',
  'Thank you for your practice.',
  'If your chin juts up, slide a block or towel under your head.',
  'Back of the neck stays soft.',
  "It's easy to forget to breathe here.",
];

/** Our own sentences on the same facts: the check must let these through. */
const OURS = [
  "Check in with yourself. What's changed?",
  "If your chin tips up toward the ceiling, rest your head on a folded towel.",
  'Let your neck go soft.',
];

describe('the words the coach says, against the source documents', () => {
  const sources = readSources();

  it('reads every source the routines were written from', () => {
    expect(seedFiles()).to.include.members(Object.keys(COPIED));
    for (const r of loadRoutines()) if (r.source.seed) expect(seedFiles(), r.id).to.include(r.source.seed);
    expect(sources.runs.size, `runs of ${RUN_WORDS} words`).to.be.greaterThan(8000);
    expect(sources.sentences.length, 'sentences').to.be.greaterThan(500);
  });

  describe('the copy check can fail', () => {
    for (const [seed, copied] of Object.entries(COPIED)) {
      it(`finds a run of ${RUN_WORDS} words copied from ${seed}`, () => {
        expect(copiesOf(copied, sources).filter((c) => c.startsWith('run'))).to.not.be.empty;
      });
    }

    for (const near of NEAR_COPIES) {
      it(`finds the near copy "${near}"`, () => {
        const closest = closestSentence(near, sources.sentenceWords);
        expect(closest?.score, 'similarity').to.be.at.least(NEAR_COPY);
        expect(copiesOf(near, sources)).to.not.be.empty;
      });
    }

    for (const ours of OURS) {
      it(`lets through our own sentence "${ours}"`, () => {
        expect(copiesOf(ours, sources)).to.deep.equal([]);
      });
    }

    it('finds the words of a copy module (the fixed words are read from the source)', () => {
      const texts = coachCopyTexts();
      expect(texts.length, 'string literals').to.be.greaterThan(100);
      expect(texts.map((t) => t.text)).to.include("There's nothing to resume.");
      expect(texts.some((t) => words(t.text).join(' ').includes('take care of your back')), 'a phrase inside a template').to.equal(true);
    });
  });

  for (const routine of loadRoutines()) {
    it(`${routine.id}: copies no run of ${RUN_WORDS} words and no sentence from a source`, () => {
      expect(copiesIn(routineTexts(routine), sources)).to.deep.equal([]);
    });
  }

  it("the coach's fixed words (src/core/copy) copy no run and no sentence from a source", () => {
    expect(copiesIn(coachCopyTexts(), sources)).to.deep.equal([]);
  });
});
