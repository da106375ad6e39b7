import { tick } from './clock.js';
import type { CoachContext } from './context.js';
import { copyFor } from './copy/en.js';
import { conversation } from './conversation.js';
import { Draft } from './draft.js';
import type { Effect } from './effects.js';
import type { Intent, IntentType } from './intents.js';
import type { Reply } from './reply.js';
import { greetFirstTime, restingOf } from './side.js';
import { newSession, runOf, splitSession, stepKeyOf, type Session, type State } from './session.js';
import { take, type AnySpec, type Outcome } from './table.js';

export type { CoachContext } from './context.js';

/**
 * The coach: one pure, deterministic turn, run by the conversation table (conversation.ts). Everything it
 * depends on comes in; everything it wants done goes out as data.
 */

export interface StepResult {
  /** Undefined when the person's data was erased. */
  session: Session | undefined;
  reply: Reply;
  effects: Effect[];
  /** The intent was for an earlier moment (a late timer): nothing changed. */
  stale: boolean;
}

/** Turns closer than this belong to one visit. */
const SAME_VISIT_MS = 30 * 60_000;

export function step(session: Session | undefined, intent: Intent, ctx: CoachContext): StepResult {
  const before = session ?? newSession();
  if (intent.type === 'timerElapsed' && isStaleTimer(before, intent.stepKey)) {
    return { session: before, reply: view(before, ctx), effects: [], stale: true };
  }
  const { common, state } = splitSession(before);
  const sameVisit = common.at !== undefined && ctx.now.getTime() - Date.parse(common.at) < SAME_VISIT_MS;
  const d = new Draft({ ...common, turn: common.turn + 1, at: ctx.now.toISOString() }, ctx, sameVisit);
  const now = resting(d, state);
  // "Open Back Break" greets in its own way; anything else says the disclaimer first, the first time.
  if (intent.type !== 'launch') {
    greetFirstTime(d);
    if (session === undefined && ctx.recovered) d.say(d.copy.recovered);
  }
  const entered = enter(d, decide(d, now, intent));
  const erased = d.effects.some((e) => e.type === 'erase');
  return { session: erased ? undefined : { ...d.common, ...entered.state }, reply: entered.reply, effects: d.allEffects(), stale: false };
}

/** The current moment said again without changing anything (a stale button, a late timer). */
export function view(session: Session | undefined, ctx: CoachContext): Reply {
  const { common, state } = splitSession(session ?? newSession());
  return enter(new Draft(common, ctx), { again: state }).reply;
}

/** What another device holding the session makes the application answer: try again in a moment. */
export function busy(locale: string, timeZone?: string): Reply {
  const copy = copyFor(locale, timeZone);
  return {
    moment: 'busy',
    speech: [{ kind: 'say', text: copy.busy }],
    display: { title: copy.name, body: copy.busy },
    choices: [],
    expect: 'command',
    reprompt: copy.busy,
    end: false,
  };
}

function isStaleTimer(s: Session, key: string | undefined): boolean {
  if (s.moment !== 'step') return true;
  return key !== undefined && key !== stepKeyOf(s.run, s.turn);
}

/**
 * Where this turn starts: a closed conversation starts from where it rested; a new day lifts the last day's
 * block; a run of a routine no longer in the catalogue is dropped; the time since the run last moved is counted.
 */
function resting(d: Draft, state: State): State {
  let s: State = state.moment === 'goodbye' || state.moment === 'stopped' ? restingOf(state) : state;
  if (d.common.blocked && d.common.blocked.day !== d.today()) {
    const { blocked: _lifted, ...rest } = d.common;
    d.common = rest;
    if (s.moment === 'emergency' || s.moment === 'urgent') s = { moment: 'choosing' };
  }
  const run = runOf(s);
  if (run && !d.routine(run.routineId)) s = { moment: 'choosing' };
  return tick(s, d.ctx.now);
}

/** The transition that takes the intent (table.ts `take`), else "didn't catch that", the help, the moment again. */
function decide(d: Draft, s: State, intent: Intent): Outcome {
  const outcome = take(conversation, d, s, intent);
  if (outcome) return outcome;
  const spec: AnySpec = conversation.moments[s.moment];
  d.say(d.copy.didntCatch, d.copy.help[spec.help]);
  return { again: s, brief: true };
}

/** Enters the moment decided on (or says the current one again) and renders the reply from it, once. */
function enter(d: Draft, outcome: Outcome): { state: State; reply: Reply } {
  const asked = 'again' in outcome;
  const state = asked ? outcome.again : outcome;
  const spec: AnySpec = conversation.moments[state.moment];
  const shown = spec.says(d, state, asked ? (outcome.brief ? 'brief' : 'again') : 'enter');
  const reply = {
    moment: state.moment,
    speech: d.speech,
    display: shown.display,
    choices: shown.choices ?? [],
    ...(shown.hold ? { hold: shown.hold } : {}),
  };
  const stored = spec.said ? spec.said(d, state) : state;
  if (spec.expects === 'nothing' || spec.ends?.(d, state)) return { state: stored, reply: { ...reply, end: true, expect: 'nothing' } };
  return { state: stored, reply: { ...reply, end: false, expect: spec.expects, reprompt: shown.reprompt } };
}
