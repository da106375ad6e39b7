import { loadRoutines } from '../routines/load.js';
import { MODEL_PATH, trainModel, writeModel } from './model.js';

/**
 * `npm run language:build`: trains the typed understanding on language/ and routines/ and writes
 * language/compiled/en.json, so the next start loads it in milliseconds instead of training for seconds.
 * Without it, the first start that needs the model trains and writes it (model.ts).
 */
const started = performance.now();
const file = await trainModel(loadRoutines());
writeModel(file);
console.log(`wrote ${MODEL_PATH} (${file.fingerprint}) in ${(performance.now() - started).toFixed(0)} ms`);
