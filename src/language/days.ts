import { parseDays } from '../core/reminder.js';

/**
 * Days of a repeating reminder in people's words: "weekdays", "every day", "mon wed fri", "mon to fri",
 * "monday through friday". Our own grammar: date libraries read "mon-fri 3pm" as one date and lose the time.
 * Returns the days as the core's setReminder intent carries them ("daily", "weekdays", "mon wed fri").
 */

const SHORT = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const RANGE_WORDS = new Set(['to', 'thru', 'through', 'till', 'until']);

function dayOf(word: string | undefined): number | undefined {
  if (!word || !/^[a-z]{3,}$/.test(word)) return undefined;
  const days = parseDays(word);
  return days?.length === 1 ? days[0] : undefined;
}

export interface DaysFound {
  /** "daily", "weekdays", "weekends", or short names. */
  text: string;
  /** Token positions the days took (to take them out of the text the classifier reads). */
  from: number;
  to: number;
}

export function findDays(words: readonly string[]): DaysFound | undefined {
  const days = new Set<number>();
  let from = -1;
  let to = -1;
  const mark = (i: number) => {
    if (from < 0) from = i;
    to = i;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === 'daily' || (w === 'day' && (words[i - 1] === 'every' || words[i - 1] === 'each'))) {
      for (let d = 0; d < 7; d++) days.add(d);
      mark(i);
      continue;
    }
    if (/^(weekdays?|workdays?|weekends?)$/.test(w) || (w === 'days' && /^work(ing)?$/.test(words[i - 1] ?? ''))) {
      for (const d of parseDays(w === 'days' ? 'weekdays' : w) ?? []) days.add(d);
      mark(i);
      continue;
    }
    const day = dayOf(w);
    if (day === undefined) continue;
    const end = RANGE_WORDS.has(words[i + 1] ?? '') ? dayOf(words[i + 2]) : undefined;
    if (end !== undefined) {
      // "fri to mon" wraps round the week.
      for (let d = day, n = 0; n < 7; d = (d + 1) % 7, n++) {
        days.add(d);
        if (d === end) break;
      }
      mark(i);
      mark(i + 2);
      i += 2;
    } else {
      days.add(day);
      mark(i);
    }
  }
  if (days.size === 0) return undefined;
  const key = [...days].sort((a, b) => a - b).join(',');
  const text = key === '0,1,2,3,4,5,6' ? 'daily' : key === '1,2,3,4,5' ? 'weekdays' : key === '0,6' ? 'weekends' : key.split(',').map((d) => SHORT[Number(d)]!).join(' ');
  return { text, from, to };
}
