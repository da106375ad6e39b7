import type { Slot } from 'ask-sdk-model';
import { HurtKind } from '../../core/intents.js';
import { parseTime as parseClock } from '../../core/reminder.js';

/**
 * Reading slot values. Entity resolution (ER_SUCCESS_MATCH) names the value by its id in our interaction
 * model; the raw value is what was heard, kept for values the model does not know.
 */

export interface SlotReading {
  /** The resolved value's id, when entity resolution matched. */
  id?: string;
  /** What Alexa heard, trimmed; absent for an empty slot. */
  heard?: string;
}

export function readSlot(slot: Slot | undefined): SlotReading {
  if (!slot) return {};
  const heard = slot.value?.trim() || undefined;
  for (const authority of slot.resolutions?.resolutionsPerAuthority ?? []) {
    if (authority.status?.code === 'ER_SUCCESS_MATCH') {
      const id = authority.values?.[0]?.value?.id;
      if (id) return { id, heard };
    }
  }
  return { heard };
}

const UNITS: Record<string, number> = {
  zero: 0, oh: 0, nought: 0, none: 0, nothing: 0,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60 };

/**
 * A number from an AMAZON.NUMBER slot: Alexa sends digits ("7"); test tools and some devices send words
 * ("seven", "twenty five"). Anything else ("?", empty) is undefined.
 */
export function parseNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
  const words = v.replace(/-/g, ' ').split(/\s+/).filter((w) => w && w !== 'and' && w !== 'a');
  if (words.length === 0) return undefined;
  let total = 0;
  for (const w of words) {
    if (w in TENS) total += TENS[w]!;
    else if (w in UNITS) total += UNITS[w]!;
    else return undefined;
  }
  return total;
}

const NAMED_TIMES: Record<string, string> = { noon: '12:00', midday: '12:00', midnight: '00:00' };

/**
 * A 24-hour "HH:MM" from an AMAZON.TIME clock value ("15:00") or a spoken time ("3 pm", "three pm"), read by
 * the core's parseTime once spoken numbers are digits. Undefined when it cannot be read, and for Alexa's parts
 * of the day ("MO", "EV"), which have no digits and go to the core as heard.
 */
export function parseTime(value: string | undefined): string | undefined {
  const lower = (value ?? '').trim().toLowerCase().replace(/\./g, '');
  if (NAMED_TIMES[lower]) return NAMED_TIMES[lower];
  const clock = lower
    .replace(/^[a-z -]+?(?=\s*(?:am|pm|o'clock)$)/, (words) => String(parseNumber(words) ?? words))
    .replace(/\s*o'clock$/, '');
  return /\d/.test(clock) ? parseClock(clock) : undefined;
}

/** Hurt words by kind, the most serious first. */
const HURT_WORDS: ReadonlyArray<[RegExp, HurtKind]> = [
  [/saddle|seat|groin|genital|bladder|bowel|both legs/, 'saddle'],
  [/chest|breath|faint/, 'chest'],
  [/bleed|contraction|calf|waters|fluid|pregnan/, 'pregnancy'],
  [/spread|down my leg|down the leg|tingl|pins and needles|radiat/, 'spreading'],
  [/numb|no feeling|lost feeling/, 'numbness'],
  [/sharp|shoot|stab|burn/, 'sharp'],
  [/mild|stretch|tight|ach|sore|uncomfortable|pull/, 'mild'],
];

/**
 * What kind of hurt the person described. The interaction model's HURT_KIND ids are the core's kinds;
 * a value the model did not resolve is read by its words, the most serious first.
 */
export function hurtKindOf(reading: SlotReading): HurtKind | undefined {
  const byId = HurtKind.safeParse(reading.id);
  if (byId.success) return byId.data;
  const heard = reading.heard?.toLowerCase();
  return heard ? HURT_WORDS.find(([re]) => re.test(heard))?.[1] : undefined;
}
