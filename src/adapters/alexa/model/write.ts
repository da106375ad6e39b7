import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRoutines } from '../../../routines/load.js';
import { interactionModelText, LOCALES } from './build.js';

/** `npm run alexa:model`: regenerates interaction-models/<locale>.json from the intents and routines/. */
export const MODELS_DIR = resolve(fileURLToPath(new URL('../../../../interaction-models', import.meta.url)));

export function modelPath(locale: string): string {
  return join(MODELS_DIR, `${locale}.json`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const routines = loadRoutines();
  mkdirSync(MODELS_DIR, { recursive: true });
  for (const locale of LOCALES) {
    writeFileSync(modelPath(locale), interactionModelText(routines, locale));
    console.log(`wrote ${modelPath(locale)} (${routines.length} routines)`);
  }
}
