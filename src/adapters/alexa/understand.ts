import type { Intent as AlexaIntent } from 'ask-sdk-model';
import type { Intent } from '../../core/intents.js';
import { type Label, loadCorpus } from '../../language/corpus.js';
import { plainIntent } from '../../language/labels.js';
import { hurtKindOf, parseNumber, parseTime, readSlot } from './slots.js';

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
