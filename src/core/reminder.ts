/** Reading reminder days and times as people say them. Pure; the surfaces deliver the reminders. */

const DAY_NAMES: Array<[RegExp, number]> = [
  [/^sun(day)?s?$/, 0],
  [/^mon(day)?s?$/, 1],
  [/^tue(s(day)?)?s?$/, 2],
  [/^wed(nesday)?s?$/, 3],
  [/^(thu|thur|thurs|thursday|thursdays)$/, 4],
  [/^fri(day)?s?$/, 5],
  [/^sat(urday)?s?$/, 6],
];

export const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
export const WEEKDAYS = [1, 2, 3, 4, 5];

/** "daily", "weekdays", "weekends", "mon wed fri"; undefined when nothing in it is a day. */
export function parseDays(text: string | undefined): number[] | undefined {
  const t = (text ?? '').toLowerCase().trim();
  // No days named means every day ("remind me at three").
  if (!t || /\b(daily|every ?day|each day)\b/.test(t)) return EVERY_DAY;
  if (/\bweekdays?\b|\bworkdays?\b/.test(t)) return WEEKDAYS;
  if (/\bweekends?\b/.test(t)) return [0, 6];
  const days = new Set<number>();
  for (const word of t.split(/[\s,]+/)) {
    const hit = DAY_NAMES.find(([re]) => re.test(word));
    if (hit) days.add(hit[1]);
  }
  return days.size > 0 ? [...days].sort((a, b) => a - b) : undefined;
}

/** Times of day Alexa's AMAZON.TIME may give instead of a clock time. */
const PARTS_OF_DAY: Record<string, string> = { MO: '09:00', AF: '15:00', EV: '19:00', NI: '21:00' };

/** "15:00", "3pm", "3:30 pm", "9", or Alexa's "AF"; undefined when it is not a time. Returns "HH:MM". */
export function parseTime(text: string | undefined): string | undefined {
  const t = (text ?? '').trim().toLowerCase().replace(/\./g, '');
  if (!t) return undefined;
  const part = PARTS_OF_DAY[t.toUpperCase()];
  if (part) return part;
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm|a m|p m)?$/.exec(t);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3]?.replace(' ', '');
  if (minute > 59 || hour > 23 || (half && (hour < 1 || hour > 12))) return undefined;
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

const NAMES = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];

/** "every day", "on weekdays", "on Mondays and Fridays". */
export function describeDays(days: readonly number[]): string {
  const key = [...days].sort().join(',');
  if (key === EVERY_DAY.join(',')) return 'every day';
  if (key === WEEKDAYS.join(',')) return 'on weekdays';
  if (key === '0,6') return 'at weekends';
  const names = days.flatMap((d) => NAMES[d] ?? []);
  return `on ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]}`;
}

/** "15:00" -> "3 PM", "09:30" -> "9:30 AM", for speech. */
export function describeTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m ? `:${String(m).padStart(2, '0')}` : ''} ${h < 12 ? 'AM' : 'PM'}`;
}
