import type { Draft } from './draft.js';
import { canRemind } from './finish.js';
import { describeDays, describeTime, EVERY_DAY, parseDays, parseTime } from './reminder.js';
import { position, resume } from './run.js';
import { blockToday, chooseNow, settleDue } from './start.js';
import { inRun, type InRun } from './stop-rules.js';
import type { In, Resting, RoutineRun, State } from './session.js';
import type { Again } from './table.js';

/** What works in any moment besides the safety words: greeting, stop, forget me, reminders, history, progress. */

/** The moment a person is in, seen past a side question (forget me, a reminder time) or a closed conversation. */
export function restingOf(s: State): Resting {
  switch (s.moment) {
    case 'forget':
    case 'clarify':
      return s.back;
    case 'reminder':
      return s.back ?? { moment: 'choosing' };
    case 'goodbye':
      return s.then;
    case 'stopped':
      return { moment: 'choosing' };
    default:
      return s;
  }
}

/** A routine left unfinished that the next conversation may pick up. */
function keptRun(s: Resting): RoutineRun | undefined {
  if (inRun(s) || s.moment === 'resumeOffer') return s.run;
  return s.moment === 'settled' ? s.run : undefined;
}

/**
 * The disclaimer, once, before anything else the first time a person asks for something (safety.md section 5):
 * the opening greeting stays short (under 10 s by voice), so it comes with the first answer after it.
 */
export function greetFirstTime(d: Draft): boolean {
  if (d.profile.greeted) return false;
  // Just greeted by the opening: no second welcome.
  if (!d.sameVisit) d.say(d.copy.firstHello);
  d.say(d.copy.disclaimer);
  d.updateProfile({ greeted: true });
  return true;
}

/** "Open Back Break": no exercise today if so; else the settle question, the resume offer, or which routine. */
export function launch(d: Draft, s: State): In<'emergency' | 'urgent' | 'settled' | 'resumeOffer' | 'choosing' | 'dizzyCheck'> {
  if (d.common.blocked) return blockToday(d, d.common.blocked.tier);
  if (d.sameVisit && s.moment === 'choosing') d.say(d.copy.hiAgain);
  else if (!d.profile.greeted) d.say(d.copy.firstHello, d.copy.whatICanDo);
  else d.say(d.copy.welcomeBack);
  if (d.ctx.recovered) d.say(d.copy.recovered);
  const rest = restingOf(s);
  // Dizzy, and the question about neurological signs unanswered: it comes first, whenever the person is back.
  if (rest.moment === 'dizzyCheck') return rest;
  const run = keptRun(rest);
  if (settleDue(d)) return { moment: 'settled', ...(run ? { run } : {}) };
  return run ? { moment: 'resumeOffer', run } : { moment: 'choosing' };
}

/**
 * "Did your back settle?" "Yes": on to what was asked. "No": the full screening comes back, and something gentler
 * and shorter is suggested, leaving out what flared (it stays in profile.flaredSteps).
 */
export function answerSettled(d: Draft, s: In<'settled'>, settled: boolean): In<'resumeOffer' | 'choosing' | 'screening'> {
  d.effect({ type: 'markSettled', settled });
  if (settled) {
    d.say(d.copy.settledYes);
    if (d.profile.flaredSteps.length) d.updateProfile({ flaredSteps: [] });
  } else {
    // Pain that did not settle counts as worse: the full screening comes back on the next start.
    d.say(d.copy.settledNo).setScreenFull(true);
  }
  if (s.run) return { moment: 'resumeOffer', run: s.run };
  if (!s.wish) return { moment: 'choosing' };
  return chooseNow(d, settled ? s.wish : { ...(s.wish.without ? { without: s.wish.without } : {}), gentle: true });
}

/** "Stop": the conversation closes; a routine under way is kept to pick up next time. */
export function stop(d: Draft, s: State): In<'goodbye'> {
  const rest = restingOf(s);
  if (inRun(rest)) {
    const pos = position(rest.run);
    d.say(d.copy.stopped(pos.index, pos.total));
  }
  return { moment: 'goodbye', then: restAfterStop(rest) };
}

function restAfterStop(rest: Resting): Resting {
  // The question about neurological signs stays until it is answered.
  if (rest.moment === 'dizzyCheck' || rest.moment === 'emergency' || rest.moment === 'urgent') return rest;
  const run = keptRun(rest);
  return run ? { moment: 'paused', run, dizzy: false } : { moment: 'choosing' };
}

/** The conversation closes with a goodbye; the next one starts from choosing. */
export function goodbye(): In<'goodbye'> {
  return { moment: 'goodbye', then: { moment: 'choosing' } };
}

/** "Forget me": asks first, and comes back to where the person was on "no". */
export function forgetMe(_d: Draft, s: State): In<'forget'> {
  return { moment: 'forget', back: restingOf(s) };
}

/** "Yes, forget me": everything stored about the person is erased (the session too). */
export function eraseAll(d: Draft): In<'goodbye'> {
  d.effect({ type: 'erase' }).say(d.copy.forgotten);
  return goodbye();
}

/** "No": nothing erased; back to where the person was. */
export function keepAll(d: Draft, s: In<'forget'>): Again {
  d.say(d.copy.notForgotten);
  return { again: s.back };
}

/** Sets a reminder when the days and the time are understood, else asks the time; then back to where it was. */
export function setReminder(d: Draft, s: State, daysText: string | undefined, timeText: string | undefined): In<'reminder' | 'goodbye'> | Again {
  const asking = s.moment === 'reminder' ? s : undefined;
  const back = asking ? asking.back : restingOf(s);
  if (!canRemind(d)) {
    // The terminal sends nothing later: it says where reminders come from instead of promising one.
    d.say(d.copy.remindersElsewhere);
    return { again: back ?? { moment: 'choosing' } };
  }
  const days = daysText ? parseDays(daysText) : (asking?.days ?? parseDays(undefined));
  const time = parseTime(timeText);
  if (!days || !time) {
    if (timeText !== undefined || daysText !== undefined) d.say(d.copy.reminderBadTime);
    return { moment: 'reminder', days: days ?? asking?.days ?? EVERY_DAY, ...(back ? { back } : {}) };
  }
  d.effect({ type: 'scheduleReminder', days, time });
  d.say(d.copy.reminderSet(describeDays(days), describeTime(time)));
  return leaveReminder(back);
}

/** No reminder after all: back to where it was asked from. */
export function noReminder(_d: Draft, s: In<'reminder'>): In<'goodbye'> | Again {
  return leaveReminder(s.back);
}

/** From the end of a routine or from choosing, setting a reminder is the last thing: goodbye. */
function leaveReminder(back: Resting | undefined): In<'goodbye'> | Again {
  if (!back || back.moment === 'choosing' || back.moment === 'finished') return goodbye();
  return { again: back };
}

export function reminderOff(d: Draft, s: State): Again {
  d.effect({ type: 'cancelReminder' }).say(d.copy.reminderOff);
  return { again: s };
}

export function historyText(d: Draft): string {
  const entries = d.ctx.history.filter((h) => h.completed).slice(0, 3);
  if (entries.length === 0) return d.copy.historyNone;
  return d.copy.history(
    entries.map((h) => d.copy.historyLine(d.routine(h.routineId)?.title ?? h.routineId, h.finishedAt.slice(0, 10), h.painBefore, h.painAfter)),
  );
}

/** "Where am I?": step i of n, and how many to go. */
export function progress(d: Draft, s: InRun): Again {
  const pos = position(s.run);
  d.say(d.copy.progress(pos.index, pos.total, s.run.items[s.run.index]?.side));
  return { again: s, brief: true };
}

/** "Resume" in a moment of a run that is not a step: picking up where the person left off. */
export function resumeRun(d: Draft, s: InRun): In<'step' | 'painAfter' | 'screening'> {
  return resume(d, s.run);
}
