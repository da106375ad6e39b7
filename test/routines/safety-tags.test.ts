import { expect } from 'chai';
import type { Routine, SafetyTag } from '../../src/core/routine.js';
import { idsTagged, routineById } from './content.js';

/**
 * The safety tags a step needs (safety.md section 2), read routine by routine. The rules of the table act on
 * tags, so a move missing its tag is a move the rules cannot see: lying on the back for long (pregnancy),
 * curl-ups and head lifts (osteoporosis, recent surgery), leg lowering, thumps, the roller under the spine.
 */

/** Steps lying on the back, restated here from each routine's words, so a missing tag fails. */
const ON_THE_BACK: Record<string, string[]> = {
  'five-moves': [
    'knee-circles', 'knee-circles-reverse',
    'strap-up-right', 'strap-out-right', 'strap-across-right', 'strap-up-left', 'strap-out-left', 'strap-across-left',
    'stability-bridge', 'legs-30-60-90',
  ],
  'gentle-yoga-release': [
    'rocking', 'knee-circles', 'pelvic-tilts', 'windshield-wipers',
    ...['right', 'left'].flatMap((side) =>
      ['knee-to-chest', 'strap-hamstring', 'strap-open', 'strap-across', 'strap-open-across', 'curl-up', 'figure-four-rocking', 'figure-four-thread', 'ankle-circles', 'rest'].map((s) => `${s}-${side}`),
    ),
    'bridge', 'alternating-knees', 'rock-and-wipers', 'final-relaxation',
  ],
};

/** Every step of the ten-pose floor sequence is done lying on the back. */
const LOW_BACK_RELEASE = routineById('low-back-release').steps.map((s) => s.id);

const EXPECTED: Record<string, Partial<Record<SafetyTag, string[]>>> = {
  'low-back-release': { 'lying-flat': LOW_BACK_RELEASE, 'sacral-thumps': ['sacral-thumps'] },
  'spinal-love': {
    'foam-roller-spine': routineById('spinal-love').steps.map((s) => s.id),
    'head-hang': ['head-rolls', 'head-hang'],
    traction: ['thigh-press-traction'],
  },
  'sacral-traction': { traction: ['roller-under-sacrum', 'lengthen-low-back', 'press-and-wait', 'remove-roller'], 'forward-bend-test': ['forward-bend-test', 'forward-bend-retest'] },
  'five-moves': { 'lying-flat': ON_THE_BACK['five-moves'], 'leg-lowering': ['legs-30-60-90'], bridge: ['stability-bridge'] },
  'gentle-yoga-release': { 'lying-flat': ON_THE_BACK['gentle-yoga-release'], 'curl-up': ['curl-up-right', 'curl-up-left'], bridge: ['bridge'] },
};

/** The step's words, lower case: its name and instructions. */
const wordsOf = (r: Routine, id: string) => {
  const s = r.steps.find((x) => x.id === id)!;
  return [s.name, ...s.instructions].join(' ').toLowerCase();
};

describe('routines: safety tags on every step that needs one', () => {
  for (const [id, tags] of Object.entries(EXPECTED)) {
    const routine = routineById(id);
    for (const [tag, steps] of Object.entries(tags)) {
      it(`${id}: ${tag} on ${steps!.length} steps`, () => expect(idsTagged(routine, tag as SafetyTag)).to.deep.equal(steps));
    }
  }

  for (const id of ['five-moves', 'gentle-yoga-release', 'back-break', 'sacral-traction', 'low-back-release', 'spinal-love']) {
    const routine = routineById(id);
    it(`${id}: a step written for one side says which (its side field matches its id)`, () => {
      for (const s of routine.steps) {
        const fromId = /-(right|left)$/.exec(s.id)?.[1];
        expect(s.side, s.id).to.equal(fromId);
      }
    });

    it(`${id}: curl-ups and head lifts carry the curl-up tag; leg lowering its tag`, () => {
      for (const s of routine.steps) {
        if (/\bcurl(s|ing)? up\b|\bhead (and shoulder )?lifts?\b/.test(wordsOf(routine, s.id))) expect(s.tags, s.id).to.include('curl-up');
        if (/\blower (both|your) legs\b|30\/60\/90/.test(wordsOf(routine, s.id))) expect(s.tags, s.id).to.include('leg-lowering');
      }
    });
  }
});
