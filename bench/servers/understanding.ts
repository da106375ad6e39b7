import { loadEval } from '../../src/language/evaluation.js';
import { loadRoutines } from '../../src/routines/load.js';
import { summarise } from '../lib/stats.js';

/**
 * The typed understanding in-process, in a process of its own (bench/sections/understanding.ts starts it and
 * reads the result over IPC): how long the model takes to be ready (the module imported and the committed
 * model loaded, routines already read), and what one reading costs, classifier and recognisers together,
 * for every phrasing of the evaluation set at its moment and for phrasings of 20 words.
 */
const repeats = Number(process.env.BENCH_REPEATS);

export interface UnderstandingParts {
  readyMs: number;
  runs: Array<{ p50: number; p99: number; max: number }>;
  phrasings: number;
  longest: number;
}

async function measure(): Promise<UnderstandingParts> {
  const routines = loadRoutines();
  const cases = loadEval();
  const t0 = performance.now();
  const { loadUnderstanding } = await import('../../src/language/index.js');
  const understanding = loadUnderstanding(routines);
  const readyMs = performance.now() - t0;

  // The evaluation's phrasings, and 20-word ones made of two of them (a person saying two things at once).
  const phrasings = cases.map((c) => ({ text: c.text, expect: c.expect }));
  for (let i = 0; i + 1 < cases.length; i += 7) {
    const words = `${cases[i]!.text} and ${cases[i + 1]!.text} ${cases[(i + 2) % cases.length]!.text}`.split(/\s+/).slice(0, 20);
    phrasings.push({ text: words.join(' '), expect: cases[i]!.expect });
  }
  const longest = Math.max(...phrasings.map((p) => p.text.split(/\s+/).length));
  for (const p of phrasings) understanding.understand(p.text, p.expect); // warm-up
  const runs: UnderstandingParts['runs'] = [];
  for (let r = 0; r < repeats; r++) {
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      for (const p of phrasings) {
        const t = process.hrtime.bigint();
        understanding.understand(p.text, p.expect);
        times.push(Number(process.hrtime.bigint() - t) / 1000);
      }
    }
    const s = summarise(times);
    runs.push({ p50: s.p50, p99: s.p99, max: s.max });
  }
  return { readyMs, runs, phrasings: phrasings.length, longest };
}

measure().then(
  (result) => process.send!({ result }, () => process.exit(0)),
  (err: unknown) => process.send!({ error: err instanceof Error ? err.stack : String(err) }, () => process.exit(1)),
);
