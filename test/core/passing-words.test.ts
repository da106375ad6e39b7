import { expect } from 'chai';
import { step } from '../../src/core/coach.js';
import type { Intent } from '../../src/core/intents.js';
import { newProfile, type Answer } from '../../src/core/profile.js';
import { speechText } from '../../src/core/reply.js';
import { questionIds } from '../../src/core/screening.js';
import type { Session } from '../../src/core/session.js';
import { loadRoutines } from '../../src/routines/load.js';

/** Words said in passing get a word back, never "didn't catch that" (found in npm run chat: "thank you" in a step). */
describe('words said in passing', () => {
  const routines = loadRoutines();
  const now = new Date('2025-03-12T09:00:00.000Z');
  const answers = Object.fromEntries([...questionIds('B'), ...questionIds('C')].map((id) => [id, 'no' as Answer]));
  const profile = { ...newProfile(new Date(now.getTime() - 60 * 86_400_000)), greeted: true, screening: { answers, at: new Date(now.getTime() - 5 * 86_400_000).toISOString() } };

  function say(turns: Intent[]) {
    let session: Session | undefined;
    let last;
    for (const intent of turns) {
      last = step(session, intent, { now, routines, profile, history: [] });
      session = last.session;
    }
    return last!;
  }

  it('"thank you" in a step: you are welcome, and the step stays where it was', () => {
    const before = say([{ type: 'start', routine: 'back-break' }, { type: 'no' }, { type: 'yes' }, { type: 'skip' }]);
    const after = say([{ type: 'start', routine: 'back-break' }, { type: 'no' }, { type: 'yes' }, { type: 'skip' }, { type: 'thanks' }]);
    expect(speechText(after.reply)).to.include("You're welcome.").and.not.include("didn't catch");
    expect(after.reply.moment).to.equal('step');
    expect(after.reply.display.position).to.deep.equal(before.reply.display.position);
  });

  it('"thanks" while choosing: a word back and the choice again', () => {
    const r = say([{ type: 'thanks' }]);
    expect(speechText(r.reply)).to.include("You're welcome.");
    expect(r.reply.moment).to.equal('choosing');
  });

  it('"no reminder" while asked what time declines it, as no does (found in the fresh evaluation phrasings)', () => {
    const asked = say([{ type: 'setReminder' }]);
    expect(asked.reply.moment).to.equal('reminder');
    const r = say([{ type: 'setReminder' }, { type: 'reminderOff' }]);
    expect(r.reply.moment).to.equal('goodbye');
    expect(r.effects.some((e) => e.type === 'scheduleReminder')).to.equal(false);
  });
});
