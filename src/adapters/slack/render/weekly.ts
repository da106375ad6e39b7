import type { types } from '@slack/bolt';
import { localDay } from '../../../core/calendar.js';
import { streakDays } from '../../../core/finish.js';
import type { HistoryEntry } from '../../../core/profile.js';
import { copy } from '../copy.js';
import { wallClock } from '../reminders/nextDue.js';
import { clip, LIMITS } from './limits.js';

/**
 * The weekly note on App Home: breaks taken this week (local, from Monday), the streak, and pain before and
 * after by week over the last weeks, as Block Kit text with a small bar per score. Pure: history and the
 * instant come in.
 */
export const NOTE_WEEKS = 6;
const DAY = 86_400_000;
/** Eighths of a block: a score out of 10 drawn in five cells. */
const BARS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];

export interface WeekPain {
  /** Local date of the week's Monday, "YYYY-MM-DD". */
  monday: string;
  breaks: number;
  before?: number;
  after?: number;
}

/** Local Monday (as "YYYY-MM-DD") of the week `instant` falls in. */
function mondayOf(instant: number, timeZone: string): string {
  const wall = wallClock(instant, timeZone);
  const weekday = new Date(wall).getUTCDay();
  const monday = wall - ((weekday + 6) % 7) * DAY;
  return new Date(monday).toISOString().slice(0, 10);
}

const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);

/** Weeks with their breaks and mean pain before and after, oldest first, the last `NOTE_WEEKS` weeks. */
export function weeksOf(history: readonly HistoryEntry[], now: number, timeZone: string): WeekPain[] {
  const mondays: string[] = [];
  for (let i = NOTE_WEEKS - 1; i >= 0; i--) mondays.push(mondayOf(now - i * 7 * DAY, timeZone));
  return [...new Set(mondays)].map((monday) => {
    const inWeek = history.filter((h) => {
      const at = Date.parse(h.finishedAt);
      return Number.isFinite(at) && at <= now && mondayOf(at, timeZone) === monday;
    });
    const before = mean(inWeek.flatMap((h) => (h.painBefore === undefined ? [] : [h.painBefore])));
    const after = mean(inWeek.flatMap((h) => (h.painAfter === undefined ? [] : [h.painAfter])));
    return { monday, breaks: inWeek.length, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) };
  });
}

/** A score 0-10 as a bar of five cells, eighths included. */
export function bar(score: number): string {
  const eighths = Math.round((Math.max(0, Math.min(10, score)) / 10) * 40);
  return '█'.repeat(Math.floor(eighths / 8)) + BARS[eighths % 8]!;
}

const score = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(1));
const dayMonth = (ymd: string) => new Date(`${ymd}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export function weeklyNoteBlocks(history: readonly HistoryEntry[], now: number, timeZone = 'UTC'): types.KnownBlock[] {
  const weeks = weeksOf(history, now, timeZone);
  const thisWeek = weeks.at(-1)!;
  const finished = history.filter((h) => h.completed && mondayOf(Date.parse(h.finishedAt), timeZone) === thisWeek.monday && Date.parse(h.finishedAt) <= now).length;
  const today = streakDays(history, new Date(now), timeZone);
  // A streak kept up to yesterday still counts until today is over.
  const streak = today > 0 ? today : streakDays(history, new Date(now - DAY), timeZone);
  const lines = [copy.weekly.thisWeek(thisWeek.breaks, finished, streak, today === 0 && streak > 0)];
  const rated = weeks.filter((w) => w.before !== undefined || w.after !== undefined);
  if (rated.length === 0) {
    lines.push(copy.weekly.noPain);
  } else {
    const rows = rated.map((w) => `${dayMonth(w.monday).padEnd(6)}  before ${score(w.before)} ${bar(w.before ?? 0).padEnd(5)}  after ${score(w.after)} ${bar(w.after ?? 0)}`);
    lines.push(copy.weekly.painHeading, '```' + rows.join('\n') + '```');
    const first = rated[0]!;
    const last = rated.at(-1)!;
    const label = (w: WeekPain) => (w.monday === thisWeek.monday ? copy.weekly.thisWeekLabel : copy.weekly.weekOf(dayMonth(w.monday)));
    if (rated.length >= 2 && first.before !== undefined && last.before !== undefined) lines.push(copy.weekly.trend(first.before, label(first), last.before, label(last)));
  }
  const blocks: types.KnownBlock[] = [{ type: 'section', block_id: 'bb_weekly', text: { type: 'mrkdwn', text: clip(lines.join('\n'), LIMITS.sectionText) } }];
  // Days with a break this week, for the eye: one mark per day from Monday.
  const days = new Set(history.filter((h) => mondayOf(Date.parse(h.finishedAt), timeZone) === thisWeek.monday).map((h) => localDay(h.finishedAt, timeZone)));
  const marks = Array.from({ length: 7 }, (_, i) => {
    const day = new Date(Date.parse(`${thisWeek.monday}T12:00:00Z`) + i * DAY).toISOString().slice(0, 10);
    return days.has(day) ? '●' : '○';
  });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: copy.weekly.days(marks.join(' ')) }] });
  return blocks;
}
