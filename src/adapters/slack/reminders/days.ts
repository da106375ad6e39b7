/** Days of a reminder (0 = Sunday) as App Home shows them. Typed reminders are read by src/language. */

const SHORT = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

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
