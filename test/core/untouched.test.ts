import { expect } from 'chai';
import fc from 'fast-check';
import { step } from '../../src/core/coach.js';
import type { Intent } from '../../src/core/intents.js';
import { newProfile, type HistoryEntry, type Profile } from '../../src/core/profile.js';
import type { Reply } from '../../src/core/reply.js';
import type { Session } from '../../src/core/session.js';
import { loadRoutines } from '../../src/routines/load.js';

/**
 * The core never changes what it is given: the session, the profile, the history and the routines go in
 * deep-frozen (a write to any of them throws in strict mode) and come out as they were. The service may then
 * keep the session a turn produced and hand it to the next turn as it is, instead of parsing and validating
 * its own write again.
 */

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A copy of its own, frozen: the routines other tests load are left alone. */
const routines = deepFreeze(structuredClone(loadRoutines()));
const NOW = new Date('2026-11-21T15:00:00Z');

const intents: Intent[] = [
  { type: 'next' }, { type: 'back' }, { type: 'repeat' }, { type: 'skip' }, { type: 'pause' }, { type: 'resume' },
  { type: 'startOver' }, { type: 'easier' }, { type: 'progress' }, { type: 'help' }, { type: 'dizzy' }, { type: 'hurts', kind: 'mild' },
  { type: 'hurts', kind: 'sharp' }, { type: 'yes' }, { type: 'no' }, { type: 'unsure' }, { type: 'painScore', score: 4 },
  { type: 'timerElapsed' }, { type: 'stop' }, { type: 'launch' }, { type: 'list' }, { type: 'history' },
  { type: 'setReminder', days: 'weekdays', time: '15:00' }, { type: 'reminderOff' }, { type: 'unknown', text: 'hm' },
];

/** What a willing person answers, so random conversations get deep into routines. */
function cooperate(reply: Reply | undefined, pick: number): Intent {
  switch (reply?.expect) {
    case 'yesNoUnsure':
      return { type: 'no' };
    case 'yesNo':
      return { type: 'yes' };
    case 'painScore':
      return { type: 'painScore', score: 3 };
    case 'command':
      return { type: 'next' };
    default:
      return { type: 'start', routine: routines[pick % routines.length]!.id };
  }
}

describe('core: step() changes nothing it is given', () => {
  it('over random conversations, every session, profile and history is left as it was', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat({ max: intents.length - 1 }), fc.constant(-1), fc.constant(-1)), { minLength: 20, maxLength: 80 }), (picks) => {
        let profile: Profile = deepFreeze({ ...newProfile(NOW), greeted: true });
        let history: HistoryEntry[] = deepFreeze([]);
        let session: Session | undefined;
        let reply: Reply | undefined;
        for (const [i, pick] of picks.entries()) {
          const intent = pick < 0 ? cooperate(reply, i) : intents[pick]!;
          const before = JSON.stringify({ session, profile, history });
          const result = step(session, intent, { now: NOW, routines, profile, history });
          expect(JSON.stringify({ session, profile, history }), intent.type).to.equal(before);
          for (const e of result.effects) {
            if (e.type === 'saveProfile') profile = deepFreeze(e.profile);
            if (e.type === 'recordHistory') history = deepFreeze([e.entry, ...history]);
          }
          session = deepFreeze(result.session);
          reply = result.reply;
        }
      }),
      { numRuns: 60 },
    );
  });
});
