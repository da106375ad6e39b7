import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '../src/adapters/alexa/model/build.js';
import { compileCorpora } from '../src/language/corpus.js';
import { currentModel } from '../src/language/model.js';
import { loadRoutines } from '../src/routines/load.js';

/**
 * The data compilation step of `npm run build`: each step turns source files (YAML, a corpus) into the JSON
 * the running coach reads, once, at build time instead of at every start. Its output is written to
 * dist/data/<name>.json and carried inside the bundles as `compiledData[name]` (src/data/compiled.ts).
 *
 * To add data: append a step here, and read `compiledData.<name>` at run time with a fallback to the
 * sources for tsx (tests, npm run dev).
 */
export interface DataStep {
  /** Key in compiledData and the file name under dist/data/. */
  name: string;
  /** Files and folders (from the project root) whose change makes the compiled data stale. */
  sources: string[];
  /** Reads and validates the sources; throws with a readable message when they are wrong. */
  compile(): unknown;
  /** Carried by the server bundle only (the Lambda, Alexa's alone, has no use for it and starts colder with it). */
  serverOnly?: boolean;
}

export const DATA_STEPS: DataStep[] = [
  // Parsed from YAML and validated by the zod schema here, so a bundle neither parses YAML nor validates.
  { name: 'routines', sources: ['routines'], compile: () => loadRoutines() },
  // The language corpora, read and checked with zod here (the Alexa adapter maps its intents by them).
  { name: 'language', sources: ['language'], compile: () => compileCorpora(LOCALES) },
  // The trained model of typed text (language/model/en.json), retrained here if the corpus moved on without it.
  {
    name: 'understanding',
    sources: ['language', 'routines'],
    compile: () => currentModel(loadRoutines(), { say: (line) => console.error(line) }),
    serverOnly: true,
  },
];

/** The compiled data a bundle carries: the Lambda leaves out what only the server uses. */
export function dataFor(bundle: 'server' | 'lambda', data: Record<string, unknown>): Record<string, unknown> {
  if (bundle === 'server') return data;
  return Object.fromEntries(Object.entries(data).filter(([name]) => !DATA_STEPS.find((s) => s.name === name)?.serverOnly));
}

/** Runs every step; writes dist/data/<name>.json and returns the values for the bundler to inline. */
export function compileData(outDir: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  mkdirSync(outDir, { recursive: true });
  for (const step of DATA_STEPS) {
    data[step.name] = step.compile();
    writeFileSync(join(outDir, `${step.name}.json`), `${JSON.stringify(data[step.name])}\n`);
  }
  return data;
}
