import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { SaveResult, StoredHistory, Versioned } from '../app/store.js';
import type { Logger } from '../log.js';
import type { Database as Schema } from './schema.js';
import { CONFLICT, parseHistoryEntry, parseStored, toJson } from './shared.js';

/**
 * The reads and writes every turn makes on SQLite (resolving the person, their profile, session and newest
 * history, the session's compare-and-set), as statements prepared once and run directly on better-sqlite3:
 * the same SQL Kysely would build for them, without building and compiling a query each time. The connection
 * is taken through Kysely first (`connection().execute`), so these statements never run inside one of its
 * transactions on the same connection (an erase, a merge) but wait their turn.
 */
export class SqliteRows {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly db: Kysely<Schema>,
    private readonly log: Logger | undefined,
  ) {}

  /** Moves the WAL into the file and empties it, so rows deleted (and zeroed) are gone from both. */
  checkpoint(): Promise<void> {
    return this.run(() => void this.sqlite.pragma('wal_checkpoint(TRUNCATE)'));
  }

  private run<T>(work: () => T): Promise<T> {
    return this.db.connection().execute(async () => work());
  }

  private statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.sqlite.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  resolvePerson(surfaceId: string): Promise<string> {
    return this.run(() => {
      const row = this.statement('select person_id from person_links where surface_id = ?').get(surfaceId) as { person_id: string } | undefined;
      return row?.person_id ?? surfaceId;
    });
  }

  read(table: 'profiles' | 'sessions', personId: string): Promise<Versioned<unknown> | undefined> {
    return this.run(() => {
      const row = this.statement(`select data, version from ${table} where person_id = ?`).get(personId) as { data: string; version: number } | undefined;
      if (!row) return undefined;
      return { value: parseStored(this.log, row.data, table, personId), version: Number(row.version) };
    });
  }

  listHistory(personId: string, limit: number): Promise<StoredHistory[]> {
    return this.run(() => {
      const rows = this.statement('select id, entry from history where person_id = ? order by id desc limit ?').all(
        personId,
        Math.max(0, Math.floor(limit)),
      ) as Array<{ id: number; entry: string }>;
      const out: StoredHistory[] = [];
      for (const row of rows) {
        const entry = parseHistoryEntry(this.log, row.entry, personId, Number(row.id));
        if (entry) out.push({ ...entry, id: Number(row.id) });
      }
      return out;
    });
  }

  /** Compare-and-set, as SqlStore's: `expected` null creates the row, a number must be the version stored. */
  cas(table: 'profiles' | 'sessions', personId: string, value: unknown, expected: number | null): Promise<SaveResult> {
    const data = toJson(value);
    return this.run(() => {
      const now = Date.now();
      if (expected === null) {
        const inserted = this.statement(`insert into ${table} (person_id, data, version, updated_at) values (?, ?, 1, ?) on conflict (person_id) do nothing`).run(
          personId,
          data,
          now,
        );
        return inserted.changes > 0 ? { ok: true, version: 1 } : CONFLICT;
      }
      const updated = this.statement(`update ${table} set data = ?, version = ?, updated_at = ? where person_id = ? and version = ?`).run(
        data,
        expected + 1,
        now,
        personId,
        expected,
      );
      return updated.changes > 0 ? { ok: true, version: expected + 1 } : CONFLICT;
    });
  }
}
