/** The calendar day (YYYY-MM-DD) of an instant in a time zone; UTC when the zone is unknown or invalid. */
export function localDay(instant: string | number | Date, timeZone: string | undefined): string {
  const date = new Date(instant);
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}
