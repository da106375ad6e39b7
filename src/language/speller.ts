/**
 * Typos in typed words, mended against the stems the classifier knows ("tingeling", "brethe", "dizzzy"). One
 * edit (a letter missing, added, changed, or two swapped), found through an index of every known stem with one
 * letter deleted (the SymSpell way), so a lookup costs a few map reads, not a distance to every stem.
 *
 * Short words are left alone: "same" is no typo of "came", nor "boil" of "soil". A word of four letters is
 * mended only when it is a known stem with a letter missing ("dizy"); from five letters, any one edit.
 */

const MIN_LENGTH = 5;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export class Speller {
  private readonly known: Set<string>;
  /** A known stem with one letter deleted -> the stems it comes from. */
  private readonly index = new Map<string, string[]>();

  /** `stems` best first: on a tie between two mends, the earlier stem wins. */
  constructor(stems: Iterable<string>) {
    this.known = new Set(stems);
    for (const stem of this.known) {
      if (stem.length < MIN_LENGTH - 1 || !/^[a-z]+$/.test(stem)) continue;
      for (const d of new Set(deletions(stem))) {
        const list = this.index.get(d);
        if (list) list.push(stem);
        else this.index.set(d, [stem]);
      }
    }
  }

  /** The stem as typed when it is known or cannot be mended; else the known stem one edit away. */
  mend(stem: string): string {
    if (this.known.has(stem) || stem.length < MIN_LENGTH - 1 || !/^[a-z]+$/.test(stem)) return stem;
    // A letter missing: the typed word is a deletion of a known stem.
    const missing = this.index.get(stem)?.[0];
    if (missing) return missing;
    if (stem.length < MIN_LENGTH) return stem;
    for (const d of deletions(stem)) {
      // A letter too many: a deletion of the typed word is known.
      if (this.known.has(d)) return d;
      // A letter changed or two swapped: both share a deletion.
      const changed = this.index.get(d)?.find((k) => k.length === stem.length);
      if (changed) return changed;
    }
    return stem;
  }
}
