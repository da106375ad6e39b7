import { localDay } from './calendar.js';
import type { Draft } from './draft.js';
import type { HistoryEntry } from './profile.js';
import type { Reply } from './reply.js';
import { historyEntry } from './run.js';
import { PainRules } from './safety.js';
import { prompt } from './prompt.js';

/** The end of a routine: summary, pain before and after, streak, and the offer of a reminder. */
export function finish(d: Draft, painAfter: number | undefined): Reply {
  const run = d.session.run!;
  const entry = historyEntry(d, painAfter);
  d.effect({ type: 'recordHistory', entry });
  const minutes = Math.max(1, Math.round((d.ctx.now.getTime() - Date.parse(run.startedAt)) / 60_000));
  const c = d.copy;
  d.say(c.summary(minutes, entry.stepsDone, entry.stepsSkipped));
  if (run.painBefore !== undefined && painAfter !== undefined) {
    d.say(c.painChange(run.painBefore, painAfter, PainRules.meaningful(run.painBefore, painAfter)));
  }
  if (painAfter !== undefined) d.say(c.light[PainRules.light(painAfter)]);
  d.say(c.streak(streakDays([entry, ...d.ctx.history], d.ctx.now, d.profile.timeZone)));
  if (noProgress([entry, ...d.ctx.history], d.ctx.now)) d.say(c.noProgress);
  d.set({ phase: 'reminderOffer', run: undefined });
  return prompt(d);
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
