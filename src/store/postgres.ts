import { Kysely, PostgresDialect } from 'kysely';
import type { Store } from '../app/store.js';
import { redactUrl, StoreConfigError } from './errors.js';
import { migrateToLatest } from './migrations/index.js';
import type { Database as Schema } from './schema.js';
import type { StoreOptions } from './shared.js';
import { SqlStore } from './sql.js';

/** How long one statement may run, or wait for a lock, on PostgreSQL (ms). */
export const PG_STATEMENT_TIMEOUT_MS = 2000;
/** How long opening a connection may take (ms). */
export const PG_CONNECT_TIMEOUT_MS = 2000;

export interface PostgresStoreOptions extends StoreOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Keep the tables in this schema (created if missing) instead of the server's default search_path. */
  schema?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens a pg Pool on `postgres://...`, migrates the database, and returns the Store. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreConfigError(`not a valid PostgreSQL URL: ${redactUrl(url)}`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new StoreConfigError('a PostgreSQL URL starts with postgres:// or postgresql://');
  }
  const shown = redactUrl(url);
  let password: string;
  try {
    password = decodeURIComponent(parsed.password);
  } catch {
    throw new StoreConfigError(`the password in ${shown} is not valid percent-encoding (write % as %25)`);
  }
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new StoreConfigError(`schema ${JSON.stringify(options.schema)} is not a plain lower-case identifier`);
  }

  // Imported here, not at the top: a Lambda or server on another store never pays for loading the driver.
  const { default: pg } = await import('pg');
  // Deadlines shorter than the surfaces' own (Slack acks in 3 s, Alexa gives up at 8 s): a frozen or locked
  // database fails a turn in time for a polite answer, instead of applying it after the person was told to retry.
  const serverOptions = [`-c statement_timeout=${PG_STATEMENT_TIMEOUT_MS}`, `-c lock_timeout=${PG_STATEMENT_TIMEOUT_MS}`, `-c idle_in_transaction_session_timeout=${4 * PG_STATEMENT_TIMEOUT_MS}`];
  if (options.schema) serverOptions.push(`-c search_path=${options.schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    // The client's own limit too: a server that stopped answering (SIGSTOP, a dead network) never sends the error.
    query_timeout: PG_STATEMENT_TIMEOUT_MS + 500,
    options: serverOptions.join(' '),
  });
  // An idle connection dropped by the server must not crash the process; the pool makes a new one.
  pool.on('error', (err) => {
    options.log?.warn({ event: 'store.pool_error', code: (err as { code?: string }).code }, 'idle database connection failed');
  });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });

  try {
    const client = await pool.connect();
    try {
      if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    } finally {
      client.release();
    }
  } catch (err) {
    await db.destroy();
    const e = err as { code?: string; message?: string };
    const why = scrub(e.message ?? String(err), password);
    throw new StoreConfigError(`cannot connect to PostgreSQL at ${shown}: ${why}${e.code ? ` (${e.code})` : ''}`);
  }

  try {
    const applied = await migrateToLatest(db, 'postgres');
    if (applied.length > 0) options.log?.info({ event: 'store.migrated', dialect: 'postgres', applied }, 'store migrated');
  } catch (err) {
    await db.destroy();
    throw new Error(scrub((err as Error).message, password), { cause: err });
  }
  options.log?.info({ event: 'store.opened', dialect: 'postgres', host: parsed.hostname }, 'store opened');
  return new SqlStore(db, 'postgres', options);
}

function scrub(text: string, secret: string): string {
  return secret.length > 0 ? text.split(secret).join('***') : text;
}
