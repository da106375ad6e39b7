import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { compiledData } from '../data/compiled.js';
import type { Routine } from '../core/routine.js';
import { LANGUAGE_DIR, loadCorpus } from './corpus.js';
import { MeaningClassifier } from './classifier.js';
import { trainingSamples } from './training.js';

/**
 * The trained model of the typed understanding, kept as JSON: carried inside a bundle (npm run build), or in
 * language/compiled/en.json (npm run language:build, and the first start that finds it missing or stale).
 * The file names what it was trained from (a hash of the training samples and the library's version), so a
 * changed corpus or routine retrains instead of answering from an old model.
 */

const require = createRequire(import.meta.url);
const NLU_VERSION = (require('@nlpjs/nlu/package.json') as { version: string }).version;

export const MODEL_PATH = join(LANGUAGE_DIR, 'compiled', 'en.json');

interface ModelFile {
  fingerprint: string;
  model: unknown;
}

/** What the model is trained from; a different fingerprint means the model is stale. */
export function fingerprint(routines: readonly Routine[]): string {
  const samples = trainingSamples(loadCorpus('en', { overlays: 'all' }), routines);
  return createHash('sha256').update(`${NLU_VERSION}\n${JSON.stringify(samples)}`).digest('hex').slice(0, 16);
}

export async function trainModel(routines: readonly Routine[]): Promise<ModelFile> {
  const samples = trainingSamples(loadCorpus('en', { overlays: 'all' }), routines);
  const classifier = await MeaningClassifier.train(samples);
  return { fingerprint: fingerprint(routines), model: classifier.toJSON() };
}

export function writeModel(file: ModelFile, path = MODEL_PATH): void {
  mkdirSync(dirname(path), { recursive: true });
  // Written aside and renamed, so a reader never sees half a model.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(file));
  renameSync(tmp, path);
}

function readModel(path: string): ModelFile | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as ModelFile;
    return typeof parsed.fingerprint === 'string' && parsed.model ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The classifier for these routines: the bundle's, else the compiled file when it is current, else trained
 * now (a few seconds, once) and written for the next start. A folder that cannot be written is no error.
 */
export async function loadClassifier(routines: readonly Routine[], path = MODEL_PATH): Promise<MeaningClassifier> {
  const bundled = compiledData.understanding as ModelFile | undefined;
  if (bundled) return MeaningClassifier.fromJSON(bundled.model);
  const want = fingerprint(routines);
  const kept = readModel(path);
  if (kept?.fingerprint === want) return MeaningClassifier.fromJSON(kept.model);
  const trained = await trainModel(routines);
  try {
    writeModel(trained, path);
  } catch {
    // Read-only checkout: the model lives in memory for this process.
  }
  return MeaningClassifier.fromJSON(trained.model);
}
