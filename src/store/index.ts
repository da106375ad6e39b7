import type { Store } from '../app/store.js';
import type { Logger } from '../log.js';
import { StoreConfigError, redactUrl } from './errors.js';
import { MemoryStore } from './memory.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';

export { StoreConfigError } from './errors.js';
export { MemoryStore } from './memory.js';

export interface OpenStoreOptions {
  log?: Logger;
}

/**
 * Opens the store DATABASE_URL names: `memory:`, `sqlite:<path>`, `sqlite::memory:`, `postgres://...`
 * (or `postgresql://`). Runs pending migrations. A URL that names nothing usable throws StoreConfigError.
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  // Lower case only, as the openers below and the DATABASE_URL check in config expect.
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
  switch (scheme) {
    case 'memory':
      if (url !== 'memory:') throw new StoreConfigError('memory: takes nothing after the colon');
      return new MemoryStore({ log: options.log });
    case 'sqlite':
      return openSqliteStore(url, { log: options.log });
    case 'postgres':
    case 'postgresql':
      return openPostgresStore(url, { log: options.log });
    default:
      throw new StoreConfigError(
        `unsupported store ${JSON.stringify(redactUrl(url))}; use sqlite:<path>, sqlite::memory:, postgres://... or memory:`,
      );
  }
}
