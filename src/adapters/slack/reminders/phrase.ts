import { parseDays, parseTime } from '../../../core/reminder.js';

/**
 * "weekdays 15:00", "daily 9am", "mon wed fri 12:30", "every day at 7:45 pm": the days and time of a
 * reminder as a person types them. Pure. Words are read by the core (parseDays, parseTime); this adds what a
 * typed command has on top: ranges ("mon-fri"), "noon", and refusing any word that is neither day nor time.
 */

const SHORT = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FILLER = new Set(['at', 'on', 'every', 'each', 'and', 'day', 'days', 'the', 'me', 'to']);

export interface ReminderPhrase {
  /** Days of the week, 0 = Sunday, sorted; absent when the phrase names none. */
  days?: number[];
  /** 24-hour "HH:MM"; absent when the phrase names none. */
  time?: string;
}

export type PhraseResult = { ok: true; phrase: ReminderPhrase } | { ok: false; unknown: string };

/** The days one word names ("mon", "fridays", "weekdays", "daily"), or undefined. */
function daysOf(word: string | undefined): number[] | undefined {
  return word && /^[a-z]+$/.test(word) ? parseDays(word) : undefined;
}

/** A time word ("15:00", "9am", "9:30pm", "noon"); the am/pm may come as the next word. */
function timeOf(word: string, next: string | undefined): { time: string; used: number } | undefined {
  if (word === 'noon' || word === 'midday') return { time: '12:00', used: 1 };
  if (!/^\d/.test(word)) return undefined;
  const withNext = next && /^[ap]\.?m\.?$/.test(next) ? parseTime(`${word} ${next}`) : undefined;
  if (withNext) return { time: withNext, used: 2 };
  // A bare number is a time only with minutes or am/pm: "remind 5" says nothing clear.
  if (/^\d+$/.test(word)) return undefined;
  const time = parseTime(word);
  return time ? { time, used: 1 } : undefined;
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
    const clock = time === undefined ? timeOf(word, words[i + 1]) : undefined;
    if (clock) {
      time = clock.time;
      i += clock.used;
      continue;
    }
    const range = /^([a-z]+)-([a-z]+)$/.exec(word);
    const from = daysOf(range?.[1]);
    const to = daysOf(range?.[2]);
    const named = daysOf(word);
    if (from?.length === 1 && to?.length === 1) {
      // "mon-fri": wraps around the week when the end comes first ("fri-mon").
      for (let d = from[0]!, n = 0; n < 7; d = (d + 1) % 7, n++) {
        days.add(d);
        if (d === to[0]) break;
      }
    } else if (named) {
      for (const d of named) days.add(d);
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
