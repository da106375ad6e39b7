import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import type { Routine } from '../../src/core/routine.js';
import { loadRoutines, readRoutines, ROUTINES_DIR } from '../../src/routines/load.js';
import { expectEstimateNear, expectSidesSpoken, expectStepSpeakable } from './content.js';
import { describeVoice } from './voice.js';

// The generic checks, across every routine the app loads: a new routine file gets them without a test file of its own.
let routines: Routine[] = [];
let loadError: unknown;
try {
  routines = loadRoutines();
} catch (e) {
  loadError = e;
}

describe('routine catalogue (every routine in routines/)', () => {
  it('every routine validates, and all of them load', () => {
    expect(readRoutines().problems).to.deep.equal([]);
    expect(loadError).to.equal(undefined);
    const files = readdirSync(ROUTINES_DIR).filter((f) => /\.ya?ml$/.test(f));
    expect(routines.map((r) => `${r.id}.yaml`)).to.have.members(files);
  });

  it('the routine ids are unique', () => {
    const ids = routines.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'repeated ids').to.deep.equal([]);
  });

  for (const routine of routines) {
    describe(routine.id, () => {
      const stated = routine.statedMinutes;
      if (stated !== undefined) {
        it(`estimates within 30% of the ${stated} minutes stated`, () => expectEstimateNear(routine, stated));
      }

      it('names {side} in the instructions of every sided step, and no placeholder elsewhere', () => {
        for (const s of routine.steps) expectSidesSpoken(s);
      });

      it('keeps every sentence under 30 words and every step under 2,000 characters', () => {
        for (const s of routine.steps) expectStepSpeakable(s, 2000);
      });

      describeVoice(routine);
    });
  }
});
