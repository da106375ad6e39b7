import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'chai';
import { openSqliteStore, sqliteRefusal } from '../../src/store/sqlite.js';
import { RAW_COLUMN, storeContract, type StoreHarness } from './contract.js';
import { turnContract } from './turnContract.js';

function harness(): StoreHarness {
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
}

storeContract('SQLite (file, WAL)', harness);
turnContract('SQLite (file, WAL)', harness);

describe('SQLite store on a Node its driver aborts on', () => {
  it('refuses, naming the versions and the way out, instead of aborting later (Node 24.19+ with better-sqlite3 12)', () => {
    for (const node of ['20.20.2', '22.23.0', '24.18.1']) expect(sqliteRefusal(node, '12.11.1'), node).to.equal(undefined);
    for (const node of ['24.19.0', '24.21.0', '26.1.0']) {
      expect(sqliteRefusal(node, '12.11.1'), node).to.equal(
        `SQLite (better-sqlite3 12.11.1) aborts on Node ${node}; use Node 20, 22 or 24 before 24.19, or DATABASE_URL=postgres://...`,
      );
    }
    expect(sqliteRefusal('24.21.0', '13.0.0')).to.equal(undefined);
  });
});
