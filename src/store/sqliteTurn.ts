import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { CommitResult, StoredHistory, TurnCommit, TurnState, Versioned } from '../app/store.js';
import type { Database as Schema } from './schema.js';
import { CommitRefused, eraseBucket, parseHistoryEntry, parseStored, pastDeadline, toJson } from './shared.js';
import { commitTurn as commitTurnKysely, type SqlTurnOptions } from './sqlTurn.js';

/**
 * The turn on SQLite, the path every request takes, as statements prepared once and run synchronously inside
 * one better-sqlite3 transaction: the same reads, checks and writes as sqlTurn.ts (which PostgreSQL uses, and
 * SQLite for the rare commits left to it: an erase, a history update), without building and compiling a
 * Kysely query for each of the dozen statements of a turn.
 *
 * The connection is taken through Kysely first (`connection().execute`), so these transactions take their
 * turn with Kysely's own on the same connection (sqliteDialect.ts) and never run inside one of them. Reads are
 * one deferred transaction (one snapshot); commits begin IMMEDIATE, as the dialect's do.
 */
export class SqliteTurns {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly loadTx: (surfaceId: string, historyLimit: number) => TurnState;
  private readonly commitTx: (personId: string, commit: TurnCommit) => CommitResult;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly db: Kysely<Schema>,
    private readonly options: SqlTurnOptions,
  ) {
    this.loadTx = sqlite.transaction((surfaceId: string, historyLimit: number) => this.read(surfaceId, historyLimit));
    const commit = sqlite.transaction((personId: string, c: TurnCommit) => this.write(personId, c));
    this.commitTx = (personId, c) => commit.immediate(personId, c);
  }

  loadTurn(surfaceId: string, historyLimit: number): Promise<TurnState> {
    return this.db.connection().execute(async () => this.loadTx(surfaceId, historyLimit));
  }

  async commitTurn(personId: string, commit: TurnCommit): Promise<CommitResult> {
    // Rare and many-sided: left to the Kysely path, which they share with PostgreSQL.
    if (commit.erase || (commit.updateHistory?.length ?? 0) > 0) return commitTurnKysely(this.db, personId, commit, this.options);
    if (pastDeadline(commit, Date.now())) return { ok: false, reason: 'late' };
    try {
      return await this.db.connection().execute(async () => this.commitTx(personId, commit));
    } catch (err) {
      if (err instanceof CommitRefused) return { ok: false, reason: err.reason };
      throw err;
    }
  }

  private statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.sqlite.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private read(surfaceId: string, historyLimit: number): TurnState {
    const link = this.statement('select person_id from person_links where surface_id = ?').get(surfaceId) as { person_id: string } | undefined;
    const personId = link?.person_id ?? surfaceId;
    const epoch = this.epoch(eraseBucket(personId));
    const session = this.row('sessions', personId);
    const profile = this.row('profiles', personId);
    const rows = this.statement('select id, entry from history where person_id = ? order by id desc limit ?').all(
      personId,
      Math.max(0, Math.floor(historyLimit)),
    ) as Array<{ id: number; entry: string }>;
    const history: StoredHistory[] = [];
    for (const row of rows) {
      const entry = parseHistoryEntry(this.options.log, row.entry, personId, Number(row.id));
      if (entry) history.push({ ...entry, id: Number(row.id) });
    }
    return { personId, profile, session, history, epoch };
  }

  private write(personId: string, commit: TurnCommit): CommitResult {
    const now = Date.now();
    if (commit.once !== undefined) {
      const claimed = this.statement(
        'insert into seen_keys (key, seen_at) values (?, ?) on conflict (key) do update set seen_at = excluded.seen_at where seen_keys.seen_at < ?',
      ).run(commit.once, now, now - this.options.onceTtlMs);
      if (claimed.changes === 0) throw new CommitRefused('duplicate');
    }
    const epoch = this.epoch(eraseBucket(personId));
    if (epoch !== commit.basis.epoch) throw new CommitRefused('conflict');
    const session = this.writeRow('sessions', personId, commit.session, commit.basis.session, now);
    const profile = this.writeRow('profiles', personId, commit.profile, commit.basis.profile, now);
    for (const entry of commit.addHistory ?? []) {
      this.statement('insert into history (person_id, entry, created_at) values (?, ?, ?)').run(personId, toJson(entry), Date.now());
    }
    // The last moment the turn may still be refused: past its deadline the person was told it failed.
    if (pastDeadline(commit, Date.now())) throw new CommitRefused('late');
    return { ok: true, session, profile, epoch };
  }

  private epoch(bucket: number): number {
    const row = this.statement('select epoch from erase_epochs where bucket = ?').get(bucket) as { epoch: number } | undefined;
    return row ? Number(row.epoch) : 0;
  }

  private row(table: 'profiles' | 'sessions', personId: string): Versioned<unknown> | undefined {
    const row = this.statement(`select data, version from ${table} where person_id = ?`).get(personId) as { data: string; version: number } | undefined;
    if (!row) return undefined;
    return { value: parseStored(this.options.log, row.data, table, personId), version: Number(row.version) };
  }

  private version(table: 'profiles' | 'sessions', personId: string): number | null {
    const row = this.statement(`select version from ${table} where person_id = ?`).get(personId) as { version: number } | undefined;
    return row ? Number(row.version) : null;
  }

  /** Compare-and-set of one JSON row, as sqlTurn.ts's writeJsonRow: the new version, or the one read when `value` is absent. */
  private writeRow(table: 'profiles' | 'sessions', personId: string, value: unknown, expected: number | null | undefined, now: number): number | null {
    if (value === undefined) {
      if (expected !== undefined && this.version(table, personId) !== expected) throw new CommitRefused('conflict');
      return expected ?? null;
    }
    const data = toJson(value);
    if (expected === undefined) {
      // Not checked: whatever is there is replaced.
      const row = this.statement(
        `insert into ${table} (person_id, data, version, updated_at) values (?, ?, 1, ?) on conflict (person_id) do update set data = excluded.data, updated_at = excluded.updated_at, version = ${table}.version + 1 returning version`,
      ).get(personId, data, now) as { version: number };
      return Number(row.version);
    }
    if (expected === null) {
      const inserted = this.statement(`insert into ${table} (person_id, data, version, updated_at) values (?, ?, 1, ?) on conflict (person_id) do nothing`).run(
        personId,
        data,
        now,
      );
      if (inserted.changes === 0) throw new CommitRefused('conflict');
      return 1;
    }
    const updated = this.statement(`update ${table} set data = ?, version = ?, updated_at = ? where person_id = ? and version = ?`).run(
      data,
      expected + 1,
      now,
      personId,
      expected,
    );
    if (updated.changes === 0) throw new CommitRefused('conflict');
    return expected + 1;
  }
}
