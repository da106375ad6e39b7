import type { Corpus, IntentEntry, Label } from './corpus.js';
import { stemsOf } from './features.js';
import { normalise } from './text.js';

/**
 * The words that name each emergency sign (the corpus's `cues`: "chest", "pass out", "wet myself"), as stem
 * sequences. An emergency is acted on only when one of its sign's cues is said: the classifier weighs every
 * word, and now and then leans on words that name nothing ("evening, how's it going" towards feeling faint);
 * a cue is the sign said in so many words.
 */
export class SignCues {
  private readonly cues = new Map<Label, string[][]>();

  constructor(corpus: Corpus) {
    for (const [label, entry] of Object.entries(corpus.intents) as Array<[Label, IntentEntry]>) {
      if (entry.cues?.length) this.cues.set(label, entry.cues.map((c) => stemsOf(normalise(c))));
    }
  }

  /** Labels that have cues (the emergency signs). */
  has(label: Label): boolean {
    return this.cues.has(label);
  }

  /** One of the label's cues is among the stems, its words in order and together. */
  said(label: Label, stems: readonly string[]): boolean {
    const cues = this.cues.get(label);
    if (!cues) return false;
    return cues.some((cue) => {
      for (let i = 0; i + cue.length <= stems.length; i++) if (cue.every((c, k) => stems[i + k] === c)) return true;
      return false;
    });
  }
}
