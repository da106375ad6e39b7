import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { usePseudonymKey } from './log.js';

/**
 * Where the key of the people's pseudonyms in logs comes from: LOG_PSEUDONYM_KEY when set (config requires it
 * with PostgreSQL and on Lambda); on the embedded SQLite default, a key made once and kept beside the database
 * file (`<file>.log-key`, readable by the owner alone), so pseudonyms stay the same across restarts; with
 * `memory:`, a key of this process.
 */
export function setUpPseudonyms(config: { databaseUrl: string; logPseudonymKey?: string }): void {
  if (config.logPseudonymKey) return usePseudonymKey(config.logPseudonymKey);
  if (!config.databaseUrl.startsWith('sqlite:')) return usePseudonymKey(randomBytes(32));
  usePseudonymKey(keptKey(`${resolve(config.databaseUrl.slice('sqlite:'.length))}.log-key`));
}

function keptKey(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dirname(file), { recursive: true });
  try {
    // 'wx': two processes starting at once on a new file both end up with the one written first.
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readFileSync(file, 'utf8').trim();
}
