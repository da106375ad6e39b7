import { createRequire } from 'node:module';
import type { Label } from './corpus.js';
import type { Sample } from './training.js';

/**
 * The meaning classifier: nlp.js's neural NLU (@nlpjs/nlu, English stemmer from @nlpjs/lang-en-min), trained
 * on the corpus. Training takes seconds, so `npm run language:build` trains once and keeps the model as JSON;
 * loading that takes milliseconds. Classifying runs nlp.js's own steps (stem, spell-check against the words
 * it knows, features, network) synchronously, without its per-text cache that grows with every new text.
 */

const require = createRequire(import.meta.url);
// nlp.js ships CommonJS without types.
const { containerBootstrap } = require('@nlpjs/core') as { containerBootstrap: () => NlpContainer };
const { LangEn } = require('@nlpjs/lang-en-min') as { LangEn: unknown };
const { NluNeural } = require('@nlpjs/nlu') as { NluNeural: new (settings: Record<string, unknown>) => NeuralNlu };

interface NlpContainer {
  use(plugin: unknown): void;
  get(name: string): any;
}

interface NeuralNlu {
  train(corpus: Array<{ utterance: string; intent: string }>): Promise<unknown>;
  toJSON(): unknown;
  fromJSON(json: unknown): void;
  features: Record<string, number>;
  spellCheck: { check(tokens: Record<string, number>, distance: number): Record<string, number> };
  neuralNetwork?: { run(features: Record<string, number>): Record<string, number> | undefined };
  intentFeatures: Record<string, Record<string, number>>;
}

export interface Scored {
  label: Label;
  score: number;
}

const SETTINGS = { locale: 'en', log: false, spellCheck: true, spellCheckDistance: 1, useNoneFeature: false };

let container: NlpContainer | undefined;
function english(): NlpContainer {
  if (!container) {
    container = containerBootstrap();
    container.use(LangEn);
  }
  return container;
}

export class MeaningClassifier {
  private readonly stemmer: { tokenizeAndStem(text: string, keepStops?: boolean): string[] };
  private readonly normalizer: { normalize(text: string): string };

  private constructor(private readonly nlu: NeuralNlu) {
    this.stemmer = english().get('stemmer-en');
    this.normalizer = english().get('normalizer-en');
  }

  static async train(samples: readonly Sample[]): Promise<MeaningClassifier> {
    const nlu = new NluNeural({ ...SETTINGS, container: english() });
    await nlu.train(samples.map((s) => ({ utterance: s.text, intent: s.label })));
    return new MeaningClassifier(nlu);
  }

  static fromJSON(json: unknown): MeaningClassifier {
    const nlu = new NluNeural({ ...SETTINGS, container: english() });
    nlu.fromJSON(json);
    return new MeaningClassifier(nlu);
  }

  toJSON(): unknown {
    return this.nlu.toJSON();
  }

  /** Meanings by score, best first (scores sum to 1); empty when no word of the text is known. */
  classify(text: string): Scored[] {
    const stems: Record<string, number> = {};
    for (const stem of this.stemmer.tokenizeAndStem(this.normalizer.normalize(text), true)) stems[stem] = 1;
    const checked = this.nlu.spellCheck.check(stems, SETTINGS.spellCheckDistance);
    const features: Record<string, number> = {};
    for (const stem of Object.keys(checked)) if (this.nlu.features[stem]) features[stem] = 1;
    if (Object.keys(features).length === 0) return [];
    const raw = this.nlu.neuralNetwork?.run(features) ?? {};
    const out: Scored[] = [];
    let total = 0;
    for (const [label, score] of Object.entries(raw)) {
      // As nlp.js does: a meaning none of whose words were said is not a candidate; scores squared, then summed to 1.
      if (score <= 0 || !Object.keys(features).some((f) => this.nlu.intentFeatures[label]?.[f])) continue;
      out.push({ label: label as Label, score: score ** 2 });
      total += score ** 2;
    }
    for (const s of out) s.score /= total || 1;
    return out.sort((a, b) => b.score - a.score);
  }
}
