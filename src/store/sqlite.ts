import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Store } from '../app/store.js';
import { StoreConfigError } from './errors.js';
import { migrateToLatest } from './migrations/index.js';
import type { Database as Schema } from './schema.js';
import type { StoreOptions } from './shared.js';
import { ImmediateSqliteDialect } from './sqliteDialect.js';
import { SqlStore } from './sql.js';
import { SqliteRows } from './sqliteRows.js';
import { keepStatements } from './sqliteStatements.js';
import { SqliteTurns } from './sqliteTurn.js';

/**
 * The native driver, loaded when a SQLite store is opened rather than when this module is: a PostgreSQL
 * deployment never loads it, and the bundles (build/bundle.ts) leave it out, the Lambda's entirely.
 */
function sqliteDriver(): typeof Database {
  const require = createRequire(import.meta.url);
  const driver = (require('better-sqlite3/package.json') as { version: string }).version;
  const refusal = sqliteRefusal(process.versions.node, driver);
  if (refusal) throw new StoreConfigError(refusal);
  return require('better-sqlite3') as typeof Database;
}

/**
 * Why this Node cannot run the SQLite store, or undefined. From Node 24.19, Node checks for a JS context when a
 * native object is freed, and better-sqlite3 before 13 frees its statements in garbage collections that run
 * outside one: the process aborts at a random moment after a write, or at exit. better-sqlite3 13 fixes it
 * but needs Node 22, and Node 20 is still supported, so the store refuses instead of aborting.
 */
export function sqliteRefusal(node: string, driver: string): string | undefined {
  const [major = 0, minor = 0] = node.split('.').map(Number);
  const newNode = major > 24 || (major === 24 && minor >= 19);
  if (!newNode || Number(driver.split('.')[0]) >= 13) return undefined;
  return `SQLite (better-sqlite3 ${driver}) aborts on Node ${node}; use Node 20, 22 or 24 before 24.19, or DATABASE_URL=postgres://...`;
}

/** How long a statement waits for another process's write lock: less than Slack's 3 s to acknowledge. */
const BUSY_TIMEOUT_MS = 2000;

/**
 * `sqlite:<path>` (relative to the working directory), `sqlite:///abs/path`, or `sqlite::memory:`.
 * Returns the file path, or ':memory:'.
 */
function sqlitePath(url: string): string {
  if (!url.startsWith('sqlite:')) throw new StoreConfigError('a SQLite URL starts with sqlite:');
  let path = url.slice('sqlite:'.length);
  if (path.startsWith('///')) path = path.slice(2);
  else if (path.startsWith('//')) throw new StoreConfigError('use sqlite:<relative path> or sqlite:///<absolute path>');
  if (path === ':memory:') return path;
  if (path === '' || path.includes('\0')) throw new StoreConfigError('sqlite: needs a file path, e.g. sqlite:./data/back-break.db');
  if (path.includes('?')) throw new StoreConfigError('sqlite: URLs take no query parameters');
  return path;
}

/** Opens (creating the folder and file if needed) a SQLite database in WAL mode and migrates it. */
export async function openSqliteStore(url: string, options: StoreOptions = {}): Promise<Store> {
  const path = sqlitePath(url);
  const Driver = sqliteDriver();
  let sqlite: Database.Database | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    sqlite = new Driver(path, { timeout: BUSY_TIMEOUT_MS });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    // Deleted rows are overwritten, not left in free pages: an erased person's answers and scores cannot be
    // read from the file's bytes (an erase also checkpoints the WAL, sql.ts).
    sqlite.pragma('secure_delete = ON');
  } catch (err) {
    // Opened but unusable (not a database, read-only): let go of the file before refusing.
    sqlite?.close();
    throw new StoreConfigError(`cannot open SQLite database ${JSON.stringify(path)}: ${(err as Error).message}`);
  }
  const db = new Kysely<Schema>({
    dialect: new ImmediateSqliteDialect({ database: keepStatements(sqlite) }, path === ':memory:' ? undefined : resolve(path)),
  });
  try {
    const applied = await migrateToLatest(db, 'sqlite');
    if (applied.length > 0) options.log?.info({ event: 'store.migrated', dialect: 'sqlite', applied }, 'store migrated');
  } catch (err) {
    await db.destroy();
    throw err;
  }
  options.log?.info({ event: 'store.opened', dialect: 'sqlite', file: path }, 'store opened');
  const file = sqlite;
  return new SqlStore(db, 'sqlite', options, new SqliteRows(file, db, options.log), (turnOptions) => new SqliteTurns(file, db, turnOptions));
}
