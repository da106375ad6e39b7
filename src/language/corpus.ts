import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { compiledData } from '../data/compiled.js';

/**
 * The language corpus (language/<locale>.yaml): what people say, by meaning, as data. Validated with zod on
 * load; a broken file names the file, the path inside it and what was expected, like a broken routine.
 */

export const LANGUAGE_DIR = resolve(fileURLToPath(new URL('../../language', import.meta.url)));

/** Amazon's rule for samples: words, apostrophes, spaces and {slots}; no digits or punctuation. */
const SPOKEN = /^[a-zA-Z' {}]+$/;

const Spoken = z.string().trim().min(1).max(200).regex(SPOKEN, 'letters, apostrophes, spaces and {slots} only (Amazon\'s rule)');
const Typed = z.string().trim().min(1).max(200);

/** Every meaning the corpus knows: the core's intents, kinds of hurt as "hurts.<sign>", and "none". */
export const Label = z.enum([
  'launch', 'start', 'list', 'recommend', 'yes', 'no', 'unsure', 'painScore', 'noPain',
  'next', 'back', 'repeat', 'skip', 'pause', 'resume', 'startOver', 'easier',
  'hurts', 'hurts.sharp', 'hurts.spreading', 'hurts.numbness', 'hurts.mild',
  'hurts.saddle', 'hurts.bladder', 'hurts.bothLegs', 'hurts.weakLegs', 'hurts.trauma',
  'hurts.chest', 'hurts.breathless', 'hurts.faint', 'hurts.neuro', 'hurts.pregnancy',
  'dizzy', 'progress', 'help', 'stop', 'setReminder', 'reminderOff', 'history', 'forgetMe', 'thanks', 'none',
  // A doctor has checked what blocked exercise; a tier B or C sign said in the person's own words (has.<sign>).
  'cleared',
  'has.bCancer', 'has.bSteroids', 'has.bFever', 'has.bWeightLoss', 'has.bLump',
  'has.cPregnant', 'has.cSurgery', 'has.cSurgeryBack', 'has.cSurgeryHip', 'has.cSurgeryBelly', 'has.cOsteoporosis', 'has.cNeck',
  // Not a turn of the conversation: asks the surface for a code that links this identity with another.
  'link',
]);
export type Label = z.infer<typeof Label>;

export const SlotValue = z.object({
  id: z.string().min(1),
  value: Spoken,
  synonyms: z.array(Spoken).default([]),
});
export type SlotValue = z.infer<typeof SlotValue>;

const IntentEntry = z.strictObject({
  /** The Alexa intent this meaning is; absent for what only typed surfaces hear. */
  alexa: z.string().regex(/^(AMAZON\.)?[A-Za-z_]+$/).optional(),
  slots: z.record(z.string().regex(/^\w+$/), z.string().regex(/^(AMAZON\.)?[A-Z_]+$/)).optional(),
  spoken: z.array(Spoken).default([]),
  typed: z.array(Typed).default([]),
  /**
   * Words that name an emergency sign ("chest", "pass out"): the sign is acted on only when one of them is
   * said, so that "evening, how's it going" is never read as feeling faint however the classifier leans.
   */
  cues: z.array(Spoken).optional(),
});
export type IntentEntry = z.infer<typeof IntentEntry>;

const CorpusFile = z.strictObject({
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  types: z.record(z.string().regex(/^[A-Z_]+$/), z.array(SlotValue)).default({}),
  intents: z.partialRecord(Label, IntentEntry),
});
type CorpusFile = z.infer<typeof CorpusFile>;

/** A corpus ready to use: a base language with its overlays merged in. */
export interface Corpus {
  locale: string;
  types: Record<string, SlotValue[]>;
  intents: Partial<Record<Label, IntentEntry>>;
}

export interface CorpusProblem {
  file: string;
  path: string;
  message: string;
}

export class CorpusError extends Error {
  constructor(readonly problems: CorpusProblem[]) {
    super(`language corpus is broken:\n${problems.map((p) => `${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.message}`).join('\n')}`);
    this.name = 'CorpusError';
  }
}

export function parseCorpusFile(file: string, text: string): CorpusFile {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) throw new CorpusError(doc.errors.map((e) => ({ file, path: '', message: e.message.split('\n')[0]! })));
  const parsed = CorpusFile.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new CorpusError(parsed.error.issues.map((i) => ({ file, path: i.path.map(String).join('.'), message: i.message })));
  }
  return parsed.data;
}

function readFile(name: string, dir: string): CorpusFile {
  const file = join(dir, `${name}.yaml`);
  return parseCorpusFile(file, readFileSync(file, 'utf8'));
}

/** Lower case, one space, typographic apostrophes plain: the key two samples are "the same" by. */
export function sampleKey(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

/** Overlays add samples and slot values to the base; they never remove any. */
function merge(base: CorpusFile, overlays: CorpusFile[], locale: string): Corpus {
  const intents: Partial<Record<Label, IntentEntry>> = structuredClone(base.intents);
  const types: Record<string, SlotValue[]> = structuredClone(base.types);
  for (const overlay of overlays) {
    for (const [label, entry] of Object.entries(overlay.intents) as Array<[Label, IntentEntry]>) {
      const into = intents[label];
      if (!into) throw new CorpusError([{ file: overlay.locale, path: `intents.${label}`, message: 'an overlay may only add to an intent the base has' }]);
      into.spoken.push(...entry.spoken);
      into.typed.push(...entry.typed);
      if (entry.cues) (into.cues ??= []).push(...entry.cues);
    }
    for (const [name, values] of Object.entries(overlay.types)) (types[name] ??= []).push(...values);
  }
  return { locale, types, intents };
}

/** Every sample once, under one meaning; every slot a sample names is declared and used. */
export function checkCorpus(corpus: Corpus, file: string): void {
  const problems: CorpusProblem[] = [];
  const owner = new Map<string, Label>();
  for (const [label, entry] of Object.entries(corpus.intents) as Array<[Label, IntentEntry]>) {
    const declared = new Set(Object.keys(entry.slots ?? {}));
    const used = new Set<string>();
    for (const [i, sample] of [...entry.spoken, ...entry.typed].entries()) {
      const path = `intents.${label}.${i < entry.spoken.length ? `spoken.${i}` : `typed.${i - entry.spoken.length}`}`;
      const key = sampleKey(sample);
      const before = owner.get(key);
      if (before !== undefined) problems.push({ file, path, message: `"${sample}" is already a sample of ${before}` });
      owner.set(key, label);
      for (const [, slot] of sample.matchAll(/\{(\w+)\}/g)) {
        if (!declared.has(slot!)) problems.push({ file, path, message: `{${slot}} is not a declared slot of ${label}` });
        used.add(slot!);
      }
    }
    for (const slot of declared) {
      if (!used.has(slot)) problems.push({ file, path: `intents.${label}.slots.${slot}`, message: 'no sample uses this slot' });
      const type = entry.slots![slot]!;
      if (!type.startsWith('AMAZON.') && type !== 'ROUTINE_NAME' && !corpus.types[type]) {
        problems.push({ file, path: `intents.${label}.slots.${slot}`, message: `slot type ${type} is not declared under types` });
      }
    }
  }
  if (problems.length > 0) throw new CorpusError(problems);
}

const cache = new Map<string, Corpus>();

/**
 * The corpus for a locale: language/<language>.yaml, with language/<locale>.yaml over it when there is one.
 * `overlays: 'all'` merges every overlay of the language (the typed surfaces hear British and American
 * English alike).
 */
export function loadCorpus(locale: string, opts: { overlays?: 'own' | 'all'; dir?: string } = {}): Corpus {
  const dir = opts.dir ?? LANGUAGE_DIR;
  const language = locale.slice(0, 2);
  const key = `${dir}|${locale}|${opts.overlays ?? 'own'}`;
  const cached = cache.get(key);
  if (cached) return cached;
  // A bundle carries the corpora already read and checked by the build (build/data.ts).
  const compiled = dir === LANGUAGE_DIR ? (compiledData.language as Record<string, Corpus> | undefined)?.[`${locale}|${opts.overlays ?? 'own'}`] : undefined;
  if (compiled) {
    cache.set(key, compiled);
    return compiled;
  }
  const base = readFile(language, dir);
  const names = opts.overlays === 'all' ? OVERLAYS[language] ?? [] : locale === language ? [] : [locale];
  const corpus = merge(base, names.map((n) => readFile(n, dir)), locale);
  checkCorpus(corpus, join(dir, `${language}.yaml`));
  cache.set(key, corpus);
  return corpus;
}

/** The overlays each language has (a locale without a file of its own uses the base alone). */
export const OVERLAYS: Record<string, string[]> = { en: ['en-GB', 'en-US'] };

/** Every corpus the coach reads, keyed as loadCorpus keeps them: for the build to carry inside a bundle. */
export function compileCorpora(locales: readonly string[]): Record<string, Corpus> {
  const out: Record<string, Corpus> = {};
  for (const locale of locales) out[`${locale}|own`] = loadCorpus(locale);
  for (const language of Object.keys(OVERLAYS)) out[`${language}|all`] = loadCorpus(language, { overlays: 'all' });
  return out;
}
