/**
 * "weekdays 15:00", "daily 9am", "mon wed fri 12:30", "every day at 7:45 pm": the days and time of a
 * reminder as a person types them. Pure.
 */

const DAY_NAMES: Record<string, number> = {
  sun: 0, sunday: 0, sundays: 0,
  mon: 1, monday: 1, mondays: 1,
  tue: 2, tues: 2, tuesday: 2, tuesdays: 2,
  wed: 3, weds: 3, wednesday: 3, wednesdays: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, thursdays: 4,
  fri: 5, friday: 5, fridays: 5,
  sat: 6, saturday: 6, saturdays: 6,
};
const SHORT = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const GROUPS: Record<string, number[]> = {
  daily: [0, 1, 2, 3, 4, 5, 6],
  everyday: [0, 1, 2, 3, 4, 5, 6],
  weekdays: [1, 2, 3, 4, 5],
  weekday: [1, 2, 3, 4, 5],
  workdays: [1, 2, 3, 4, 5],
  weekends: [0, 6],
  weekend: [0, 6],
};
const FILLER = new Set(['at', 'on', 'every', 'each', 'and', 'day', 'days', 'the', 'me', 'to']);

/** Own keys only, so "constructor" is not a day. */
function own<T>(table: Record<string, T>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

export interface ReminderPhrase {
  /** Days of the week, 0 = Sunday, sorted; absent when the phrase names none. */
  days?: number[];
  /** 24-hour "HH:MM"; absent when the phrase names none. */
  time?: string;
}

export type PhraseResult = { ok: true; phrase: ReminderPhrase } | { ok: false; unknown: string };

/** Parses a time word ("15:00", "9am", "9:30pm", "noon"); the am/pm may come as the next word. */
function parseTime(word: string, next: string | undefined): { time: string; used: number } | undefined {
  if (word === 'noon' || word === 'midday') return { time: '12:00', used: 1 };
  const m = /^(\d{1,2})(?::(\d{2}))?(am|pm|a\.m\.|p\.m\.)?$/.exec(word);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  let meridiem = m[3]?.replace(/\./g, '');
  let used = 1;
  if (!meridiem && (next === 'am' || next === 'pm')) {
    meridiem = next;
    used = 2;
  }
  // A bare number is a time only with minutes or am/pm: "remind 5" says nothing clear.
  if (m[2] === undefined && !meridiem) return undefined;
  if (minute > 59) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (hour > 23) return undefined;
  return { time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, used };
}

export function parseReminderPhrase(text: string): PhraseResult {
  const words = text
    .toLowerCase()
    .replace(/[,;]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const days = new Set<number>();
  let time: string | undefined;
  for (let i = 0; i < words.length; ) {
    const word = words[i]!;
    const clock = parseTime(word, words[i + 1]);
    if (clock && time === undefined) {
      time = clock.time;
      i += clock.used;
      continue;
    }
    const range = /^([a-z]+)-([a-z]+)$/.exec(word);
    const from = own(DAY_NAMES, range?.[1]);
    const to = own(DAY_NAMES, range?.[2]);
    const group = own(GROUPS, word);
    const day = own(DAY_NAMES, word);
    if (from !== undefined && to !== undefined) {
      // "mon-fri": wraps around the week when the end comes first ("fri-mon").
      for (let d = from, n = 0; n < 7; d = (d + 1) % 7, n++) {
        days.add(d);
        if (d === to) break;
      }
    } else if (group) {
      for (const d of group) days.add(d);
    } else if (day !== undefined) {
      days.add(day);
    } else if (word === 'day' && words[i - 1] === 'every') {
      for (let d = 0; d < 7; d++) days.add(d);
    } else if (!FILLER.has(word)) {
      return { ok: false, unknown: word };
    }
    i++;
  }
  const phrase: ReminderPhrase = {};
  if (days.size > 0) phrase.days = [...days].sort((a, b) => a - b);
  if (time !== undefined) phrase.time = time;
  return { ok: true, phrase };
}

/** Days as the intent carries them: "daily", "weekdays", or short day names ("mon wed fri"). */
export function daysText(days: number[]): string {
  const key = [...new Set(days)].sort((a, b) => a - b).join(',');
  if (key === '0,1,2,3,4,5,6') return 'daily';
  if (key === '1,2,3,4,5') return 'weekdays';
  return key
    .split(',')
    .map((d) => SHORT[Number(d)]!)
    .join(' ');
}

/** "weekdays", "daily", "Mon, Wed, Fri" for people to read. */
export function describeDays(days: number[]): string {
  const text = daysText(days);
  if (text === 'daily' || text === 'weekdays') return text;
  if (text === 'sun sat') return 'weekends';
  return text
    .split(' ')
    .map((d) => d[0]!.toUpperCase() + d.slice(1))
    .join(', ');
}
