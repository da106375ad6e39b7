import type { Routine } from '../../../core/routine.js';
import { BUILT_IN_INTENTS, CUSTOM_INTENTS, type IntentDef, type SlotTypeDef, type SlotValueDef } from './intents.js';
import { EQUIPMENT, HURT_KIND, REMINDER_DAYS } from './slot-types.js';

/**
 * Builds the Alexa interaction model (the JSON the developer console and SMAPI take) from the intents in
 * intents.ts and the routines: ROUTINE_NAME has one value per routine, its id as the entity id, its title
 * as the value and its synonyms (and a few spoken forms of them) as synonyms.
 */

export const INVOCATION_NAME = 'back break';
export const LOCALES = ['en-US', 'en-GB'] as const;
export type ModelLocale = (typeof LOCALES)[number];

const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** How a written name is said: lower case, digits as words, no punctuation but apostrophes. */
export function spokenForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/\b(\d|10)\b/g, (d) => DIGITS[Number(d)]!)
    .replace(/-/g, ' ')
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The name and the shorter ways of saying it: without "the", and without a trailing "one" or "routine"
 * when at least two words are left ("the strap one" gives "strap one", not "strap", which is equipment).
 */
function variants(name: string): string[] {
  const spoken = spokenForm(name);
  const out = new Set([spoken]);
  const bare = spoken.replace(/^(the|a|my) /, '');
  out.add(bare);
  const shorter = bare.replace(/ (one|routine)$/, '');
  if (shorter.includes(' ')) out.add(shorter);
  return [...out].filter((v) => v.length > 0);
}

export function routineNameType(routines: readonly Routine[]): SlotTypeDef {
  const taken = new Map<string, string>();
  const values: SlotValueDef[] = routines.map((routine) => {
    const value = spokenForm(routine.title);
    taken.set(value, routine.id);
    return { id: routine.id, value, synonyms: [] };
  });
  // Synonyms after every title, so a title always names its own routine; a synonym two routines share
  // stays with the first (routines are sorted by file name) rather than make the name ambiguous.
  routines.forEach((routine, i) => {
    const names = [routine.id, routine.title, ...routine.synonyms].flatMap(variants);
    for (const name of names) {
      if (taken.has(name)) continue;
      taken.set(name, routine.id);
      values[i]!.synonyms.push(name);
    }
  });
  return { name: 'ROUTINE_NAME', values };
}

function intentJson(def: IntentDef) {
  return {
    name: def.name,
    ...(def.slots ? { slots: def.slots.map((s) => ({ name: s.name, type: s.type, samples: [] })) } : {}),
    samples: def.samples,
  };
}

function typeJson(def: SlotTypeDef) {
  return {
    name: def.name,
    values: def.values.map((v) => ({ id: v.id, name: { value: v.value, ...(v.synonyms.length ? { synonyms: v.synonyms } : {}) } })),
  };
}

export function buildInteractionModel(routines: readonly Routine[], _locale: ModelLocale) {
  return {
    interactionModel: {
      languageModel: {
        invocationName: INVOCATION_NAME,
        intents: [...CUSTOM_INTENTS, ...BUILT_IN_INTENTS].map(intentJson),
        types: [routineNameType(routines), EQUIPMENT, HURT_KIND, REMINDER_DAYS].map(typeJson),
      },
    },
  };
}

/** The file text, as written to interaction-models/<locale>.json. */
export function interactionModelText(routines: readonly Routine[], locale: ModelLocale): string {
  return `${JSON.stringify(buildInteractionModel(routines, locale), null, 2)}\n`;
}
