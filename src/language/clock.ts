import * as chrono from 'chrono-node';
import { spokenClock } from './spoken-clock.js';

/**
 * Clock times in people's words. Spoken forms chrono-node does not read ("half past 2", "quarter to 5",
 * "20 past 6", British "half 3", "3 in the afternoon") are rewritten first into forms it does ("2:30",
 * "4:45 pm"); chrono-node then reads the time and any day ("tomorrow at 9" is one day, not every day).
 * Works on normalised text (text.ts: numbers are digits, "p m" is "pm").
 */

export interface ClockTime {
  /** 24-hour "HH:MM". */
  time: string;
  /** The person said am or pm (or a time that needs none: 15:00, noon); false when the hour was guessed. */
  meridiemSaid: boolean;
  /** A particular day was named ("tomorrow", "on friday"): a one-off, not a repeating time. */
  oneDay: boolean;
}

const PM_WORDS = /^(?:in the (?:afternoon|evening)|this (?:afternoon|evening)|tonight|at night|pm)\b/;
const AM_WORDS = /^(?:in the morning|this morning|am)\b/;

function hhmm(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Cheap test first: chrono-node runs only on text with a digit or a time word. */
const MAYBE_TIME = /\d|noon|midday|midnight|tomorrow|tonight|morning|evening|afternoon/;

export function findClockTime(normalised: string, now = new Date(0)): ClockTime | undefined {
  if (!MAYBE_TIME.test(normalised)) return undefined;
  const text = spokenClock(normalised);
  const results = chrono.casual.parse(text, now, { forwardDate: true });
  for (const r of results) {
    if (!r.start.isCertain('hour')) continue;
    const hour = r.start.get('hour') ?? 0;
    const minute = r.start.get('minute') ?? 0;
    const after = text.slice(r.index + r.text.length).trim();
    let meridiemSaid = r.start.isCertain('meridiem') || hour > 12 || hour === 0 || /:\d\d/.test(r.text) && hour > 12;
    let h = hour;
    if (!meridiemSaid && PM_WORDS.test(after)) {
      meridiemSaid = true;
      if (h < 12) h += 12;
    } else if (!meridiemSaid && AM_WORDS.test(after)) {
      meridiemSaid = true;
      if (h === 12) h = 0;
    }
    if (!meridiemSaid) h = guessedHour(h);
    // Day names were taken out above (they repeat); what is left naming a day is one day ("tomorrow").
    return { time: hhmm(h, minute), meridiemSaid, oneDay: r.start.isCertain('day') };
  }
  return undefined;
}

/**
 * A bare hour ("3", "9", "3:30") where a time was asked for. Never a silent 3 AM: 1 to 6 are taken as
 * afternoon, 7 to 11 as morning, 12 as noon, and the reply says which (meridiemSaid false).
 */
export function bareHour(normalised: string): ClockTime | undefined {
  // "3", "at 3 please", "3 then", "10 30 is fine": an hour (and minutes) with a few words around it, none a number or a length.
  const m = /^(?:(?:at|about|around|say|maybe|how about|make it|lets say|lets do|um|erm|ok|okay) )*(\d{1,2})(?:(?::| )(\d{2}))?((?: [a-z]+){0,4})$/.exec(normalised);
  if (m && /\b(?:min|mins|minutes?|hours?|hrs?|out|of|times?|days?|weeks?)\b/.test(m[3] ?? '')) return undefined;
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (hour > 23 || minute > 59) return undefined;
  if (hour === 0 || hour > 12) return { time: hhmm(hour, minute), meridiemSaid: true, oneDay: false };
  return { time: hhmm(guessedHour(hour), minute), meridiemSaid: false, oneDay: false };
}

/** An hour said without am or pm, for a back break: 1 to 6 in the afternoon, 7 to 11 in the morning, 12 noon. */
function guessedHour(hour: number): number {
  return hour >= 1 && hour <= 6 ? hour + 12 : hour;
}
