import type { StoredHistory } from '../../app/store.js';
import { localDay } from '../../core/calendar.js';
import { streakDays } from '../../core/finish.js';
import type { Routine } from '../../core/routine.js';

/** The history page's data: sessions, pain before and after by week, and the streak. */

export interface SessionRow {
  routineId: string;
  title: string;
  /** The local day it finished, YYYY-MM-DD. */
  day: string;
  minutes: number;
  completed: boolean;
  stepsDone: number;
  painBefore?: number;
  painAfter?: number;
}

export interface WeekRow {
  /** The Monday that starts the week, YYYY-MM-DD. */
  start: string;
  sessions: number;
  /** Mean of the scores given that week, one decimal; absent when none was given. */
  painBefore?: number;
  painAfter?: number;
}

export interface HistoryView {
  sessions: SessionRow[];
  /** Oldest first, ending with the current week, WEEKS long. */
  weeks: WeekRow[];
  streak: number;
}

export const WEEKS = 12;
/** Enough rows for twelve busy weeks. */
export const HISTORY_LIMIT = 400;

export function historyView(history: readonly StoredHistory[], routines: readonly Routine[], now: Date, timeZone?: string): HistoryView {
  const titles = new Map(routines.map((r) => [r.id, r.title]));
  const sessions = history.map((h): SessionRow => {
    const minutes = Math.max(1, Math.round((Date.parse(h.finishedAt) - Date.parse(h.startedAt)) / 60_000) || 1);
    return {
      routineId: h.routineId,
      title: titles.get(h.routineId) ?? h.routineId,
      day: localDay(h.finishedAt, timeZone),
      minutes,
      completed: h.completed,
      stepsDone: h.stepsDone,
      ...(h.painBefore !== undefined ? { painBefore: h.painBefore } : {}),
      ...(h.painAfter !== undefined ? { painAfter: h.painAfter } : {}),
    };
  });

  const thisWeek = mondayOf(localDay(now, timeZone));
  const weeks: WeekRow[] = [];
  for (let i = WEEKS - 1; i >= 0; i--) {
    const start = addDays(thisWeek, -7 * i);
    const inWeek = sessions.filter((s) => mondayOf(s.day) === start);
    weeks.push({
      start,
      sessions: inWeek.length,
      ...mean('painBefore', inWeek.map((s) => s.painBefore)),
      ...mean('painAfter', inWeek.map((s) => s.painAfter)),
    });
  }
  return { sessions, weeks, streak: streakDays(history, now, timeZone) };
}

function mean<K extends string>(key: K, scores: Array<number | undefined>): Partial<Record<K, number>> {
  const given = scores.filter((s): s is number => s !== undefined);
  if (given.length === 0) return {};
  const value = Math.round((given.reduce((a, b) => a + b, 0) / given.length) * 10) / 10;
  return { [key]: value } as Partial<Record<K, number>>;
}

/** The Monday on or before a YYYY-MM-DD day. */
export function mondayOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
