import { instantOf, parseClock, wallClock } from './nextDue.js';

/**
 * A person's working day (days of the week and local hours, set on App Home) and when a break may come
 * within it. Pure: instants in, instants out; zones through Intl (nextDue.ts).
 */
export interface WorkingHours {
  /** Days of the week, 0 = Sunday. */
  days: number[];
  /** Local "HH:MM" the day starts and ends; end after start. */
  start: string;
  end: string;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Working hours as kept in the profile's Slack surface data, or undefined when unset or unreadable. */
export function workingHoursOf(surface: { workDays?: string; workStart?: string; workEnd?: string }): WorkingHours | undefined {
  const { workDays, workStart, workEnd } = surface;
  if (!workDays || !workStart || !workEnd) return undefined;
  const days = workDays
    .split(',')
    .map(Number)
    .filter((d) => Number.isInteger(d) && d >= 0 && d <= 6);
  const hours = { days: [...new Set(days)].sort((a, b) => a - b), start: workStart, end: workEnd };
  return validWorkingHours(hours) ? hours : undefined;
}

/** The surface data that keeps `hours`. */
export function workingHoursData(hours: WorkingHours): { workDays: string; workStart: string; workEnd: string } {
  return { workDays: hours.days.join(','), workStart: hours.start, workEnd: hours.end };
}

export function validWorkingHours(hours: WorkingHours): boolean {
  const start = parseClock(hours.start);
  const end = parseClock(hours.end);
  return hours.days.length > 0 && start !== undefined && end !== undefined && end > start;
}

/**
 * The first instant at or after `instant` inside the working day: `instant` itself when it is inside, else
 * the start of the next working day. Without working hours, every moment is a working one.
 */
export function nextWorkingMoment(instant: number, hours: WorkingHours | undefined, timeZone: string): number {
  if (!hours || !validWorkingHours(hours)) return instant;
  const start = parseClock(hours.start)!;
  const end = parseClock(hours.end)!;
  const days = new Set(hours.days);
  const today = wallClock(instant, timeZone);
  const midnight = today - (today % DAY);
  for (let d = 0; d <= 8; d++) {
    const dayStart = midnight + d * DAY;
    if (!days.has(new Date(dayStart).getUTCDay())) continue;
    const opens = instantOf(dayStart + start * MINUTE, timeZone);
    const closes = instantOf(dayStart + end * MINUTE, timeZone);
    if (instant < closes) return Math.max(instant, opens);
  }
  return instant;
}

/** The first instant of the local day after the one `instant` falls in ("skip today"). */
export function startOfNextDay(instant: number, timeZone: string): number {
  const today = wallClock(instant, timeZone);
  return instantOf(today - (today % DAY) + DAY, timeZone);
}
