import { distance } from 'fastest-levenshtein';
import type { Routine } from '../core/routine.js';
import { normalise, words } from './text.js';

/**
 * Routine names in typed text, with typo tolerance: "five moevs" is Five moves, "sacral" is Sacral traction,
 * "gentle yoga" is Gentle Yoga for Low Back Release. Words are weighed by how well they tell routines apart
 * ("sacral" names one routine; "back" names three), and a name is found only by its telling words.
 */

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
export function nameVariants(name: string): string[] {
  const spoken = spokenForm(name);
  const out = new Set([spoken]);
  const bare = spoken.replace(/^(the|a|my) /, '');
  out.add(bare);
  const shorter = bare.replace(/ (one|routine)$/, '');
  if (shorter.includes(' ')) out.add(shorter);
  return [...out].filter((v) => v.length > 0);
}

/** Words in names that name no routine by themselves. */
const FILLER = new Set(['the', 'a', 'an', 'my', 'your', 'for', 'to', 'of', 'one', 'routine', 'top', 'bottom', 's']);
/** Words that describe any routine ("something short" asks for a recommendation, not "the short one"). */
const DESCRIBING = new Set(['short', 'quick', 'long', 'easy', 'gentle', 'little']);

export interface RoutineMatch {
  routineId: string;
  /** 0..1: how much of the best name's telling weight the words matched (typos count less). */
  score: number;
  /** Token positions of the match in the words given. */
  from: number;
  to: number;
}

interface Name {
  routineId: string;
  tokens: string[];
  weights: number[];
  /** The word names this routine alone. */
  telling: boolean[];
  total: number;
  /** The routine's title or id, not a synonym: preferred on a tie. */
  own: boolean;
}

/** How far a typed word may be from a name's word: none for short words, more for long ones. */
function allowed(word: string): number {
  return word.length <= 3 ? 0 : word.length <= 6 ? 1 : 2;
}

function close(typed: string, name: string): number {
  if (typed === name) return 1;
  // A last letter left off ("fiv moves", "spinal lov"): a word of the name with its end missing.
  if (typed.length >= 3 && name.length === typed.length + 1 && name.startsWith(typed)) return 0.8;
  // Short words are too alike to forgive ("sort" is no "short").
  if (typed.length < 5 || Math.abs(typed.length - name.length) > 2) return 0;
  const d = distance(typed, name);
  // A swap of two letters ("moevs") is two edits to Levenshtein: allow it in words of five letters or more.
  if (d <= allowed(name) || (d === 2 && name.length >= 5 && [...typed].sort().join('') === [...name].sort().join(''))) return 0.8;
  return 0;
}

export class RoutineNames {
  private readonly names: Name[] = [];

  constructor(routines: readonly Routine[]) {
    const routinesOf = new Map<string, Set<string>>();
    const raw: Array<{ routineId: string; tokens: string[]; own: boolean }> = [];
    for (const r of routines) {
      const own = new Set([r.id, r.title].flatMap(nameVariants));
      for (const variant of new Set([r.id, r.title, ...r.synonyms].flatMap(nameVariants))) {
        const tokens = words(normalise(variant));
        raw.push({ routineId: r.id, tokens, own: own.has(variant) });
        for (const t of tokens) (routinesOf.get(t) ?? routinesOf.set(t, new Set()).get(t)!).add(r.id);
      }
    }
    for (const { routineId, tokens, own } of raw) {
      // A word naming one routine weighs most; one shared by many, little; filler, nothing.
      const weights = tokens.map((t) => (FILLER.has(t) ? 0 : Math.log(1 + routines.length / routinesOf.get(t)!.size)));
      // A word of the routine's own title tells it from a routine that only mentions the word ("sacral").
      // A number names no routine by itself ("10" is a score or minutes, not "ten poses"): "5 moves" needs both words.
      const telling = tokens.map((t) => !FILLER.has(t) && !DESCRIBING.has(t) && !/^\d+$/.test(t) && routinesOf.get(t)!.size <= (own ? 2 : 1));
      const total = weights.reduce((a, b) => a + b, 0);
      if (total > 0 && tokens.some((t) => !FILLER.has(t) && !DESCRIBING.has(t))) this.names.push({ routineId, tokens, weights, telling, total, own });
    }
  }

  /** The best match of each routine in the words, best first; none below `min`. */
  find(typed: readonly string[], min = 0.45): RoutineMatch[] {
    const best = new Map<string, RoutineMatch>();
    for (const name of this.names) {
      for (let start = 0; start < typed.length; start++) {
        let matched = 0;
        let telling = false;
        let count = 0;
        let i = start;
        let last = -1;
        for (let k = 0; k < name.tokens.length && i < typed.length; k++) {
          const c = close(typed[i]!, name.tokens[k]!);
          if (c > 0) {
            matched += c * name.weights[k]!;
            if (name.telling[k]) telling = true;
            count++;
            last = i;
            i++;
          } else if (k === 0) break;
        }
        // A name is found by a word only it has, or by all of its words ("low back release").
        if (last < 0 || !(telling || (count === name.tokens.length && count > 1))) continue;
        const score = Math.min(1, (matched / name.total) * (name.own ? 1.25 : 1));
        const prev = best.get(name.routineId);
        if (score >= min && (!prev || score > prev.score)) best.set(name.routineId, { routineId: name.routineId, score, from: start, to: last });
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }
}
