import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL for the suites that need it, at TEST_DATABASE_URL (.ci/run starts a throwaway cluster and sets it).
 * Each run keeps its tables in a schema of its own, dropped at the end, so runs and suites never collide.
 */

/** A uniquely named schema on one server: `name` for `openPostgresStore(url, { schema })`, dropped by `drop()`. */
export interface ThrowawaySchema {
  url: string;
  name: string;
  /** One client with search_path on the schema (created if missing), for raw reads and writes; made on first call. */
  admin(): Promise<pg.Client>;
  /** Drops the schema and everything in it, and closes the admin client. */
  drop(): Promise<void>;
}

/** `<prefix>_<pid>_<random>`: a plain lower-case identifier, as openPostgresStore requires. */
export function throwawaySchema(url: string, prefix: string): ThrowawaySchema {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  let admin: pg.Client | undefined;
  return {
    url,
    name,
    async admin() {
      if (!admin) {
        const client = new pg.Client({ connectionString: url, options: `-c search_path=${name}` });
        await client.connect();
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${name}`);
        admin = client;
      }
      return admin;
    },
    async drop() {
      const client = admin ?? new pg.Client({ connectionString: url });
      if (!admin) await client.connect();
      admin = undefined;
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface PostgresSuite {
  /** How the suite is named when it does not run: "<name> NOT RUN: ...". */
  name: string;
  /** The describe title of the failing test under CI=true. */
  title: string;
  /** Schema name prefix, e.g. bb_test. */
  schemaPrefix: string;
}

/**
 * Registers a suite that needs PostgreSQL. With TEST_DATABASE_URL set, `body` registers its tests against a
 * throwaway schema, dropped after them. Without it nothing runs: locally a banner says so at the start of the
 * run and again at the end, where the summary is read; with CI=true a failing test says so.
 */
export function withTestPostgres(suite: PostgresSuite, body: (schema: ThrowawaySchema) => void): void {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    if (process.env.CI === 'true') {
      describe(suite.title, function () {
        it('runs in CI (TEST_DATABASE_URL must be set)', function () {
          throw new Error(`${suite.name} NOT RUN: TEST_DATABASE_URL is not set, and CI=true requires it`);
        });
      });
    } else {
      const banner = notRunBanner(suite.name);
      before(() => console.warn(banner));
      after(() => console.warn(banner));
    }
    return;
  }
  const schema = throwawaySchema(url, suite.schemaPrefix);
  after(() => schema.drop());
  body(schema);
}

function notRunBanner(name: string): string {
  const lines = [`${name} NOT RUN: set TEST_DATABASE_URL`, '(e.g. postgres://postgres@127.0.0.1:5432/postgres)'];
  const width = Math.max(...lines.map((l) => l.length));
  const rule = `  ${'#'.repeat(width + 8)}`;
  return ['', rule, ...lines.map((l) => `  ##  ${l.padEnd(width)}  ##`), rule, ''].join('\n');
}
