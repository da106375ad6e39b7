import { Choices } from './choices.js';
import type { CoachContext } from './context.js';
import { Draft } from './draft.js';
import type { Effect } from './effects.js';
import type { Intent } from './intents.js';
import type { Reply } from './reply.js';
import { describeDays, describeTime, EVERY_DAY, parseDays, parseTime } from './reminder.js';
import {
  advance,
  currentItem,
  displayFor,
  nextOrFinish,
  painTooHigh,
  position,
  presentItem,
  promptIdle,
  skipStep,
} from './run.js';
import { helpFor, historyText, prompt } from './prompt.js';
import { newSession, stepKeyOf, type Phase, type Session } from './session.js';
import { finish } from './finish.js';
import { answerHurt, answerDizzyCheck, dizzy, promptHurtKind } from './stop-rules.js';
import {
  answerEquipment,
  answerPainBefore,
  answerPrerequisite,
  answerScreening,
  blockToday,
  choose,
  listText,
  promptScreening,
} from './start.js';

export type { CoachContext } from './context.js';

export interface StepResult {
  /** Undefined when the person's data was erased. */
  session: Session | undefined;
  reply: Reply;
  effects: Effect[];
  /** The intent was for an earlier moment (a late timer): nothing changed. */
  stale: boolean;
}

/** Intents that could start or continue exercise. */
const LEADS_TO_EXERCISE: ReadonlySet<Intent['type']> = new Set(['start', 'recommend', 'resume', 'next', 'startOver', 'timerElapsed']);

/** Phases in which a routine is under way (a resume offer makes sense). */
const IN_RUN: ReadonlySet<Phase> = new Set(['step', 'paused', 'checkIn', 'hurtKind', 'hurtChoice', 'dizzyCheck']);

/**
 * The coach: one pure, deterministic turn. Everything it depends on comes in; everything it wants done
 * goes out as data.
 */
export function step(session: Session | undefined, intent: Intent, ctx: CoachContext): StepResult {
  const before = session ?? newSession();
  if (intent.type === 'timerElapsed' && isStaleTimer(before, intent.stepKey)) {
    return { session: before, reply: view(before, ctx), effects: [], stale: true };
  }
  const d = new Draft({ ...before, turn: before.turn + 1 }, ctx);
  if (d.session.blocked && d.session.blocked.day !== d.today()) d.set({ blocked: undefined, phase: 'idle' });
  const reply = handle(d, intent, session === undefined);
  const erased = d.effects.some((e) => e.type === 'erase');
  return { session: erased ? undefined : d.session, reply, effects: d.effects, stale: false };
}

/** The current moment re-rendered without changing anything (a stale button, a late timer). */
export function view(session: Session | undefined, ctx: CoachContext): Reply {
  return prompt(new Draft(session ?? newSession(), ctx), { repeat: true });
}

function isStaleTimer(s: Session, key: string | undefined): boolean {
  if (s.phase !== 'step' || !s.run) return true;
  return key !== undefined && key !== stepKeyOf(s);
}

/** The one-line disclaimer, once, whatever the first thing a person says. */
function greetFirstTime(d: Draft): boolean {
  if (d.profile.greeted) return false;
  d.say(d.copy.firstHello, d.copy.disclaimer);
  d.updateProfile({ greeted: true });
  return true;
}

/** Enters a side question (forget me, a reminder time); its answer returns to where the person was. */
function sideQuestion(d: Draft, phase: 'forget' | 'reminderTime', patch: Partial<Session> = {}): void {
  d.set({ ...patch, resumePhase: d.session.phase === phase ? d.session.resumePhase : d.session.phase, phase });
}

/** Leaves a side question: the phase it interrupted. */
function leaveSideQuestion(d: Draft): Phase | undefined {
  const back = d.session.phase === 'forget' || d.session.phase === 'reminderTime' ? d.session.resumePhase : d.session.phase;
  d.set({ resumePhase: undefined });
  return back;
}

function handle(d: Draft, intent: Intent, fresh: boolean): Reply {
  if (intent.type === 'launch') return launch(d);
  greetFirstTime(d);
  if (fresh && d.ctx.recovered) d.say(d.copy.recovered);

  // Anywhere
  switch (intent.type) {
    case 'stop':
      return stop(d);
    case 'forgetMe':
      sideQuestion(d, 'forget');
      return prompt(d);
    case 'help':
      d.say(helpFor(d));
      return prompt(d, { repeat: true });
    case 'list':
      d.say(listText(d));
      return d.session.phase === 'idle' || d.session.phase === 'blocked' ? prompt(d) : prompt(d, { repeat: true });
    case 'history':
      d.say(historyText(d));
      return prompt(d, { repeat: true });
    case 'setReminder':
      return setReminder(d, intent.days, intent.time);
    case 'reminderOff':
      d.effect({ type: 'cancelReminder' }).say(d.copy.reminderOff);
      return prompt(d, { repeat: true });
    case 'hurts':
      if (d.session.run && IN_RUN.has(d.session.phase)) return intent.kind ? answerHurt(d, intent.kind) : promptHurtKind(d);
      break;
    case 'dizzy':
      if (d.session.run && IN_RUN.has(d.session.phase)) return dizzy(d);
      break;
    case 'progress':
      if (d.session.run && IN_RUN.has(d.session.phase)) {
        const pos = position(d.session.run);
        d.say(d.copy.progress(pos.index, pos.total, d.session.run.items[d.session.run.index]?.side));
        return prompt(d, { repeat: true, brief: true });
      }
      break;
  }

  // No exercise today after a tier A or B answer, whatever moment the conversation has moved to since.
  if (d.session.blocked && LEADS_TO_EXERCISE.has(intent.type)) return blockToday(d, d.session.blocked.tier);

  // Choosing a routine works from any moment that is not a safety question.
  if ((intent.type === 'start' || intent.type === 'recommend') && !['screening', 'hurtKind', 'dizzyCheck', 'blocked'].includes(d.session.phase)) {
    return choose(d, intent.type === 'start' ? intent : { minutes: intent.minutes, without: intent.without });
  }

  return byPhase(d, intent);
}

function byPhase(d: Draft, intent: Intent): Reply {
  const t = intent.type;
  const yes = t === 'yes';
  const no = t === 'no';
  switch (d.session.phase) {
    case 'resumeOffer':
      if (yes || t === 'resume' || t === 'next') return resume(d);
      if (no) {
        d.set({ phase: 'idle', run: undefined });
        return promptIdle(d);
      }
      break;
    case 'settled':
      if (yes || no) return answerSettled(d, yes);
      break;
    case 'screening':
      if (yes || no || t === 'unsure') return answerScreening(d, yes ? 'yes' : no ? 'no' : 'unsure');
      d.say(d.copy.answerYesNo);
      return promptScreening(d);
    case 'prerequisite':
      if (yes || no) return answerPrerequisite(d, yes);
      break;
    case 'equipment':
      if (yes || no) return answerEquipment(d, yes);
      break;
    case 'painBefore':
      if (t === 'painScore') return validScore(intent.score) ? answerPainBefore(d, intent.score) : badScore(d);
      if (t === 'skip' || t === 'no' || t === 'next') return answerPainBefore(d, undefined);
      break;
    case 'step':
      return inStep(d, intent);
    case 'paused':
      if (yes || t === 'resume' || t === 'next' || t === 'repeat') return resume(d);
      if (t === 'startOver') return startOver(d);
      if (t === 'skip') return skipStep(d);
      break;
    case 'checkIn':
      if (t === 'painScore') {
        if (!validScore(intent.score)) return badScore(d);
        return checkInScore(d, intent.score);
      }
      if (t === 'next' || t === 'skip' || yes || no) return nextOrFinish(d);
      break;
    case 'hurtKind':
      break;
    case 'hurtChoice':
      if (t === 'skip') return skipStep(d.say(d.copy.skipped));
      if (t === 'easier') return easier(d);
      if (t === 'resume' || t === 'next' || t === 'repeat' || yes) {
        d.set({ phase: 'step' });
        return presentItem(d);
      }
      break;
    case 'dizzyCheck':
      if (yes || no || t === 'unsure') return answerDizzyCheck(d, no ? 'no' : 'yes');
      break;
    case 'painAfter':
      if (t === 'painScore') return validScore(intent.score) ? finish(d, intent.score) : badScore(d);
      if (t === 'skip' || no || t === 'next') return finish(d, undefined);
      break;
    case 'reminderOffer':
      if (yes) {
        d.set({ phase: 'reminderTime', reminderDays: EVERY_DAY });
        return prompt(d);
      }
      if (no) return goodbye(d);
      break;
    case 'reminderTime':
      if (no || t === 'skip') return goodbye(d);
      if (t === 'painScore') return setReminder(d, undefined, String(intent.score));
      if (t === 'unknown') return setReminder(d, undefined, intent.text);
      break;
    case 'forget':
      if (yes) {
        d.effect({ type: 'erase' }).say(d.copy.forgotten);
        return d.reply({ moment: 'goodbye', expect: 'nothing', display: { title: d.copy.name, body: d.copy.forgotten }, end: true });
      }
      if (no) {
        d.say(d.copy.notForgotten).set({ phase: leaveSideQuestion(d) ?? 'idle' });
        return prompt(d, { repeat: true });
      }
      break;
    case 'blocked':
    case 'idle':
      if (t === 'resume' || t === 'repeat') return prompt(d);
      break;
  }
  // Not past the neurological question after dizziness: it must be answered.
  if (t === 'resume' && d.session.run && IN_RUN.has(d.session.phase) && d.session.phase !== 'dizzyCheck') return resume(d);
  d.say(d.copy.didntCatch, helpFor(d));
  return prompt(d, { repeat: true });
}

function inStep(d: Draft, intent: Intent): Reply {
  const run = d.session.run!;
  switch (intent.type) {
    case 'next':
    case 'timerElapsed':
    case 'yes':
      return advance(d, 'done');
    case 'skip':
      d.say(d.copy.skipped);
      return advance(d, 'skipped');
    case 'back': {
      // The previous item not left out today (dizzy, pain rise).
      let index = run.index - 1;
      while (index >= 0 && run.avoid.includes(run.items[index]!.stepId)) index--;
      if (index < 0) d.say(d.copy.firstStep);
      d.set({ run: { ...run, index: index < 0 ? run.index : index, easier: false } });
      return presentItem(d);
    }
    case 'repeat':
    case 'resume':
      return presentItem(d);
    case 'pause':
      d.set({ phase: 'paused' });
      d.say(d.copy.paused(d.channel));
      return d.reply({ moment: 'paused', expect: 'nothing', display: displayFor(d, d.copy.paused(d.channel)), choices: Choices.paused(), end: d.channel === 'voice' });
    case 'startOver':
      return startOver(d);
    case 'easier':
      return easier(d);
    case 'painScore':
      if (!validScore(intent.score)) return badScore(d);
      return checkInScore(d, intent.score, true);
    default:
      d.say(d.copy.didntCatch, d.copy.help.step);
      return prompt(d, { repeat: true, brief: true });
  }
}

function easier(d: Draft): Reply {
  const current = currentItem(d);
  if (!current) return nextOrFinish(d);
  d.set({ phase: 'step' });
  if (!current.step.easier) {
    d.say(d.copy.noEasier);
    return prompt(d, { repeat: true, brief: true });
  }
  d.set({ run: { ...current.run, easier: true } });
  return presentItem(d);
}

function startOver(d: Draft): Reply {
  const run = d.session.run!;
  d.say(d.copy.startingOver);
  d.set({ phase: 'step', run: { ...run, index: 0, done: [], skipped: [], easier: false } });
  return nextOrFinish(d);
}

function resume(d: Draft): Reply {
  if (!d.session.run) {
    d.say(d.copy.nothingToResume);
    d.set({ phase: 'idle' });
    return promptIdle(d);
  }
  d.say(d.copy.resuming);
  d.set({ phase: 'step' });
  return nextOrFinish(d);
}

/** A pain rating during a run: too high stops the technique for today and remembers it. */
function checkInScore(d: Draft, score: number, duringStep = false): Reply {
  const run = d.session.run!;
  if (painTooHigh(d, score)) {
    // The technique just done (checkIn) or under way (a rating during a step).
    const stepId = duringStep ? run.items[run.index]?.stepId : run.items[run.index - 1]?.stepId;
    if (stepId) {
      d.set({ run: { ...d.session.run!, avoid: [...run.avoid, stepId] } });
      if (!d.profile.flaredSteps.includes(stepId)) d.updateProfile({ flaredSteps: [...d.profile.flaredSteps, stepId] });
      d.effect({ type: 'safetyEvent', kind: 'painRise', routineId: run.routineId, stepId });
    }
    d.say(d.copy.painRose);
    return duringStep ? skipStep(d) : nextOrFinish(d);
  }
  d.say(d.copy.painOk);
  return duringStep ? presentItem(d) : nextOrFinish(d);
}

function validScore(score: number): boolean {
  return Number.isInteger(score) && score >= 0 && score <= 10;
}

function badScore(d: Draft): Reply {
  d.say(d.copy.painOutOfRange);
  return prompt(d, { repeat: true });
}

function launch(d: Draft): Reply {
  const s = d.session;
  if (s.phase === 'blocked' && s.blocked) return blockToday(d, s.blocked.tier);
  if (greetFirstTime(d)) d.say(d.copy.whatICanDo);
  else d.say(d.copy.welcomeBack);
  if (d.ctx.recovered) d.say(d.copy.recovered);
  const last = d.ctx.history[0];
  const sinceLast = last ? d.ctx.now.getTime() - Date.parse(last.finishedAt) : 0;
  if (last && last.settled === undefined && sinceLast > 12 * 3600_000 && sinceLast < 14 * 86_400_000) {
    d.set({ phase: 'settled', resumePhase: IN_RUN.has(s.phase) ? 'resumeOffer' : 'idle' });
    return prompt(d);
  }
  if (s.run && IN_RUN.has(s.phase)) {
    d.set({ phase: 'resumeOffer' });
    return prompt(d);
  }
  d.set({ phase: 'idle', request: undefined, screening: undefined });
  return promptIdle(d, 'greeting');
}

function answerSettled(d: Draft, settled: boolean): Reply {
  d.effect({ type: 'markSettled', settled });
  if (settled) {
    d.say(d.copy.settledYes);
    if (d.profile.flaredSteps.length) d.updateProfile({ flaredSteps: [] });
  } else {
    // Pain that did not settle counts as worse: the full screening comes back on the next start.
    d.say(d.copy.settledNo).set({ screenFull: true });
  }
  d.set({ phase: d.session.resumePhase ?? 'idle', resumePhase: undefined });
  return prompt(d);
}

function stop(d: Draft): Reply {
  const s = d.session;
  if (s.run && IN_RUN.has(s.phase)) {
    // Kept for next time: "pick up where you left off?"
    const pos = position(s.run);
    d.set({ phase: 'paused' });
    d.say(d.copy.stopped(pos.index, pos.total), d.copy.bye);
  } else {
    d.set({ phase: s.phase === 'blocked' ? 'blocked' : 'idle', request: undefined, screening: undefined, resumePhase: undefined });
    d.say(d.copy.bye);
  }
  return d.reply({ moment: 'goodbye', expect: 'nothing', display: { title: d.copy.name, body: d.copy.bye }, end: true });
}

export function goodbye(d: Draft): Reply {
  d.set({ phase: 'idle', run: undefined, reminderDays: undefined });
  d.say(d.copy.bye);
  return d.reply({ moment: 'goodbye', expect: 'nothing', display: { title: d.copy.name, body: d.copy.bye }, end: true });
}

function setReminder(d: Draft, daysText: string | undefined, timeText: string | undefined): Reply {
  const days = daysText ? parseDays(daysText) : (d.session.reminderDays ?? parseDays(undefined));
  const time = parseTime(timeText);
  if (!days || !time) {
    if (timeText !== undefined || daysText !== undefined) d.say(d.copy.reminderBadTime);
    sideQuestion(d, 'reminderTime', { reminderDays: days ?? d.session.reminderDays });
    return prompt(d);
  }
  d.effect({ type: 'scheduleReminder', days, time });
  d.say(d.copy.reminderSet(describeDays(days), describeTime(time)));
  const back = leaveSideQuestion(d);
  d.set({ reminderDays: undefined });
  if (!back || back === 'reminderOffer' || back === 'idle' || back === 'reminderTime') return goodbye(d);
  d.set({ phase: back });
  return prompt(d, { repeat: true });
}
