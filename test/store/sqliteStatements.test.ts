import { createRequire } from 'node:module';
import { expect } from 'chai';
import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { keepStatements } from '../../src/store/sqliteStatements.js';

/** SQLite statements are prepared once per SQL text and kept, not prepared again on every query. */
const Driver = createRequire(import.meta.url)('better-sqlite3') as typeof Database;

interface Db {
  t: { id: string; n: number };
}

describe('SQLite statements kept', () => {
  let sqlite: Database.Database;
  let prepared: string[];
  let db: Kysely<Db>;

  beforeEach(async () => {
    sqlite = new Driver(':memory:');
    prepared = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    }) as typeof sqlite.prepare;
    db = new Kysely<Db>({ dialect: new SqliteDialect({ database: keepStatements(sqlite) }) });
    await db.schema.createTable('t').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('n', 'integer').execute();
  });
  afterEach(() => db.destroy());

  it('prepares each query once however often it runs, with the values as parameters', async () => {
    for (let i = 0; i < 20; i++) {
      await db.insertInto('t').values({ id: `p${i}`, n: i }).execute();
      await db.updateTable('t').set({ n: i + 1 }).where('id', '=', `p${i}`).execute();
    }
    const rows = await db.selectFrom('t').select(['id', 'n']).where('n', '>', 10).orderBy('n').execute();
    expect(rows).to.have.length(10);
    expect(rows[0]).to.deep.equal({ id: 'p10', n: 11 });
    const dml = prepared.filter((sql) => /^(insert|update)/i.test(sql));
    expect(dml).to.have.length(2);
  });

  it('gives every query its own answer even when the same statement runs in between', async () => {
    await db.insertInto('t').values([{ id: 'a', n: 1 }, { id: 'b', n: 2 }]).execute();
    const byId = (id: string) => db.selectFrom('t').select('n').where('id', '=', id).executeTakeFirst();
    const [a, b] = await Promise.all([byId('a'), byId('b')]);
    expect([a?.n, b?.n]).to.deep.equal([1, 2]);
  });

  it('keeps a bounded number: a query with a list of every length does not grow it for ever', async () => {
    for (let n = 1; n <= 600; n++) {
      await db.selectFrom('t').select('id').where('id', 'in', Array.from({ length: n }, (_, i) => `x${i}`)).execute();
    }
    const before = prepared.length;
    await db.selectFrom('t').select('id').where('id', 'in', ['x0']).execute();
    expect(prepared.length, 'the one-value list was dropped long ago and is prepared again').to.equal(before + 1);
  });
});
