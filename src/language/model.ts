import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledData } from '../data/compiled.js';
import type { Routine } from '../core/routine.js';
import { LANGUAGE_DIR, loadCorpus } from './corpus.js';
import { MeaningClassifier, NETWORK_SETTINGS } from './classifier.js';
import { trainingSamples } from './training.js';

/**
 * The trained model of the typed understanding, committed as language/model/en.json: nothing trains at start
 * (training takes seconds; loading the file, milliseconds). The file names what it was trained from (a hash of
 * the training samples, the features and the library's version); a test fails when the corpus, a routine's
 * names or the features changed without `npm run language:build`, and `npm run build` retrains a stale model
 * before carrying it inside the server bundle.
 */


export const MODEL_PATH = join(LANGUAGE_DIR, 'model', 'en.json');

export interface ModelFile {
  fingerprint: string;
  model: unknown;
}

/** The code that turns samples into a model: a change to it is a change of model. */
const TRAINING_CODE = ['features.ts', 'classifier.ts'].map((f) => fileURLToPath(new URL(f, import.meta.url)));

/** What the model is trained from; a different fingerprint means the model is stale. */
export function fingerprint(routines: readonly Routine[]): string {
  const samples = trainingSamples(loadCorpus('en', { overlays: 'all' }), routines);
  // Read when asked (tests, the build), never at start: a bundle has no package.json beside it.
  const neuralVersion = (createRequire(import.meta.url)('@nlpjs/neural/package.json') as { version: string }).version;
  const hash = createHash('sha256').update(`${neuralVersion}\n${JSON.stringify(NETWORK_SETTINGS)}\n${JSON.stringify(samples)}`);
  for (const file of TRAINING_CODE) hash.update(readFileSync(file, 'utf8'));
  return hash.digest('hex').slice(0, 16);
}

export function trainModel(routines: readonly Routine[]): ModelFile {
  const samples = trainingSamples(loadCorpus('en', { overlays: 'all' }), routines);
  return { fingerprint: fingerprint(routines), model: MeaningClassifier.train(samples).toJSON() };
}

export function writeModel(file: ModelFile, path = MODEL_PATH): void {
  mkdirSync(dirname(path), { recursive: true });
  // Written aside and renamed, so a reader never sees half a model.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(file)}\n`);
  renameSync(tmp, path);
}

export function readModel(path = MODEL_PATH): ModelFile | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as ModelFile;
    return typeof parsed.fingerprint === 'string' && parsed.model ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The committed model when it is current for these routines, else a new one: written in its place when asked
 * (`npm run language:build`, `npm run nlu:eval`), kept in memory otherwise (`npm run build` never changes the
 * tracked tree).
 */
export function currentModel(routines: readonly Routine[], opts: { path?: string; write?: boolean; say?: (line: string) => void } = {}): ModelFile {
  const path = opts.path ?? MODEL_PATH;
  const kept = readModel(path);
  if (kept?.fingerprint === fingerprint(routines)) return kept;
  const why = kept ? 'the corpus, the routines or the features changed' : 'there is none yet';
  opts.say?.(opts.write ? `training the language model (${why}); commit ${path}` : `training the language model in memory (${why}): run npm run language:build and commit ${path}`);
  const trained = trainModel(routines);
  if (opts.write) writeModel(trained, path);
  return trained;
}

/**
 * The classifier: the bundle's, else the committed file. Never trained at start (a test keeps the committed
 * model current); only a checkout without the file trains, once, and says so.
 */
export function loadClassifier(routines: readonly Routine[], path = MODEL_PATH): MeaningClassifier {
  const bundled = compiledData.understanding as ModelFile | undefined;
  if (bundled) return MeaningClassifier.fromJSON(bundled.model);
  const kept = readModel(path);
  if (kept) return MeaningClassifier.fromJSON(kept.model);
  process.stderr.write(`language model ${path} is missing: training it now (npm run language:build)\n`);
  return MeaningClassifier.fromJSON(currentModel(routines, { path, write: true }).model);
}
