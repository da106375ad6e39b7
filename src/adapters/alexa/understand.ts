import type { Intent as AlexaIntent, Slot } from 'ask-sdk-model';
import { HurtKind, type Intent } from '../../core/intents.js';
import { parseTime as parseClock } from '../../core/reminder.js';
import { type Label, loadCorpus } from '../../language/corpus.js';
import { hurtKindNamed } from '../../language/kinds.js';
import { plainIntent } from '../../language/labels.js';
import { spokenClock } from '../../language/spoken-clock.js';
import { normalise } from '../../language/text.js';

/**
 * Alexa intents (our interaction model and Amazon's built-ins) as the core's intents. Pure.
 * Bad or missing slot values still reach the core, which answers them: a score it cannot read becomes
 * an out-of-range score the core re-asks, an unknown routine name goes as heard.
 */

/** The core re-asks any score outside 0-10; this one stands for "heard something, not a number". */
export const UNREADABLE_SCORE = -1;

/**
 * Intents with no slots, by the corpus that generates the model (the sign intents, "I wet myself" and the
 * like, are kinds of hurt), and the built-ins the corpus gives no samples of.
 */
const SIMPLE: Record<string, Intent> = (() => {
  const table: Record<string, Intent> = {
    // A stop always ends the session (see turn.ts).
    'AMAZON.CancelIntent': { type: 'stop' },
    'AMAZON.NavigateHomeIntent': { type: 'stop' },
  };
  // Both locales' models are made from the same meanings; the en-US corpus names every Alexa intent.
  for (const [label, entry] of Object.entries(loadCorpus('en-US').intents)) {
    const intent = plainIntent(label as Label);
    if (entry.alexa && intent && !entry.slots) table[entry.alexa] = intent;
  }
  return table;
})();

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

/**
 * A number from an AMAZON.NUMBER slot: Alexa sends digits ("7"); test tools and some devices send words
 * ("seven", "twenty five"), read as typed text is (language/text.ts). Anything else ("?", empty) is undefined.
 */
export function parseNumber(value: string | undefined): number | undefined {
  const text = normalise(value ?? '');
  return /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/**
 * A 24-hour "HH:MM" from an AMAZON.TIME clock value ("15:00") or a spoken time ("3 pm", "three o'clock",
 * "noon"), read as typed times are (language/spoken-clock.ts, then the core's parseTime). Undefined when it
 * cannot be read, and for Alexa's parts of the day ("MO", "EV"), which go to the core as heard.
 */
export function parseTime(value: string | undefined): string | undefined {
  const spoken = spokenClock(normalise(value ?? '')).replace(/^at /, '').trim();
  return /\d/.test(spoken) ? parseClock(spoken) : undefined;
}

/** What kind of hurt: the HURT_KIND id entity resolution gave, else the kind the heard words name (the corpus's). */
export function hurtKindOf(reading: SlotReading): HurtKind | undefined {
  const byId = HurtKind.safeParse(reading.id);
  if (byId.success) return byId.data;
  return reading.heard ? hurtKindNamed(loadCorpus('en-US'), reading.heard) : undefined;
}

export function toCoreIntent(intent: AlexaIntent): Intent {
  const simple = Object.hasOwn(SIMPLE, intent.name) ? SIMPLE[intent.name] : undefined;
  if (simple) return { ...simple };
  const slots = intent.slots ?? {};
  switch (intent.name) {
    case 'StartRoutineIntent': {
      const routine = readSlot(slots.routine);
      const name = routine.id ?? routine.heard;
      return name ? { type: 'start', routine: name } : { type: 'start' };
    }
    case 'RecommendIntent': {
      const minutes = parseNumber(readSlot(slots.minutes).heard);
      const equipment = readSlot(slots.equipment);
      const without = equipment.id ?? equipment.heard;
      return {
        type: 'recommend',
        ...(minutes !== undefined && minutes > 0 ? { minutes } : {}),
        ...(without ? { without: [without] } : {}),
      };
    }
    case 'HurtsIntent': {
      const kind = hurtKindOf(readSlot(slots.kind));
      return kind ? { type: 'hurts', kind } : { type: 'hurts' };
    }
    case 'PainScoreIntent': {
      const score = parseNumber(readSlot(slots.score).heard);
      return { type: 'painScore', score: score ?? UNREADABLE_SCORE };
    }
    case 'SetReminderIntent': {
      // A clock time as "HH:MM"; anything else as heard, for the core to read or re-ask ("EV" is evening).
      const heardTime = readSlot(slots.time).heard;
      const time = parseTime(heardTime) ?? heardTime;
      const days = readSlot(slots.days);
      const dayText = days.id ?? days.heard;
      return { type: 'setReminder', ...(time ? { time } : {}), ...(dayText ? { days: dayText } : {}) };
    }
    case 'AMAZON.FallbackIntent':
      return { type: 'unknown', text: '' };
    default:
      // An intent Amazon added to the model on its own (e.g. AMAZON.MoreIntent): the coach answers helpfully.
      return { type: 'unknown', text: intent.name };
  }
}
