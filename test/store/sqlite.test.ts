import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { RAW_COLUMN, storeContract } from './contract.js';

storeContract('SQLite (file, WAL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'back-break-store-'));
  const file = join(dir, 'data', 'store.db');
  const url = `sqlite:${file}`;
  return {
    open: (options) => openSqliteStore(url, options),
    writeRaw: async (_store, table, personId, text) => {
      const db = new Database(file);
      try {
        db.prepare(`UPDATE ${table} SET ${RAW_COLUMN[table]} = ? WHERE person_id = ?`).run(text, personId);
      } finally {
        db.close();
      }
    },
    // Two stores, two connections, one file: as two processes would share it.
    openPair: async () => [await openSqliteStore(url), await openSqliteStore(url)],
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
