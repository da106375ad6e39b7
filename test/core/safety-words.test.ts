import { expect } from 'chai';
import { step } from '../../src/core/coach.js';
import type { HurtKind, Intent } from '../../src/core/intents.js';
import { newProfile, type Answer, type Profile } from '../../src/core/profile.js';
import { speechText, type Reply } from '../../src/core/reply.js';
import { questionIds } from '../../src/core/screening.js';
import type { Session } from '../../src/core/session.js';
import { loadRoutines } from '../../src/routines/load.js';

/**
 * Safety words in every moment (issue 9): an emergency sign said anywhere takes the emergency path at once; a
 * hurt or dizziness outside a routine gets its advice and the moment again, never "didn't catch that"; words
 * that only leaned towards a safety meaning get the question "Did you mean ...?".
 */

const routines = loadRoutines();
const NOW = new Date('2025-03-12T09:00:00.000Z');
const DAY = 24 * 3600_000;

/** Greeted and fully screened five days ago, every answer no; or, with `fresh`, never screened. */
function person(fresh = false): Profile {
  const base = newProfile(new Date(NOW.getTime() - 60 * DAY), 'en-US');
  const answers = Object.fromEntries([...questionIds('B'), ...questionIds('C')].map((id) => [id, 'no' as Answer]));
  return {
    ...base,
    greeted: true,
    ...(fresh ? {} : { screening: { answers, at: new Date(NOW.getTime() - 5 * DAY).toISOString() } }),
  };
}

const hurts = (kind?: HurtKind): Intent => (kind ? { type: 'hurts', kind } : { type: 'hurts' });
const leaning = (maybe: NonNullable<Extract<Intent, { type: 'unknown' }>['maybe']>): Intent => ({ type: 'unknown', text: 'words', maybe });
const yes: Intent = { type: 'yes' };
const no: Intent = { type: 'no' };
const next: Intent = { type: 'next' };
const skip: Intent = { type: 'skip' };
const start: Intent = { type: 'start', routine: 'back-break' };

function converse(turns: Intent[], profile = person()): { replies: Reply[]; session: Session | undefined; last: Reply; said: string } {
  let session: Session | undefined;
  const replies: Reply[] = [];
  for (const intent of turns) {
    const result = step(session, intent, { now: NOW, routines, profile, history: [] });
    session = result.session;
    replies.push(result.reply);
  }
  const last = replies.at(-1)!;
  return { replies, session, last, said: speechText(last) };
}

/** The moments before a routine, by the turns that reach them (a screened person, the back break). */
const MOMENTS_BEFORE: Array<[string, Intent[], Profile?]> = [
  ['choosing', []],
  ['screening', [start]],
  ['screening (a full one, first time)', [start], person(true)],
  ['equipment', [start, no]],
  ['painBefore', [start, no, yes]],
];

describe('safety words in every moment', () => {
  for (const [name, before, profile] of MOMENTS_BEFORE) {
    it(`${name}: chest pain or sudden breathlessness takes the emergency path at once`, () => {
      const c = converse([...before, hurts('chest')], profile);
      expect(c.last.moment).to.equal('emergency');
      expect(c.said).to.include('Call 911 now.');
      expect(c.last.end).to.equal(true);
    });

    it(`${name}: numbness around the seat takes the emergency path at once`, () => {
      expect(converse([...before, hurts('saddle')], profile).last.moment).to.equal('emergency');
    });

    it(`${name}: feeling faint stops with the advice to sit or lie down`, () => {
      const c = converse([...before, hurts('faint')], profile);
      expect(c.last.moment).to.equal('stopped');
      expect(c.said).to.include('sit or lie down');
    });

    it(`${name}: "I feel dizzy" gets rest advice and the same question again, not "didn't catch that"`, () => {
      const c = converse([...before, { type: 'dizzy' }], profile);
      const was = before.length ? converse(before, profile).last.moment : 'choosing';
      expect(c.said).to.include('Sit or lie down and rest until it passes.');
      expect(c.said).to.include('call 911 now');
      expect(c.said).to.not.include("didn't catch");
      expect(c.last.moment).to.equal(was);
    });

    it(`${name}: a sharp pain gets advice, not "didn't catch that"`, () => {
      const c = converse([...before, hurts('sharp')], profile);
      expect(c.said).to.include("don't push through it");
      expect(c.said).to.not.include("didn't catch");
    });
  }

  it('"it hurts" while choosing: sorry, gentle, and the choice again', () => {
    const c = converse([hurts()]);
    expect(c.said).to.include('Sorry your back hurts.');
    expect(c.last.moment).to.equal('choosing');
  });

  it('"it still hurts" to "did your back settle?" is a no', () => {
    const profile = person();
    const history = [{ routineId: 'back-break', startedAt: new Date(NOW.getTime() - 2 * DAY).toISOString(), finishedAt: new Date(NOW.getTime() - 2 * DAY + 600_000).toISOString(), completed: true, stepsDone: 6, stepsSkipped: 0 }];
    const first = step(undefined, { type: 'launch' }, { now: NOW, routines, profile, history });
    expect(first.reply.moment).to.equal('settled');
    const then = step(first.session, hurts('mild'), { now: NOW, routines, profile, history });
    expect(then.effects).to.deep.include({ type: 'markSettled', settled: false });
  });

  it('after the steps, at the pain question, an emergency sign still takes the emergency path', () => {
    const c = converse([start, no, yes, skip, { type: 'stop' }, start, yes, hurts('chest')]);
    expect(c.last.moment).to.equal('emergency');
  });

  describe('a clarifying question when the words only leaned towards a safety meaning', () => {
    it('in a step: "Did you mean you feel dizzy?", yes takes the dizziness path', () => {
      const c = converse([start, no, yes, skip, leaning({ type: 'dizzy' })]);
      expect(c.last.moment).to.equal('clarify');
      expect(c.said).to.equal('Did you mean you feel dizzy?');
      expect(c.last.expect).to.equal('yesNo');
      const then = converse([start, no, yes, skip, leaning({ type: 'dizzy' }), yes]);
      expect(then.last.moment).to.equal('dizzyCheck');
    });

    it('no: back to the step, nothing else changed', () => {
      const c = converse([start, no, yes, skip, leaning({ type: 'hurts', kind: 'spreading' }), no]);
      expect(c.said).to.include('Alright.');
      expect(c.last.moment).to.equal('step');
    });

    it('something else instead of an answer is taken where the words were said ("next" moves on)', () => {
      const before = converse([start, no, yes, skip]);
      const c = converse([start, no, yes, skip, leaning({ type: 'dizzy' }), next]);
      expect(c.last.moment).to.equal('step');
      expect(c.last.display.position?.index).to.equal((before.last.display.position?.index ?? 0) + 1);
    });

    it('an emergency sign said instead takes the emergency path', () => {
      const c = converse([start, no, yes, skip, leaning({ type: 'dizzy' }), hurts('chest')]);
      expect(c.last.moment).to.equal('emergency');
    });

    it('while choosing, a yes to "did you mean chest pain?" is the emergency path', () => {
      const c = converse([leaning({ type: 'hurts', kind: 'chest' }), yes]);
      expect(c.replies[0]!.moment).to.equal('clarify');
      expect(speechText(c.replies[0]!)).to.equal('Did you mean chest pain?');
      expect(c.last.moment).to.equal('emergency');
    });

    it('words it did not catch get the question again', () => {
      const c = converse([leaning({ type: 'dizzy' }), { type: 'unknown', text: 'blah' }]);
      expect(c.last.moment).to.equal('clarify');
      expect(c.said).to.include("didn't catch");
    });
  });
});
