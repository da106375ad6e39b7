/**
 * When a recurring reminder (days of the week at a local "HH:MM" in an IANA time zone) is next due.
 * Pure: the instant to count from comes in; time-zone rules come from Intl (no date library).
 *
 * Daylight saving: a local time that does not exist that day (clocks spring forward over it) fires at the
 * same distance after the jump (02:30 in a 02:00->03:00 gap fires at 03:30); a local time that happens twice
 * (clocks fall back) fires at the first of the two. This is the "compatible" rule of Temporal and RFC 5545.
 */

export interface Recurrence {
  /** Days of the week, 0 = Sunday. */
  days: number[];
  /** 24-hour local "HH:MM". */
  time: string;
  /** IANA zone, e.g. "Europe/Paris". */
  timeZone: string;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    // Bounded: a handful of zones in practice; never more than a few hundred exist.
    if (formatters.size < 1000) formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local wall-clock time at `instant`, expressed as if it were UTC milliseconds. */
export function wallClock(instant: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** The zone's offset from UTC at `instant`, in milliseconds (whole seconds). */
function offsetAt(instant: number, timeZone: string): number {
  const floored = Math.floor(instant / 1000) * 1000;
  return wallClock(floored, timeZone) - floored;
}

/** The instant at which the zone's clocks show `wall` (as if UTC), by the compatible rule above. */
export function instantOf(wall: number, timeZone: string): number {
  // Offsets a day either side: at most one transition lies between them in every real zone.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const candidates = [...new Set([wall - before, wall - after])]
    .filter((t) => wallClock(t, timeZone) === wall)
    .sort((a, b) => a - b);
  // No candidate: the wall time falls in a gap; keep the offset from before the jump.
  return candidates[0] ?? wall - before;
}

/** "HH:MM" -> minutes after midnight, or undefined. */
export function parseClock(time: string): number | undefined {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/**
 * The first instant strictly after `after` (epoch ms) on one of `days` at `time` in `timeZone`.
 * Throws RangeError on an empty day list, a bad time or an unknown zone: callers validate first.
 */
export function nextDueAt(recurrence: Recurrence, after: number): number {
  const minutes = parseClock(recurrence.time);
  if (minutes === undefined) throw new RangeError(`bad time "${recurrence.time}"`);
  const days = new Set(recurrence.days.filter((d) => Number.isInteger(d) && d >= 0 && d <= 6));
  if (days.size === 0) throw new RangeError('no days');
  const today = wallClock(after, recurrence.timeZone);
  const midnight = today - (today % DAY);
  // Eight local days always reach the next matching weekday after today's time has passed.
  for (let d = 0; d <= 8; d++) {
    const dayStart = midnight + d * DAY;
    if (!days.has(new Date(dayStart).getUTCDay())) continue;
    const due = instantOf(dayStart + minutes * MINUTE, recurrence.timeZone);
    if (due > after) return due;
  }
  throw new RangeError('no due time within eight days');
}
