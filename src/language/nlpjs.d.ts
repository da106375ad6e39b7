// nlp.js ships CommonJS without types: the parts the understanding uses.
declare module '@nlpjs/neural' {
  export interface NetworkJson {
    settings: Record<string, unknown>;
    features: string[];
    intents: string[];
    perceptrons: number[][];
  }
  export class NeuralNetwork {
    constructor(settings?: Record<string, unknown>);
    train(corpus: Array<{ input: Record<string, number>; output: Record<string, number> }>): unknown;
    run(input: Record<string, number>): Record<string, number> | undefined;
    explain(input: Record<string, number>, intent: string): { weights: Record<string, number>; bias: number };
    toJSON(): NetworkJson;
    fromJSON(json: NetworkJson): void;
  }
  const neural: { NeuralNetwork: typeof NeuralNetwork };
  export default neural;
}

declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stem(words: string[]): string[];
  }
  const lang: { StemmerEn: typeof StemmerEn };
  export default lang;
}
