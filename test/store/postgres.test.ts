import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres.js';
import { storeContract } from './contract.js';

/**
 * The contract on PostgreSQL, at TEST_DATABASE_URL (.ci/run starts a throwaway cluster and sets it).
 * Each run keeps its tables in a fresh schema, dropped at the end, so runs never collide; tables are
 * emptied before each test. Without TEST_DATABASE_URL nothing runs: locally a banner says so; with CI=true
 * a failing test says so.
 */
const url = process.env.TEST_DATABASE_URL;
const TABLE_COLUMN = { profiles: 'data', sessions: 'data', history: 'entry' } as const;
const BANNER = [
  '',
  '  ################################################################',
  '  ##  PostgreSQL store suite NOT RUN: set TEST_DATABASE_URL      ##',
  '  ##  (e.g. postgres://postgres@127.0.0.1:5432/postgres)         ##',
  '  ################################################################',
  '',
].join('\n');

if (!url) {
  if (process.env.CI === 'true') {
    describe('Store contract: PostgreSQL', function () {
      it('runs in CI (TEST_DATABASE_URL must be set)', function () {
        throw new Error('PostgreSQL store suite NOT RUN: TEST_DATABASE_URL is not set, and CI=true requires it');
      });
    });
  } else {
    // Root-level hooks: at the start of the run and again at the end, where the summary is read.
    before(() => console.warn(BANNER));
    after(() => console.warn(BANNER));
  }
} else {
  const testUrl = url;
  const schema = `bb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  let admin: pg.Client | undefined;

  const client = async (): Promise<pg.Client> => {
    if (!admin) {
      admin = new pg.Client({ connectionString: testUrl, options: `-c search_path=${schema}` });
      await admin.connect();
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    }
    return admin;
  };

  after(async function () {
    if (!admin) return;
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  storeContract('PostgreSQL', () => ({
    open: (options) => openPostgresStore(testUrl, { ...options, schema, poolSize: 4 }),
    reset: async () => {
      const c = await client();
      const { rows } = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'reminders'`,
        [schema],
      );
      if (rows[0]!.n > 0) await c.query('TRUNCATE profiles, sessions, history, reminders, seen_keys RESTART IDENTITY');
    },
    writeRaw: async (_store, table, personId, text) => {
      const c = await client();
      await c.query(`UPDATE ${table} SET ${TABLE_COLUMN[table]} = $1 WHERE person_id = $2`, [text, personId]);
    },
    // Two pools: separate connections, as two app instances would have.
    openPair: async () => [
      await openPostgresStore(testUrl, { schema, poolSize: 4 }),
      await openPostgresStore(testUrl, { schema, poolSize: 4 }),
    ],
  }));
}
