import { openPostgresStore } from '../../src/store/postgres.js';
import { RAW_COLUMN, storeContract, type StoreHarness } from './contract.js';
import { turnContract } from './turnContract.js';
import { withTestPostgres } from './pg.js';

/**
 * The contract on PostgreSQL, at TEST_DATABASE_URL, in a schema of this run's own (see pg.ts); tables are
 * emptied before each test. Without TEST_DATABASE_URL nothing runs: locally a banner says so; with CI=true a
 * failing test says so.
 */
withTestPostgres(
  { name: 'PostgreSQL store suite', title: 'Store contract: PostgreSQL', schemaPrefix: 'bb_test' },
  ({ url, name: schema, admin }) => {
    const harness = (): StoreHarness => ({
      open: (options) => openPostgresStore(url, { ...options, schema, poolSize: 4 }),
      reset: async () => {
        const c = await admin();
        const { rows } = await c.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'reminders'`,
          [schema],
        );
        if (rows[0]!.n > 0) await c.query('TRUNCATE profiles, sessions, history, reminders, seen_keys, person_links, link_codes, link_tries, slack_installations, erase_epochs RESTART IDENTITY');
      },
      writeRaw: async (_store, table, personId, text) => {
        const c = await admin();
        await c.query(`UPDATE ${table} SET ${RAW_COLUMN[table]} = $1 WHERE person_id = $2`, [text, personId]);
      },
      // Two pools: separate connections, as two app instances would have.
      openPair: async () => [
        await openPostgresStore(url, { schema, poolSize: 4 }),
        await openPostgresStore(url, { schema, poolSize: 4 }),
      ],
    });
    storeContract('PostgreSQL', harness);
    turnContract('PostgreSQL', harness);
  },
);
