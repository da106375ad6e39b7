import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRoutines } from '../../../routines/load.js';
import { interactionModelText, LOCALES } from './build.js';

/**
 * `npm run alexa:model`: regenerates the interaction models from language/ and routines/, in both places
 * they are read from: interaction-models/<locale>.json (tests, virtual-alexa) and the ASK CLI's
 * skill-package/interactionModels/custom/<locale>.json (deploys). The two are the same text.
 */
const ROOT = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
export const MODELS_DIR = join(ROOT, 'interaction-models');
export const SKILL_MODELS_DIR = join(ROOT, 'skill-package', 'interactionModels', 'custom');

export function modelPath(locale: string): string {
  return join(MODELS_DIR, `${locale}.json`);
}

export function skillModelPath(locale: string): string {
  return join(SKILL_MODELS_DIR, `${locale}.json`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const routines = loadRoutines();
  for (const locale of LOCALES) {
    const text = interactionModelText(routines, locale);
    for (const path of [modelPath(locale), skillModelPath(locale)]) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      console.log(`wrote ${path} (${routines.length} routines)`);
    }
  }
}
