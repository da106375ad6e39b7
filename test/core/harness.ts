import { expect } from 'chai';
import { step, type StepResult } from '../../src/core/coach.js';
import type { Effect } from '../../src/core/effects.js';
import type { HurtKind, Intent } from '../../src/core/intents.js';
import { newProfile, type Answer, type HistoryEntry, type Profile } from '../../src/core/profile.js';
import { speechText, type Moment, type Reply } from '../../src/core/reply.js';
import { estimatedMinutes } from '../../src/core/routine.js';
import { GROUPS, questionIds, type QuestionId } from '../../src/core/screening.js';
import { runOf, type Session } from '../../src/core/session.js';
import { loadRoutines } from '../../src/routines/load.js';

/**
 * The harness of the coach's table tests: people, intents, and `run(cases)`, where each case is a person
 * (profile, history, time, locale), what they say in order, and what the last reply (or the whole
 * conversation) must show.
 */

export const routines = loadRoutines();
/** A Wednesday morning, UTC. */
export const NOW = new Date('2025-03-12T09:00:00.000Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const at = (ms: number) => new Date(NOW.getTime() + ms);
export const iso = (ms: number) => at(ms).toISOString();

// ---------------------------------------------------------------------------------------------------------
// People

export const B_AND_C = [...questionIds('B'), ...questionIds('C')];
export const ALL_NO: Record<string, Answer> = Object.fromEntries(B_AND_C.map((id) => [id, 'no' as const]));

export interface PersonOptions {
  greeted?: boolean;
  /** Days since the last full screening; undefined with `screened: false`. */
  screenedDaysAgo?: number;
  screened?: boolean;
  /** Screening answers by question id (the surgery kinds too: cSurgeryBack, cSurgeryHip, cSurgeryBelly). */
  answers?: Partial<Record<QuestionId, Answer>>;
  locale?: string;
  timeZone?: string;
  flaredSteps?: string[];
  comfortable?: boolean;
}

/** A returning person, greeted and fully screened five days ago with every answer "no", unless told otherwise. */
export function person(o: PersonOptions = {}): Profile {
  const base = newProfile(new Date(NOW.getTime() - 60 * DAY), o.locale ?? 'en-US');
  const screened = o.screened ?? true;
  return {
    ...base,
    greeted: o.greeted ?? true,
    ...(o.timeZone ? { timeZone: o.timeZone } : {}),
    ...(screened
      ? { screening: { answers: { ...ALL_NO, ...o.answers } as Record<string, Answer>, at: iso(-(o.screenedDaysAgo ?? 5) * DAY) } }
      : {}),
    prefs: { handsFree: false, comfortableWithStretches: o.comfortable ?? false },
    flaredSteps: o.flaredSteps ?? [],
  };
}

/** Someone who has never used the coach. */
export const newcomer = (locale = 'en-US') => person({ greeted: false, screened: false, locale });

/** A completed routine in the history, finished `msAgo` before NOW. */
export function finished(msAgo: number, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    routineId: 'back-break',
    startedAt: iso(-msAgo - 6 * MINUTE),
    finishedAt: iso(-msAgo),
    completed: true,
    stepsDone: 6,
    stepsSkipped: 0,
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Intents

export const yes: Intent = { type: 'yes' };
export const no: Intent = { type: 'no' };
export const unsure: Intent = { type: 'unsure' };
export const next: Intent = { type: 'next' };
export const back: Intent = { type: 'back' };
export const repeat: Intent = { type: 'repeat' };
export const skip: Intent = { type: 'skip' };
export const pause: Intent = { type: 'pause' };
export const resume: Intent = { type: 'resume' };
export const startOver: Intent = { type: 'startOver' };
export const easier: Intent = { type: 'easier' };
export const progress: Intent = { type: 'progress' };
export const help: Intent = { type: 'help' };
export const stop: Intent = { type: 'stop' };
export const launch: Intent = { type: 'launch' };
export const dizzy: Intent = { type: 'dizzy' };
export const list: Intent = { type: 'list' };
export const forgetMe: Intent = { type: 'forgetMe' };
export const reminderOff: Intent = { type: 'reminderOff' };
export const start = (routine?: string, wish: { minutes?: number; without?: string[] } = {}): Intent => ({
  type: 'start',
  ...(routine !== undefined ? { routine } : {}),
  ...wish,
});
export const recommend = (wish: { minutes?: number; without?: string[] } = {}): Intent => ({ type: 'recommend', ...wish });
export const pain = (score: number): Intent => ({ type: 'painScore', score });
export const hurts = (kind?: HurtKind): Intent => (kind ? { type: 'hurts', kind } : { type: 'hurts' });
export const remind = (days?: string, time?: string): Intent => ({
  type: 'setReminder',
  ...(days !== undefined ? { days } : {}),
  ...(time !== undefined ? { time } : {}),
});
export const unknown = (text: string): Intent => ({ type: 'unknown', text });
export const timer = (stepKey?: string): Intent => ({ type: 'timerElapsed', ...(stepKey !== undefined ? { stepKey } : {}) });

/**
 * A full screening's answers: "no" to the combined tier A question, then each combined B and C question, "no"
 * unless one of its signs is given, and then each single question in turn ("no" unless given).
 */
export function screen(answers: Partial<Record<QuestionId, Answer>> = {}): Intent[] {
  const say = { yes, no, unsure };
  const given = (id: QuestionId) => answers[id] !== undefined && answers[id] !== 'no';
  const single = (id: QuestionId): Intent[] => {
    if (id !== 'cSurgery') return [say[answers[id] ?? 'no']];
    const kinds = GROUPS.cSurgery;
    return given('cSurgery') || kinds.some(given) ? [say[answers.cSurgery ?? 'yes'], ...kinds.map((k) => say[answers[k] ?? 'no'])] : [no];
  };
  const group = (id: 'bBody' | 'bPattern' | 'cAny'): Intent[] =>
    GROUPS[id].some((p) => given(p) || (p === 'cSurgery' && GROUPS.cSurgery.some(given))) ? [yes, ...GROUPS[id].flatMap(single)] : [no];
  return [no, ...group('bBody'), ...group('bPattern'), ...group('cAny')];
}

/** A screened person from "start" to the first step: the quick question, the equipment, the pain score. */
export const begin = (routine: string, painBefore?: number): Turn[] => [start(routine), no, yes, painBefore === undefined ? skip : pain(painBefore)];
export const nexts = (n: number): Intent[] => Array.from({ length: n }, () => next);

// ---------------------------------------------------------------------------------------------------------
// The harness

/** Moves the clock on. */
export type Wait = { wait: number };
/** Sends the same intent until a reply has the moment (at most 200 times). */
export type Until = { until: Moment; send: Intent };
/** An intent worked out from the conversation so far (e.g. the current timer's key). */
export type Later = (c: Conversation) => Intent;
export type Turn = Intent | Wait | Until | Later;

export interface World {
  profile?: Profile;
  history?: HistoryEntry[];
  now?: Date;
  session?: Session;
  recovered?: boolean;
  channel?: 'voice' | 'text';
}

export interface Said {
  intent: Intent;
  result: StepResult;
  speech: string;
  /** The session before the turn. */
  before: Session | undefined;
}

export interface Conversation {
  turns: Said[];
  profile: Profile;
  history: HistoryEntry[];
  session: Session | undefined;
  now: Date;
  /** The last turn. */
  last: Said;
  reply: Reply;
  speech: string;
  effects: Effect[];
  /** Every effect of the conversation, in order. */
  all: Effect[];
  replies: Reply[];
}

/**
 * Runs a conversation through the core as an application would: threads the session, applies saveProfile,
 * recordHistory, recordPainAfter and markSettled effects to the profile and history between turns, and moves the clock only when told.
 */
export function converse(turns: readonly Turn[], world: World = {}): Conversation {
  const c: Conversation = {
    turns: [],
    profile: world.profile ?? person(),
    history: [...(world.history ?? [])],
    session: world.session,
    now: new Date(world.now ?? NOW),
    last: undefined as unknown as Said,
    reply: undefined as unknown as Reply,
    speech: '',
    effects: [],
    all: [],
    replies: [],
  };
  let recovered = world.recovered ?? false;
  const say = (intent: Intent) => {
    const before = c.session;
    const result = step(before, intent, {
      now: c.now,
      routines,
      profile: c.profile,
      history: c.history,
      ...(world.channel ? { channel: world.channel } : {}),
      ...(recovered ? { recovered } : {}),
    });
    recovered = false;
    for (const e of result.effects) {
      if (e.type === 'saveProfile') c.profile = e.profile;
      if (e.type === 'recordHistory') c.history = [e.entry, ...c.history];
      if (e.type === 'recordPainAfter') c.history = c.history.map((h) => (h.startedAt === e.startedAt && h.routineId === e.routineId ? { ...h, painAfter: e.painAfter } : h));
      if (e.type === 'markSettled' && c.history[0]) c.history = [{ ...c.history[0], settled: e.settled }, ...c.history.slice(1)];
    }
    c.session = result.session;
    c.last = { intent, result, speech: speechText(result.reply), before };
    c.turns.push(c.last);
    c.reply = result.reply;
    c.speech = c.last.speech;
    c.effects = result.effects;
    c.all.push(...result.effects);
    c.replies.push(result.reply);
  };
  for (const turn of turns) {
    if (typeof turn === 'function') say(turn(c));
    else if ('wait' in turn) c.now = new Date(c.now.getTime() + turn.wait);
    else if ('until' in turn) {
      for (let i = 0; c.reply?.moment !== turn.until; i++) {
        if (i >= 200) throw new Error(`never reached ${turn.until}`);
        say(turn.send);
      }
    } else say(turn);
  }
  return c;
}

/** Steps presented in a conversation (or from turn `from` on), by heading. */
export const headings = (c: Conversation, from = 0) =>
  c.turns.slice(from).flatMap((t) => (t.result.reply.moment === 'step' && t.result.reply.display.heading ? [t.result.reply.display.heading] : []));

/** True when every key of `partial` matches `value` (recursively for plain objects; arrays must be equal). */
export function matches(value: unknown, partial: unknown): boolean {
  if (partial === null || typeof partial !== 'object' || Array.isArray(partial)) {
    return JSON.stringify(value) === JSON.stringify(partial);
  }
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(partial).every(([k, v]) => matches((value as Record<string, unknown>)[k], v));
}

export const effectsWith = (effects: readonly Effect[], partial: Record<string, unknown>) => effects.filter((e) => matches(e, partial));

export type Text = string | RegExp;
export const has = (speech: string, t: Text) => (typeof t === 'string' ? speech.includes(t) : t.test(speech));

export interface Case {
  name: string;
  world?: World;
  turns: Turn[];
  /** The last reply's moment. */
  moment?: Moment;
  /** The last reply's speech contains each. */
  says?: Text[];
  /** The last reply's speech contains none. */
  saysNot?: Text[];
  /** No reply of the conversation says any. */
  never?: Text[];
  /** The last turn's effects include one matching each. */
  effects?: Array<Record<string, unknown>>;
  /** No effect of these types in the whole conversation. */
  noEffects?: Array<Effect['type']>;
  end?: boolean;
  check?: (c: Conversation) => void;
}

export function run(cases: readonly Case[]): void {
  for (const k of cases) {
    it(k.name, () => {
      const c = converse(k.turns, k.world);
      const where = `\n  moment: ${c.reply.moment}\n  speech: ${c.speech}\n  effects: ${JSON.stringify(c.effects.map((e) => (e.type === 'saveProfile' ? { type: e.type } : e)))}`;
      if (k.moment) expect(c.reply.moment, `moment${where}`).to.equal(k.moment);
      for (const t of k.says ?? []) expect(has(c.speech, t), `says ${t}${where}`).to.equal(true);
      for (const t of k.saysNot ?? []) expect(has(c.speech, t), `does not say ${t}${where}`).to.equal(false);
      for (const t of k.never ?? []) {
        const said = c.turns.find((s) => has(s.speech, t));
        expect(said?.speech, `never says ${t}`).to.equal(undefined);
      }
      for (const e of k.effects ?? []) expect(effectsWith(c.effects, e), `effect ${JSON.stringify(e)}${where}`).to.have.length.greaterThan(0);
      for (const type of k.noEffects ?? []) expect(c.all.filter((e) => e.type === type), `no ${type} effect`).to.deep.equal([]);
      if (k.end !== undefined) expect(c.reply.end, `end${where}`).to.equal(k.end);
      k.check?.(c);
    });
  }
}

export const copyOfTitle = (title: string) => routines.find((r) => r.title === title);

