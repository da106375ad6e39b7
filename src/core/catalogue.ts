import type { HistoryEntry, Profile } from './profile.js';
import { conditionsOf, mainTechniqueLeftOut, planRoutine } from './safety.js';
import { EquipmentId, estimatedMinutes, type Routine } from './routine.js';

/** Finding routines by what a person says: a name, a synonym, minutes available, equipment at hand. */

const FILLER = /\b(the|a|an|one|routine|routines|please|start|do|begin|session|sequence|class|workout)\b/g;

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9/ ]+/g, ' ')
    .replace(FILLER, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function names(r: Routine): string[] {
  return [r.id.replace(/-/g, ' '), r.title, ...r.synonyms].map(normalise).filter(Boolean);
}

export type Match = { kind: 'found'; routine: Routine } | { kind: 'several'; routines: Routine[] } | { kind: 'none'; heard: string };

/** Resolves what a person called a routine: exact name first, then the name that shares the most words. */
export function findRoutine(routines: readonly Routine[], heard: string): Match {
  const text = normalise(heard);
  if (!text) return { kind: 'none', heard };
  const exact = routines.find((r) => r.id === heard.trim() || names(r).includes(text));
  if (exact) return { kind: 'found', routine: exact };
  const words = new Set(text.split(' '));
  let best: { routine: Routine; score: number } | undefined;
  for (const r of routines) {
    for (const n of names(r)) {
      const nameWords = n.split(' ');
      const shared = nameWords.filter((w) => words.has(w)).length;
      // Most of the name must be there, so "back" alone does not pick "low back release".
      const score = shared / Math.max(nameWords.length, words.size);
      if (shared > 0 && score >= 0.5 && (!best || score > best.score)) best = { routine: r, score };
    }
  }
  if (best) return { kind: 'found', routine: best.routine };
  const several = routinesSharing(routines, heard);
  return several.length > 1 ? { kind: 'several', routines: several } : { kind: 'none', heard };
}

/**
 * The two or three routines whose titles all share the words heard ("release", "low back"): a close tie, to be
 * asked about rather than guessed. Words in no title ("start", "please") are passed over; more than three
 * routines ("back") is no tie but a word too common to choose by.
 */
/** Words of asking and small words of titles ("for", "your"), which tell no routine from another. */
const ASKING = new Set(['i', 'id', 'me', 'my', 'can', 'could', 'you', 'we', 'lets', 'let', 'us', 'like', 'want', 'go', 'with', 'to', 'for', 'your', 'of', 'and', 'top', 'bottom', 'try', 'that', 'now', 'today', 'again']);

export function routinesSharing(routines: readonly Routine[], heard: string): Routine[] {
  const titles = routines.map((r) => ({ routine: r, words: new Set(normalise(r.title).split(' ')) }));
  let left: Routine[] | undefined;
  for (const word of new Set(normalise(heard).split(' '))) {
    if (ASKING.has(word)) continue;
    const having = titles.filter((t) => t.words.has(word)).map((t) => t.routine);
    // A word no title has ("pilates") names something else: no tie.
    if (having.length === 0) return [];
    left = left ? left.filter((r) => having.includes(r)) : having;
  }
  return left && left.length >= 2 && left.length <= 3 ? left : [];
}

/** Equipment words people use, mapped onto equipment ids. */
const EQUIPMENT_WORDS: Record<string, EquipmentId> = {
  strap: 'strap',
  belt: 'strap',
  towel: 'strap',
  roller: 'foam-roller',
  'foam roller': 'foam-roller',
  block: 'block',
  blocks: 'block',
  blanket: 'blanket',
  mat: 'mat',
  pillow: 'pillow',
};

export function equipmentIds(words: readonly string[]): EquipmentId[] {
  const ids = new Set<EquipmentId>();
  for (const w of words) {
    const key = w.toLowerCase().replace(/^(no|without)\s+/, '').replace(/^(a|an|the)\s+/, '').trim();
    const asId = EquipmentId.safeParse(key);
    const id = asId.success ? asId.data : (EQUIPMENT_WORDS[key] ?? EQUIPMENT_WORDS[key.replace(/s$/, '')]);
    if (id) ids.add(id);
  }
  return [...ids];
}

/** Whether a person may be offered a routine now (intermediate ones need a gentle routine first). */
export function eligible(r: Routine, profile: Profile, history: readonly HistoryEntry[]): boolean {
  if (!r.prerequisites.includes('gentle-routine-first')) return true;
  return profile.prefs.comfortableWithStretches || history.some((h) => h.completed);
}

export interface Wish {
  minutes?: number;
  without?: string[];
  /** Prefer short and gentle (the back did not settle last time). */
  gentle?: boolean;
  /** Rotates "surprise me" picks without randomness (the core is deterministic). */
  seed?: number;
}

/**
 * Recommends a routine: needs no missing equipment, fits in the minutes given (the longest whose estimate
 * is no longer: a person with ten minutes is not offered "about 11"; the shortest when none fits), gentle
 * when asked. Undefined when nothing suits.
 */
export function recommend(routines: readonly Routine[], profile: Profile, history: readonly HistoryEntry[], wish: Wish): Routine | undefined {
  const missing = new Set(equipmentIds(wish.without ?? []));
  const conditions = conditionsOf(profile);
  let pool = routines.filter(
    (r) =>
      eligible(r, profile, history) &&
      !r.equipment.some((e) => !e.optional && missing.has(e.id)) &&
      // Not a routine the person's cautions leave without its main technique.
      mainTechniqueLeftOut(r, planRoutine(r, conditions)) === undefined,
  );
  if (wish.gentle) pool = pool.filter((r) => r.level === 'gentle');
  if (pool.length === 0) return undefined;
  const byLength = [...pool].sort((a, b) => estimatedMinutes(a) - estimatedMinutes(b) || a.id.localeCompare(b.id));
  if (wish.gentle) return byLength[0];
  if (wish.minutes !== undefined) {
    const fits = byLength.filter((r) => estimatedMinutes(r) <= wish.minutes!);
    return fits.length > 0 ? fits[fits.length - 1] : byLength[0];
  }
  return byLength[(wish.seed ?? 0) % byLength.length];
}
