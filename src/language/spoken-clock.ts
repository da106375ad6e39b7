/**
 * Clock times said the ways chrono-node does not read, rewritten into ones it does ("half past 2" -> "2:30",
 * "quarter to 5" -> "4:45", "3 in the afternoon" -> "3 pm", "noon" -> "12:00 pm"), and lengths and day names
 * taken out so they are not read as times. Works on normalised text (text.ts). Pure, with no dependencies: the
 * Alexa skill reads slot values with it without carrying a date library.
 */
/** "half past 2" -> "2:30", "quarter to 5" -> "4:45", "10 past 6" -> "6:10", "half 3" -> "3:30". */
export function spokenClock(text: string): string {
  return text
    .replace(/\b(noon|midday)\b/g, '12:00 pm')
    .replace(/\bmidnight\b/g, '12:00 am')
    .replace(/\bhalf past (\d{1,2})\b/g, (_, h) => `${h}:30`)
    .replace(/\bquarter past (\d{1,2})\b/g, (_, h) => `${h}:15`)
    .replace(/\b(?:a )?quarter to (\d{1,2})\b/g, (_, h) => `${Number(h) === 1 ? 12 : Number(h) - 1}:45`)
    .replace(/\b(\d{1,2}) (?:minutes )?past (\d{1,2})\b/g, (m, mm, h) => (Number(mm) < 60 ? `${h}:${String(mm).padStart(2, '0')}` : m))
    .replace(/\b(\d{1,2}) (?:minutes )?to (\d{1,2})\b(?! (?:min|minutes|mins))/g, (m, mm, h) =>
      Number(mm) < 60 && Number(h) <= 12 ? `${Number(h) === 1 ? 12 : Number(h) - 1}:${String(60 - Number(mm)).padStart(2, '0')}` : m,
    )
    .replace(/\b(?:at )?half (\d{1,2})\b/g, (_, h) => `at ${h}:30`)
    // "3 30 pm", "9 15 in the morning": hour and minutes said apart.
    .replace(/\b(\d{1,2}) (\d{2})\b(?= ?(?:pm|am|in the|tonight|this|oclock|$))/g, (m, h, mm) => (Number(h) <= 23 && Number(mm) < 60 ? `${h}:${mm}` : m))
    .replace(/\b(?:at )?(\d{1,2}(?::\d{2})?) oclock\b/g, 'at $1')
    // Durations and day names are not times: "10 minutes" is no 00:10, and "mon to fri 3pm" keeps its time.
    .replace(/\b\d+ (?:min|mins|minute|minutes|hours?|hrs?)\b/g, ' ')
    .replace(/\b(?:(?:every|each|on) )?(?:sun|mon|tues?|wed|thu|thur|thurs|fri|sat)(?:day|nesday|rsday|urday)?s?(?: (?:to|and|thru|through|till|until))?\b/g, ' ')
    .replace(/\b(?:every|each) day|daily|weekdays?|weekends?\b/g, ' ')
    .replace(/\b(\d{1,2}(?::\d{2})?) (in the (?:afternoon|evening)|this (?:afternoon|evening)|tonight|at night)\b/g, '$1 pm')
    .replace(/\b(\d{1,2}(?::\d{2})?) (in the morning|this morning)\b/g, '$1 am');
}

