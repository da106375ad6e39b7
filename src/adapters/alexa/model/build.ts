import type { Routine } from '../../../core/routine.js';
import { type Corpus, type IntentEntry, type Label, loadCorpus, type SlotValue } from '../../../language/corpus.js';
import { nameVariants, spokenForm } from '../../../language/names.js';

/**
 * Builds the Alexa interaction model (the JSON the developer console and SMAPI take) from the language corpus
 * (language/*.yaml) and the routines: every meaning with an Alexa intent becomes that intent with the corpus's
 * spoken samples; ROUTINE_NAME has one value per routine, its id as the entity id, its title as the value and
 * its synonyms (and a few spoken forms of them) as synonyms.
 */

export const INVOCATION_NAME = 'back break';
export const LOCALES = ['en-US', 'en-GB'] as const;
export type ModelLocale = (typeof LOCALES)[number];

/** Built-ins the coach handles that the corpus gives no samples of (Amazon's own samples suffice). */
const BARE_BUILT_INS = ['AMAZON.CancelIntent', 'AMAZON.FallbackIntent', 'AMAZON.NavigateHomeIntent'];

/** ROUTINE_NAME: each routine's names, a name two routines share kept by the first (routines sort by file). */
export function routineNameValues(routines: readonly Routine[]): SlotValue[] {
  const taken = new Map<string, string>();
  const values: SlotValue[] = routines.map((routine) => {
    const value = spokenForm(routine.title);
    taken.set(value, routine.id);
    return { id: routine.id, value, synonyms: [] };
  });
  // Synonyms after every title, so a title always names its own routine.
  routines.forEach((routine, i) => {
    for (const name of [routine.id, routine.title, ...routine.synonyms].flatMap(nameVariants)) {
      if (taken.has(name)) continue;
      taken.set(name, routine.id);
      values[i]!.synonyms.push(name);
    }
  });
  return values;
}

function intentJson(name: string, entry: IntentEntry) {
  const slots = Object.entries(entry.slots ?? {}).map(([slot, type]) => ({ name: slot, type, samples: [] }));
  return { name, ...(slots.length ? { slots } : {}), samples: entry.spoken };
}

function typeJson(name: string, values: SlotValue[]) {
  return {
    name,
    values: values.map((v) => ({ id: v.id, name: { value: v.value, ...(v.synonyms.length ? { synonyms: v.synonyms } : {}) } })),
  };
}

/** The corpus's meanings that Alexa hears, as [Alexa intent name, entry], custom intents first. */
export function alexaIntents(corpus: Corpus): Array<[string, IntentEntry, Label]> {
  const all = (Object.entries(corpus.intents) as Array<[Label, IntentEntry]>)
    .filter(([, entry]) => entry.alexa !== undefined)
    .map(([label, entry]) => [entry.alexa!, entry, label] as [string, IntentEntry, Label]);
  return [...all.filter(([n]) => !n.startsWith('AMAZON.')), ...all.filter(([n]) => n.startsWith('AMAZON.'))];
}

export function buildInteractionModel(routines: readonly Routine[], locale: ModelLocale, corpus: Corpus = loadCorpus(locale)) {
  return {
    interactionModel: {
      languageModel: {
        invocationName: INVOCATION_NAME,
        intents: [
          ...alexaIntents(corpus).map(([name, entry]) => intentJson(name, entry)),
          ...BARE_BUILT_INS.map((name) => ({ name, samples: [] })),
        ],
        types: [
          typeJson('ROUTINE_NAME', routineNameValues(routines)),
          ...Object.entries(corpus.types).map(([name, values]) => typeJson(name, values)),
        ],
      },
    },
  };
}

/** The file text, as written to interaction-models/<locale>.json and the ASK CLI's skill package. */
export function interactionModelText(routines: readonly Routine[], locale: ModelLocale): string {
  return `${JSON.stringify(buildInteractionModel(routines, locale), null, 2)}\n`;
}
