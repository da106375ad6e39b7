import lang from '@nlpjs/lang-en-min';

/**
 * What the classifier reads of a text: the stems of its words (nlp.js's English stemmer), every number as one
 * word and clock times as another ("it's a 7" and "it's a 3" are the same phrasing), and each pair of
 * neighbouring stems, so that "can't walk" weighs apart from "walk" and "both legs" apart from "legs": the
 * classifier is linear, and a pair is how it sees two words together. Pure and fast.
 */

const stemmer = new lang.StemmerEn();

/** Stems of words seen, kept up to a bound (people's words are few; a flood of new ones only refills it). */
const STEMS_KEPT = 20_000;
const stemOfWord = new Map<string, string>();

function stem(word: string): string {
  let s = stemOfWord.get(word);
  if (s === undefined) {
    s = stemmer.stem([word])[0] ?? word;
    if (stemOfWord.size >= STEMS_KEPT) stemOfWord.clear();
    stemOfWord.set(word, s);
  }
  return s;
}

/** The words' stems, numbers and times as placeholders. Works on normalised text (text.ts). */
export function stemsOf(normalised: string): string[] {
  if (!normalised) return [];
  const out: string[] = [];
  for (const w of normalised.split(' ')) {
    if (!w || w === '?') continue;
    out.push(/^\d{1,2}:\d{2}$/.test(w) ? 'ztime' : /^\d+(?:\.\d+)?$/.test(w) ? 'znum' : stem(w));
  }
  return out;
}

/** A pair of neighbouring stems as one feature ("both>leg"); ">" is never part of a stem. */
export function pairOf(a: string, b: string): string {
  return `${a}>${b}`;
}

/** The features of a text's stems: each stem, and each pair of neighbours. */
export function featuresOf(stems: readonly string[]): string[] {
  const out = new Set(stems);
  for (let i = 1; i < stems.length; i++) out.add(pairOf(stems[i - 1]!, stems[i]!));
  return [...out];
}
