/** Day formats by time zone, made once: creating an Intl.DateTimeFormat costs far more than using one. */
const formats = new Map<string, Intl.DateTimeFormat | undefined>();

function formatFor(timeZone: string): Intl.DateTimeFormat | undefined {
  if (!formats.has(timeZone)) {
    let format: Intl.DateTimeFormat | undefined;
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      format = undefined; // not a zone this runtime knows
    }
    // Bounded: zone names come from platforms, but a stream of bad ones must not grow this forever.
    if (formats.size >= 1000) formats.clear();
    formats.set(timeZone, format);
  }
  return formats.get(timeZone);
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone; UTC when the zone is unknown or invalid. */
export function localDay(instant: string | number | Date, timeZone: string | undefined): string {
  const date = new Date(instant);
  const format = formatFor(timeZone ?? 'UTC');
  try {
    return format ? format.format(date) : date.toISOString().slice(0, 10);
  } catch {
    // An invalid date: the same fallback as before.
    return date.toISOString().slice(0, 10);
  }
}
