/** Lower-case words, curly apostrophes made straight; everything else separates words. */
export function words(t: string): string[] {
  return t.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z0-9']+/g) ?? [];
}

/**
 * How close a sentence is to another, for the copy check against the sources and for cautions said twice.
 * Token-set Jaccard: shared words over all words, order ignored. A reworded sentence that keeps the
 * source's words ("If your chin juts up, slide a block or towel under your head" against "... place a block
 * ...") scores high; our own sentence on the same fact scores low.
 */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  if (x.size === 0 && y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

/** A sentence of ours is a near copy of a source sentence at or above this similarity. */
export const NEAR_COPY = 0.6;
/** Sentences shorter than this many words are too short to call a copy ("Breathe in.", "Slow and steady"). */
export const MIN_COPY_WORDS = 4;

/** The sentences of a source text: split at . ? ! ; and at blank lines, so a heading is not glued to the text after it. */
export function sourceSentences(text: string): string[] {
  return text
    .split(/(?<=[.?!;])\s+|\n\s*\n/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => words(s).length >= MIN_COPY_WORDS);
}

/** The source sentence closest to ours, and how close, or undefined when ours is too short to judge. */
export function closestSentence(ours: string, source: readonly string[][]): { score: number; index: number } | undefined {
  const w = words(ours);
  if (w.length < MIN_COPY_WORDS) return undefined;
  let best = { score: 0, index: -1 };
  source.forEach((s, index) => {
    const score = jaccard(w, s);
    if (score > best.score) best = { score, index };
  });
  return best;
}

/** Every run of n consecutive words of a text. */
export function wordRuns(t: string, n: number): string[] {
  const w = words(t);
  const out: string[] = [];
  for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n).join(' '));
  return out;
}
