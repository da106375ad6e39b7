import { localDay } from './calendar.js';
import { Choices } from './choices.js';
import type { Draft } from './draft.js';
import type { HistoryEntry } from './profile.js';
import { PainRules } from './safety.js';
import type { In } from './session.js';
import type { How, Shown } from './table.js';

/** The end of a routine: the pain after, the summary, streak, and the offer of a reminder. */

/** The answer to "how is your back now?" (a score, or skipped): added to the entry recorded when the steps ended. */
export function finish(d: Draft, s: In<'painAfter'>, painAfter: number | undefined): In<'finished'> {
  const { minutes } = s;
  if (painAfter === undefined) return { moment: 'finished', entry: s.entry, minutes, flared: s.flared };
  d.effect({ type: 'recordPainAfter', routineId: s.entry.routineId, startedAt: s.entry.startedAt, painAfter });
  // More pain than at the start (safety.md section 4): care instead of the reminder offer, and the last step,
  // when it was the one that asked how it felt, is left out next time as a check-in would have left it.
  const rose = PainRules.tooHigh(painAfter, s.entry.painBefore);
  if (rose) {
    const stepId = s.checkedStep;
    d.effect({ type: 'safetyEvent', kind: 'painRise', routineId: s.entry.routineId, ...(stepId ? { stepId } : {}) });
    if (stepId && !d.profile.flaredSteps.includes(stepId)) d.updateProfile({ flaredSteps: [...d.profile.flaredSteps, stepId] });
  }
  return { moment: 'finished', entry: { ...s.entry, painAfter }, minutes, flared: s.flared || rose };
}

/** The summary: minutes, steps, pain before and after, the traffic light, the streak, progress over weeks. */
function summary(d: Draft, s: In<'finished'>): string[] {
  const c = d.copy;
  const { entry } = s;
  // The history already holds this routine (recorded when its steps ended), without the pain after.
  const history = [entry, ...d.ctx.history.filter((h) => h.startedAt !== entry.startedAt || h.routineId !== entry.routineId)];
  const { painBefore, painAfter } = entry;
  return [
    c.summary(s.minutes, entry.stepsDone, entry.stepsSkipped),
    painBefore !== undefined && painAfter !== undefined ? c.painChange(painBefore, painAfter, PainRules.meaningful(painBefore, painAfter)) : '',
    painAfter !== undefined ? c.light[PainRules.light(painAfter)] : '',
    c.streak(streakDays(history, d.ctx.now, d.profile.timeZone)),
    noProgress(history, d.ctx.now) ? c.noProgress : '',
  ].filter(Boolean);
}

/**
 * On entering: the summary and the reminder offer; asked again, the offer alone. The card keeps the summary.
 * After a routine that flared, care instead of the offer: it is not the moment to plan the next one.
 */
export function sayFinished(d: Draft, s: In<'finished'>, how: How): Shown {
  const lines = summary(d, s);
  if (how === 'enter') d.say(...lines);
  const title = d.routine(s.entry.routineId)?.title ?? d.copy.name;
  if (s.flared) {
    d.say(d.copy.afterFlare, d.copy.bye);
    return { display: { title, body: [...lines, d.copy.afterFlare].join(' ') }, reprompt: d.copy.afterFlare };
  }
  if (!canRemind(d)) {
    d.say(d.copy.remindersElsewhere, d.copy.bye);
    return { display: { title, body: [...lines, d.copy.remindersElsewhere].join(' ') }, reprompt: d.copy.remindersElsewhere };
  }
  d.say(d.copy.reminderOffer);
  return { display: { title, body: lines.join(' ') }, choices: Choices.yesNo(), reprompt: d.copy.reminderOffer };
}

/** Whether this surface can send a reminder: the terminal cannot (Slack and Alexa do, for a linked person too). */
export function canRemind(d: Draft): boolean {
  return d.channel !== 'typed';
}

/** Days in a row, ending today, with a completed routine (in the person's time zone). */
export function streakDays(history: readonly HistoryEntry[], now: Date, timeZone?: string): number {
  const days = new Set(history.filter((h) => h.completed).map((h) => localDay(h.finishedAt, timeZone)));
  let streak = 0;
  for (let t = now.getTime(); days.has(localDay(t, timeZone)); t -= 86_400_000) streak++;
  return streak;
}

/**
 * Two weeks or more of use without a meaningful improvement (safety.md section 4): the starting scores of
 * sessions at least two weeks apart, within the last four weeks. Relief within a session does not hide an
 * unchanged baseline, so after-scores are not compared.
 */
export function noProgress(history: readonly HistoryEntry[], now: Date): boolean {
  const rated = history.flatMap((h) =>
    h.completed && h.painBefore !== undefined && now.getTime() - Date.parse(h.finishedAt) < 28 * 86_400_000 ? [{ at: Date.parse(h.startedAt), before: h.painBefore }] : [],
  );
  const latest = rated[0];
  const first = rated.at(-1);
  if (!latest || !first || latest === first || latest.at - first.at < 14 * 86_400_000) return false;
  return !(latest.before < first.before && PainRules.meaningful(first.before, latest.before));
}
