import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * The SQLite database as Kysely sees it, with each statement prepared once and kept: Kysely's driver prepares
 * the SQL of every query it runs, and preparing (parsing and planning in SQLite) cost more than running the
 * small statements a turn makes. Keyed by the SQL text, which is the same for every run of one query (values
 * are parameters); bounded, since a query with a list of values (`in (?, ?, ...)`) has a text per length.
 *
 * Safe because the driver uses a statement to completion before the next query (all() or run()); a cached
 * statement must not be used with Kysely's .stream(), which iterates one while others may run.
 */
const KEPT = 500;

export function keepStatements(db: Database.Database): SqliteDatabase {
  const kept = new Map<string, Database.Statement>();
  return {
    prepare(sql: string) {
      let statement = kept.get(sql);
      if (!statement) {
        if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
        statement = db.prepare(sql);
        kept.set(sql, statement);
      }
      return statement;
    },
    close() {
      kept.clear();
      db.close();
    },
  };
}
