import type { Routine } from '../core/routine.js';
import type { Corpus, IntentEntry, Label } from './corpus.js';
import { nameVariants } from './names.js';
import { normalise } from './text.js';

/**
 * The corpus as training samples for the typed understanding: every phrasing normalised as typed text is,
 * with its slots filled by real values (routine names, equipment, kinds of hurt, days, times), a few per
 * phrasing (chosen by the phrasing's own words), so no meaning drowns the others by its number of slot values.
 */

export interface Sample {
  /** The phrasing normalised as typed text is (text.ts). */
  plain: string;
  label: Label;
}

/** Values each slot type is filled with; ROUTINE_NAME and the corpus's own types are added from data. */
const FIXED: Record<string, string[]> = {
  'AMAZON.NUMBER': ['5', '10', '15', '20', 'seven', 'three', '30', 'four', '8', '2', 'six', '0', 'nine', '1'],
  'AMAZON.TIME': ['3 pm', '9:30', 'noon', '7 am', 'half past 2', '8', '6 in the evening', '10:15 am', 'quarter to 5'],
};

/** How many values fill each phrasing that has a slot. */
const PER_TEMPLATE = 3;

export function slotValues(corpus: Corpus, routines: readonly Routine[]): Record<string, string[]> {
  const values: Record<string, string[]> = { ...FIXED };
  values.ROUTINE_NAME = [...new Set(routines.flatMap((r) => [r.id, r.title, ...r.synonyms].flatMap(nameVariants)))];
  for (const [type, list] of Object.entries(corpus.types)) values[type] = list.flatMap((v) => [v.value, ...v.synonyms]);
  return values;
}

/** The kind of hurt a HURT_KIND value names, as a label ("numb around my seat" -> hurts.saddle). */
function kindLabels(corpus: Corpus): Map<string, Label> {
  const out = new Map<string, Label>();
  for (const v of corpus.types.HURT_KIND ?? []) for (const name of [v.value, ...v.synonyms]) out.set(name, `hurts.${v.id}` as Label);
  return out;
}

/** A number from a phrasing's words: which values fill it stays the same when other phrasings come and go. */
function seedOf(template: string): number {
  let h = 0;
  for (let i = 0; i < template.length; i++) h = (h * 31 + template.charCodeAt(i)) >>> 0;
  return h;
}

function expand(template: string, entry: IntentEntry, label: Label, values: Record<string, string[]>, kinds: Map<string, Label>): Sample[] {
  const slots = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  if (slots.length === 0) return [{ plain: template, label }];
  const out: Sample[] = [];
  // A bare slot ("{routine}") is filled with every value: it is the meaning's only word.
  const count = template.trim() === `{${slots[0]}}` ? Infinity : PER_TEMPLATE;
  const first = values[entry.slots![slots[0]!]!] ?? [];
  for (let k = 0; k < Math.min(count, first.length); k++) {
    let text = template;
    let sampleLabel = label;
    for (const [j, slot] of slots.entries()) {
      const list = values[entry.slots![slot]!] ?? [];
      const value = list[(seedOf(template) + k + j * 7) % list.length]!;
      text = text.replace(`{${slot}}`, value);
      // "It's {kind}" filled with "numb around my seat" is a sign, not a bare "it hurts".
      if (slot === 'kind') sampleLabel = kinds.get(value) ?? label;
    }
    out.push({ plain: text, label: sampleLabel });
  }
  return out;
}

/** Every training sample, normalised. */
export function trainingSamples(corpus: Corpus, routines: readonly Routine[]): Sample[] {
  const values = slotValues(corpus, routines);
  const kinds = kindLabels(corpus);
  const out: Sample[] = [];
  const seen = new Set<string>();
  for (const [label, entry] of Object.entries(corpus.intents) as Array<[Label, IntentEntry]>) {
    for (const template of [...entry.spoken, ...entry.typed]) {
      for (const s of expand(template, entry, label, values, kinds)) {
        const plain = normalise(s.plain);
        const key = `${s.label}|${plain}`;
        if (!plain || seen.has(key)) continue;
        seen.add(key);
        out.push({ plain, label: s.label });
      }
    }
  }
  return out;
}
