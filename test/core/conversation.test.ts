import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { step } from '../../src/core/coach.js';
import type { CoachContext } from '../../src/core/context.js';
import { conversation } from '../../src/core/conversation.js';
import { edges, endings, mermaid } from '../../src/core/diagram.js';
import type { Effect } from '../../src/core/effects.js';
import type { Intent } from '../../src/core/intents.js';
import type { HistoryEntry, Profile } from '../../src/core/profile.js';
import { speechText, type Reply } from '../../src/core/reply.js';
import { MOMENTS, parseSession, runOf, type Session, type StateMoment } from '../../src/core/session.js';
import { loadRoutines } from '../../src/routines/load.js';
import { screenedProfile } from '../scripts/script.js';

/** The conversation table itself, and the defects its old shape let through, each in the words that found it. */

const routines = loadRoutines();
const NOW = new Date('2025-03-12T09:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('conversation table', () => {
  const graph = edges(conversation);
  const ends = new Set(endings(conversation));
  // The safety and anywhere tables work in every moment that is not closing.
  const open = MOMENTS.filter((m) => conversation.moments[m].expects !== 'nothing');
  const next = (from: StateMoment): StateMoment[] => [
    ...graph.filter((e) => e.from === from).map((e) => e.to),
    ...(open.includes(from) ? graph.filter((e) => e.from === 'safety' || e.from === 'anywhere').map((e) => e.to) : []),
  ];

  it('every moment is reachable from the start', () => {
    const seen = new Set<StateMoment>([conversation.start]);
    for (let queue: StateMoment[] = [conversation.start]; queue.length > 0; ) {
      for (const to of next(queue.shift()!)) if (!seen.has(to)) (seen.add(to), queue.push(to));
    }
    expect(MOMENTS.filter((m) => !seen.has(m))).to.deep.equal([]);
  });

  it('every moment can reach an end of the conversation', () => {
    const stuck = MOMENTS.filter((from) => {
      const seen = new Set<StateMoment>([from]);
      for (let queue: StateMoment[] = [from]; queue.length > 0; ) {
        const m = queue.shift()!;
        if (ends.has(m)) return false;
        for (const to of next(m)) if (!seen.has(to)) (seen.add(to), queue.push(to));
      }
      return true;
    });
    expect(stuck).to.deep.equal([]);
  });

  it('the diagram in the README is the one the table draws (npm run conversation:diagram)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).to.include(`\`\`\`mermaid\n${mermaid(conversation)}\n\`\`\``);
  });

  it('a session of version 1 does not parse: the coach starts fresh, politely', () => {
    const v1 = { v: 1, turn: 4, phase: 'step', screenFull: false, run: { routineId: 'back-break', items: [], index: 0, startedAt: NOW.toISOString() } };
    expect(parseSession(v1)).to.equal(undefined);
    const result = step(undefined, { type: 'next' }, { ...ctx(screenedProfile(NOW), []), recovered: true });
    expect(speechText(result.reply)).to.include("let's start fresh");
  });
});

// ---------------------------------------------------------------------------------------------------------

function ctx(profile: Profile, history: HistoryEntry[], now = NOW): CoachContext {
  return { now, routines, profile, history };
}

type Turn = Intent | { wait: number };

/** A conversation as an application runs it: history and profile effects applied between turns. */
function talk(turns: Turn[], start: { history?: HistoryEntry[] } = {}) {
  let profile = screenedProfile(NOW);
  let history = [...(start.history ?? [])];
  let session: Session | undefined;
  let now = NOW;
  const replies: Reply[] = [];
  const effects: Effect[] = [];
  for (const turn of turns) {
    if ('wait' in turn) {
      now = new Date(now.getTime() + turn.wait);
      continue;
    }
    const result = step(session, turn, ctx(profile, history, now));
    for (const e of result.effects) {
      if (e.type === 'saveProfile') profile = e.profile;
      if (e.type === 'recordHistory') history = [e.entry, ...history];
      if (e.type === 'recordPainAfter') history = history.map((h) => (h.startedAt === e.startedAt ? { ...h, painAfter: e.painAfter } : h));
    }
    session = result.session;
    replies.push(result.reply);
    effects.push(...result.effects);
  }
  const reply = replies.at(-1)!;
  return { reply, speech: speechText(reply), replies, effects, history, session, profile };
}

const say = {
  launch: { type: 'launch' },
  yes: { type: 'yes' },
  no: { type: 'no' },
  next: { type: 'next' },
  skip: { type: 'skip' },
  stop: { type: 'stop' },
  pause: { type: 'pause' },
  resume: { type: 'resume' },
} as const satisfies Record<string, Intent>;
const start = (routine: string): Intent => ({ type: 'start', routine });
const pain = (score: number): Intent => ({ type: 'painScore', score });
const hurts = (kind?: 'sharp' | 'mild'): Intent => (kind ? { type: 'hurts', kind } : { type: 'hurts' });
/** A screened person from "start" to the first step, with a pain score before. */
const begin = (routine: string, before = 3): Intent[] => [start(routine), say.no, say.yes, pain(before)];
const nexts = (n: number): Intent[] => Array.from({ length: n }, () => say.next);
/** Back break, to its last question (six steps, no check-in). */
const walkBackBreak: Intent[] = [...begin('back break'), ...nexts(6)];

describe('conversation: what the old shape got wrong', () => {
  describe('"this hurts" at a check-in is about the step just done', () => {
    // Spinal love: head rolls (step 3) ask "how was that?"; the head hang (step 4) comes next.
    const atCheckIn = [...begin('spinal love'), ...nexts(3)];

    it('sharp: the head rolls are blamed, remembered and left out; the head hang is still offered', () => {
      const c = talk([...atCheckIn, hurts(), hurts('sharp')]);
      expect(c.replies.at(-3)!.moment).to.equal('checkIn');
      expect(c.reply.moment).to.equal('hurtChoice');
      expect(c.effects).to.deep.include({ type: 'safetyEvent', kind: 'stopRule', routineId: 'spinal-love', stepId: 'head-rolls' });
      expect(c.profile.flaredSteps).to.deep.equal(['head-rolls']);
      expect(c.reply.choices.map((x) => x.label)).to.not.include('Skip');
      const on = talk([...atCheckIn, hurts('sharp'), say.next]);
      expect(on.reply.display.heading).to.equal('Head hang');
      expect(runOf(on.session)?.avoid).to.deep.equal(['head-rolls']);
    });

    it('mild: a mild stretch is fine, and on to the head hang', () => {
      const c = talk([...atCheckIn, hurts('mild')]);
      expect(c.speech).to.include('A mild stretch is fine.');
      expect(c.effects.filter((e) => e.type === 'safetyEvent')).to.deep.equal([]);
      expect(talk([...atCheckIn, hurts('mild'), say.next]).reply.display.heading).to.equal('Head hang');
    });

    it('dizzy at the check-in leaves out the head rolls too, not only the move after them', () => {
      const c = talk([...atCheckIn, { type: 'dizzy' }]);
      expect(c.effects).to.deep.include({ type: 'safetyEvent', kind: 'dizzy', routineId: 'spinal-love', stepId: 'head-rolls' });
    });
  });

  it('a resume offer left unanswered is offered again at the next launch', () => {
    const c = talk([...begin('low back release'), ...nexts(4), say.stop, say.launch, say.launch]);
    expect(c.reply.moment).to.equal('resumeOffer');
    expect(c.speech).to.include('You stopped Low Back Release at step 3 of 15, right side.');
    expect(talk([...begin('low back release'), ...nexts(4), say.stop, say.launch, say.launch, say.yes]).reply.display.heading).to.equal('Spinal twist');
  });

  describe('a routine whose steps are all done is in the history, whatever happens at the last question', () => {
    const done = (c: ReturnType<typeof talk>) => c.history.filter((h) => h.routineId === 'back-break' && h.completed && h.stepsDone === 6);
    for (const [what, last] of [
      ['"stop"', [say.stop]],
      ['another routine', [start('five moves')]],
      ['"open Back Break" a day later', [{ wait: DAY }, say.launch]],
      ['nothing at all', []],
    ] as Array<[string, Turn[]]>) {
      it(what, () => {
        const c = talk([...walkBackBreak, ...last]);
        expect(done(c), JSON.stringify(c.history)).to.have.length(1);
        expect(done(c)[0]).to.not.have.property('painAfter');
      });
    }

    it('a pain score there is added to that entry, not a second one', () => {
      const c = talk([...walkBackBreak, pain(1)]);
      expect(done(c)).to.have.length(1);
      expect(done(c)[0]).to.include({ painBefore: 3, painAfter: 1 });
    });
  });

  describe('time spent counts time in the routine, not the clock', () => {
    it('a routine picked up a week later: the minutes of the routine, not "10080 minutes"', () => {
      // A new day: the emergency question first ("no"), then the routine where it was left.
      const c = talk([...begin('back break'), { wait: 2 * MINUTE }, say.next, say.stop, { wait: 7 * DAY }, say.launch, say.yes, say.no, { wait: MINUTE }, ...nexts(5), say.skip]);
      expect(c.reply.moment).to.equal('finished');
      expect(c.speech).to.include('You spent 3 minutes, did 6 steps.');
    });

    it('a pause does not count', () => {
      const c = talk([...begin('back break'), { wait: 2 * MINUTE }, say.pause, { wait: 45 * MINUTE }, say.resume, ...nexts(6), say.skip]);
      expect(c.speech).to.include('You spent 2 minutes');
    });

    it('a step left open for hours counts as ten minutes at most', () => {
      const c = talk([...begin('back break'), { wait: 5 * 60 * MINUTE }, ...nexts(6), say.skip]);
      expect(c.speech).to.include('You spent 10 minutes');
    });
  });
});
