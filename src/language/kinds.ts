import type { HurtKind } from '../core/intents.js';
import type { Corpus } from './corpus.js';
import { EMERGENCY_KINDS } from './labels.js';
import { normalise } from './text.js';

/**
 * The kind of hurt words name, by the corpus's HURT_KIND values and synonyms ("pins and needles" is spreading,
 * "sharp pain in my chest" is chest pain): the most serious named first, then the longest. For a slot value
 * Alexa heard but did not resolve. Pure; no model.
 */
export function hurtKindNamed(corpus: Corpus, heard: string): HurtKind | undefined {
  const text = ` ${normalise(heard)} `;
  let best: { kind: HurtKind; serious: boolean; length: number } | undefined;
  for (const value of corpus.types.HURT_KIND ?? []) {
    const kind = value.id as HurtKind;
    for (const name of [value.value, ...value.synonyms]) {
      const words = normalise(name);
      if (!words || !text.includes(` ${words} `)) continue;
      const serious = EMERGENCY_KINDS.has(kind);
      if (!best || (serious && !best.serious) || (serious === best.serious && words.length > best.length)) best = { kind, serious, length: words.length };
    }
  }
  return best?.kind;
}
