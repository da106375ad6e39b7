import { loadRoutines } from '../routines/load.js';
import { currentModel, fingerprint, MODEL_PATH, readModel } from './model.js';

/**
 * `npm run language:build`: trains the typed understanding on language/ and routines/ into
 * language/model/en.json when the committed model is stale (a test says when). Commit the file.
 */
const started = performance.now();
const routines = loadRoutines();
const before = readModel()?.fingerprint;
const file = currentModel(routines, { write: true, say: (line) => console.log(line) });
const took = (performance.now() - started).toFixed(0);
console.log(before === file.fingerprint ? `${MODEL_PATH} is current (${file.fingerprint})` : `wrote ${MODEL_PATH} (${fingerprint(routines)}) in ${took} ms`);
