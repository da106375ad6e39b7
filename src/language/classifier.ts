import neural, { type NetworkJson } from '@nlpjs/neural';
import type { Label } from './corpus.js';
import { featuresOf, stemsOf } from './features.js';
import { Speller } from './speller.js';
import type { Sample } from './training.js';

/**
 * The meaning classifier: nlp.js's neural network (@nlpjs/neural: one perceptron per meaning, trained one
 * against the rest), fed our features (features.ts: stems and pairs of neighbouring stems) rather than
 * nlp.js's NLU pipeline, whose features are single stems, whose spell-check mends short words into others
 * ("boil" into "soil") and whose per-text cache grows with every new text. Training takes seconds, so
 * `npm run language:build` trains once and the model is kept as JSON (model.ts); loading it takes milliseconds.
 */

const { NeuralNetwork } = neural;

/** nlp.js's defaults, said here so a change of theirs is a change of fingerprint (model.ts), not a surprise. */
export const NETWORK_SETTINGS = { iterations: 20000, errorThresh: 0.00005, deltaErrorThresh: 0.000001, learningRate: 0.6, momentum: 0.5, alpha: 0.07, log: false };

export interface Scored {
  label: Label;
  /** The meaning's perceptron: about 1 for words like its samples, 0 for none of them. */
  score: number;
}

/**
 * The model as kept: per feature, its non-zero weights (meaning index, weight; most are zero once rounded) and
 * the meanings whose samples have it. Weights are kept to 3 decimals: the file is a fraction of nlp.js's own
 * JSON and no answer changes.
 */
export interface ModelJson {
  labels: Label[];
  alpha: number;
  bias: number[];
  weights: Record<string, number[]>;
  seen: Record<string, number[]>;
}

const round = (w: number) => Math.round(w * 1e3) / 1e3;

function fromNetwork(json: NetworkJson, labelsOf: Map<string, Set<string>>): ModelJson {
  const labels = json.intents as Label[];
  const index = new Map(labels.map((l, i) => [l as string, i]));
  const weights: Record<string, number[]> = {};
  const seen: Record<string, number[]> = {};
  json.features.forEach((f, i) => {
    const row: number[] = [];
    json.perceptrons.forEach((p, l) => {
      const w = round(p[i] ?? 0);
      if (w !== 0) row.push(l, w);
    });
    weights[f] = row;
    seen[f] = [...(labelsOf.get(f) ?? [])].map((l) => index.get(l)!).sort((a, b) => a - b);
  });
  const bias = json.perceptrons.map((p) => round(p[json.features.length] ?? 0));
  return { labels, alpha: Number(json.settings.alpha ?? NETWORK_SETTINGS.alpha), bias, weights, seen };
}

export class MeaningClassifier {
  private readonly speller: Speller;
  private readonly rows: Map<string, { weights: number[]; seen: number[] }>;

  private constructor(private readonly json: ModelJson) {
    this.rows = new Map(Object.keys(json.weights).map((f) => [f, { weights: json.weights[f]!, seen: json.seen[f] ?? [] }]));
    // Stems by how many meanings use them, most first: a typo is mended to the commoner word.
    const stems = Object.keys(json.weights).filter((f) => !f.includes('>'));
    stems.sort((a, b) => (json.seen[b]?.length ?? 0) - (json.seen[a]?.length ?? 0));
    this.speller = new Speller(stems);
  }

  static train(samples: readonly Sample[]): MeaningClassifier {
    const network = new NeuralNetwork({ ...NETWORK_SETTINGS });
    const labelsOf = new Map<string, Set<string>>();
    const corpus = samples.map((s) => {
      const input: Record<string, number> = {};
      for (const f of featuresOf(stemsOf(s.plain))) {
        input[f] = 1;
        (labelsOf.get(f) ?? labelsOf.set(f, new Set()).get(f)!).add(s.label);
      }
      return { input, output: { [s.label]: 1 } };
    });
    network.train(corpus);
    return new MeaningClassifier(fromNetwork(network.toJSON(), labelsOf));
  }

  static fromJSON(json: unknown): MeaningClassifier {
    return new MeaningClassifier(json as ModelJson);
  }

  toJSON(): ModelJson {
    return this.json;
  }

  /** The stems of a normalised text, typos mended. */
  stems(normalised: string): string[] {
    return stemsOf(normalised).map((s) => this.speller.mend(s));
  }

  /** Meanings by score, best first; empty when no word of the text is known. */
  classify(normalised: string): Scored[] {
    const { labels, bias, alpha } = this.json;
    const sums = Float64Array.from(bias);
    const said = new Uint8Array(labels.length);
    let known = false;
    for (const f of featuresOf(this.stems(normalised))) {
      const row = this.rows.get(f);
      if (!row) continue;
      known = true;
      for (const l of row.seen) said[l] = 1;
      for (let i = 0; i < row.weights.length; i += 2) sums[row.weights[i]!]! += row.weights[i + 1]!;
    }
    if (!known) return [];
    const out: Scored[] = [];
    // As nlp.js's network answers: a perceptron's sum if positive, scaled by alpha; a meaning none of whose
    // features were said is no candidate (as nlp.js's NLU filters them).
    for (let l = 0; l < labels.length; l++) if (sums[l]! > 0 && said[l]) out.push({ label: labels[l]!, score: alpha * sums[l]! });
    return out.sort((a, b) => b.score - a.score);
  }
}
