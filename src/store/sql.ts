import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { HistoryEntry, Profile } from '../core/profile.js';
import { type Logger, pseudonym } from '../log.js';
import type { CommitResult, EraseGuard, LinkCode, PersonMerge, Reminder, SaveResult, Store, StoredHistory, TurnCommit, TurnState, Versioned } from '../app/store.js';
import * as links from './sql-links.js';
import type { SqliteRows } from './sqliteRows.js';
import type { Database, RemindersTable, SqlDialectName } from './schema.js';
import {
  byDueThenId,
  CONFLICT,
  mergePatch,
  parseHistoryEntry,
  parseStored,
  PruneSchedule,
  type StoreOptions,
  toJson,
  workspacePrefix,
} from './shared.js';
import { claimKey, commitTurn, erasePerson, loadTurn, type SqlTurnOptions, whileNotErased } from './sqlTurn.js';

/** A turn's load and commit, as a dialect may do them faster than the shared Kysely path. */
export type TurnPath = Pick<Store, 'loadTurn' | 'commitTurn'>;

/** How often updateHistory retries when another writer changed the entry between its read and write. */
const UPDATE_HISTORY_ATTEMPTS = 10;

/**
 * The Store on a Kysely database, shared by SQLite and PostgreSQL. Every write that must be atomic is one
 * statement (compare-and-set on the version column, upserts) or one transaction (erasePerson, and the
 * PostgreSQL claim), so several processes can share one database.
 */
export class SqlStore implements Store {
  private readonly log: Logger | undefined;
  private readonly prune: PruneSchedule;

  /** A dialect's own path for the two calls every turn makes (SQLite: sqliteTurn.ts); sqlTurn.ts otherwise. */
  private readonly turns: TurnPath | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: SqlDialectName,
    options: StoreOptions = {},
    /** SQLite: the rows every turn touches, on statements prepared once (sqliteRows.ts). */
    private readonly rows?: SqliteRows,
    turnPath?: (options: SqlTurnOptions) => TurnPath,
  ) {
    this.log = options.log;
    this.prune = new PruneSchedule(options);
    this.turns = turnPath?.(this.turnOptions);
  }

  private get turnOptions(): SqlTurnOptions {
    return { dialect: this.dialect, log: this.log, onceTtlMs: this.prune.ttlMs };
  }

  loadTurn(personId: string, historyLimit: number): Promise<TurnState> {
    return this.turns ? this.turns.loadTurn(personId, historyLimit) : loadTurn(this.db, personId, historyLimit, this.turnOptions);
  }

  async commitTurn(personId: string, commit: TurnCommit): Promise<CommitResult> {
    const result = await (this.turns ? this.turns.commitTurn(personId, commit) : commitTurn(this.db, personId, commit, this.turnOptions));
    if (commit.erase && result.ok) await this.erased();
    return result;
  }

  /** After an erase: SQLite's WAL checkpointed, so the deleted rows' old pages are not left in it. */
  private async erased(): Promise<void> {
    await this.rows?.checkpoint();
  }


  getProfile(personId: string): Promise<Versioned<unknown> | undefined> {
    return this.read('profiles', personId);
  }

  saveProfile(personId: string, profile: Profile, expected: number | null): Promise<SaveResult> {
    return this.cas('profiles', personId, profile, expected);
  }

  getSession(personId: string): Promise<Versioned<unknown> | undefined> {
    return this.read('sessions', personId);
  }

  saveSession(personId: string, session: unknown, expected: number | null): Promise<SaveResult> {
    return this.cas('sessions', personId, session, expected);
  }

  async deleteSession(personId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('person_id', '=', personId).execute();
  }

  async addHistory(personId: string, entry: HistoryEntry): Promise<void> {
    await this.db
      .insertInto('history')
      .values({ person_id: personId, entry: toJson(entry), created_at: Date.now() })
      .execute();
  }

  async listHistory(personId: string, limit: number): Promise<StoredHistory[]> {
    if (this.rows) return this.rows.listHistory(personId, limit);
    const rows = await this.db
      .selectFrom('history')
      .select(['id', 'entry'])
      .where('person_id', '=', personId)
      .orderBy('id', 'desc')
      .limit(Math.max(0, Math.floor(limit)))
      .execute();
    const out: StoredHistory[] = [];
    for (const row of rows) {
      const entry = parseHistoryEntry(this.log, row.entry, personId, Number(row.id));
      if (entry) out.push({ ...entry, id: Number(row.id) });
    }
    return out;
  }

  /** Read, merge, and write back only if the entry is still what was read (retried a few times). */
  async updateHistory(personId: string, id: number, patch: Partial<HistoryEntry>): Promise<void> {
    for (let attempt = 0; attempt < UPDATE_HISTORY_ATTEMPTS; attempt++) {
      const row = await this.db
        .selectFrom('history')
        .select('entry')
        .where('id', '=', id)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      if (!row) return;
      const entry = parseHistoryEntry(this.log, row.entry, personId, id);
      if (!entry) return;
      const result = await this.db
        .updateTable('history')
        .set({ entry: toJson(mergePatch(entry, patch)) })
        .where('id', '=', id)
        .where('person_id', '=', personId)
        .where('entry', '=', row.entry)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) > 0) return;
    }
    this.log?.warn({ event: 'store.history_update_contended', person: pseudonym(personId), historyId: id }, 'history update gave up');
    throw new Error(`history entry ${id} kept changing; update not applied`);
  }

  async putReminder(reminder: Reminder, guard?: EraseGuard): Promise<boolean> {
    const row = toReminderRow(reminder);
    const { person_id: _p, surface: _s, ...rest } = row;
    const put = async (db: Kysely<Database> | Transaction<Database>) => {
      await db
        .insertInto('reminders')
        .values(row)
        .onConflict((oc) => oc.columns(['person_id', 'surface']).doUpdateSet(rest))
        .execute();
    };
    if (guard === undefined) {
      await put(this.db);
      return true;
    }
    return whileNotErased(this.db, this.dialect, guard, put);
  }

  async getReminder(personId: string, surface: Reminder['surface']): Promise<Reminder | undefined> {
    const row = await this.db
      .selectFrom('reminders')
      .selectAll()
      .where('person_id', '=', personId)
      .where('surface', '=', surface)
      .executeTakeFirst();
    return row && fromReminderRow(row);
  }

  async deleteReminder(personId: string, surface: Reminder['surface']): Promise<void> {
    await this.db.deleteFrom('reminders').where('person_id', '=', personId).where('surface', '=', surface).execute();
  }

  async claimDueReminders(now: number, limit: number, leaseMs: number): Promise<Reminder[]> {
    const n = Math.max(0, Math.floor(limit));
    if (n === 0) return [];
    const until = now + leaseMs;
    const due = (db: Kysely<Database> | Transaction<Database>) =>
      db
        .selectFrom('reminders')
        .select('id')
        .where('next_due_at', '<=', now)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
        .orderBy('next_due_at')
        .orderBy('id')
        .limit(n);

    let rows: Selectable<RemindersTable>[];
    if (this.dialect === 'postgres') {
      // Rows another instance is claiming right now are skipped, not waited for nor claimed twice.
      rows = await this.db.transaction().execute(async (trx) => {
        const ids = (await due(trx).forUpdate().skipLocked().execute()).map((r) => r.id);
        if (ids.length === 0) return [];
        return trx.updateTable('reminders').set({ claimed_until: until }).where('id', 'in', ids).returningAll().execute();
      });
    } else {
      // SQLite: one statement holds the write lock from the scan to the update, across processes too.
      rows = await this.db
        .updateTable('reminders')
        .set({ claimed_until: until })
        .where('id', 'in', due(this.db))
        .returningAll()
        .execute();
    }
    return rows.map(fromReminderRow).sort(byDueThenId);
  }

  async rescheduleReminder(id: string, nextDueAt: number): Promise<void> {
    await this.db.updateTable('reminders').set({ next_due_at: nextDueAt, claimed_until: null }).where('id', '=', id).execute();
  }

  /** One statement: the due time and the claim are checked where the row is written. */
  async moveReminder(id: string, from: number, to: number, now: number, timeZone?: string): Promise<boolean> {
    const result = await this.db
      .updateTable('reminders')
      .set({ next_due_at: to, claimed_until: null, ...(timeZone !== undefined ? { time_zone: timeZone } : {}) })
      .where('id', '=', id)
      .where('next_due_at', '=', from)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Inserts the key, or takes over a key older than the TTL; anything else means it was seen. */
  async claimOnce(key: string, now: number): Promise<boolean> {
    const cutoff = this.prune.due(now);
    if (cutoff !== undefined) {
      const pruned = await this.db.deleteFrom('seen_keys').where('seen_at', '<', cutoff).executeTakeFirst();
      const count = Number(pruned.numDeletedRows);
      if (count > 0) this.log?.debug({ event: 'store.seen_keys_pruned', count }, 'old claimOnce keys pruned');
    }
    return claimKey(this.db, key, now, this.prune.ttlMs);
  }

  resolvePerson(surfaceId: string): Promise<string> {
    if (this.rows) return this.rows.resolvePerson(surfaceId);
    return links.resolvePerson(this.db, surfaceId);
  }

  linkedIds(personId: string): Promise<string[]> {
    return links.linkedIds(this.db, personId);
  }

  putLinkCode(code: LinkCode, now: number): Promise<boolean> {
    return links.putLinkCode(this.db, code, now);
  }

  takeLinkCode(code: string, now: number): Promise<string | undefined> {
    return links.takeLinkCode(this.db, code, now);
  }

  linkTries(personId: string, since: number): Promise<number> {
    return links.linkTries(this.db, personId, since);
  }

  addLinkTry(personId: string, now: number, since: number): Promise<number> {
    return links.addLinkTry(this.db, personId, now, since);
  }

  mergePerson(merge: PersonMerge): Promise<SaveResult> {
    return links.mergePerson(this.db, merge, this.dialect);
  }

  /** The person and every identity linked to them, in one transaction (sqlTurn.ts). */
  async erasePerson(personId: string): Promise<void> {
    await erasePerson(this.db, personId, this.dialect);
    await this.erased();
    this.log?.info({ event: 'store.person_erased' }, 'person erased');
  }

  async putInstallation(teamId: string, installation: unknown, now: number): Promise<void> {
    const data = toJson(installation);
    await this.db
      .insertInto('slack_installations')
      .values({ team_id: teamId, data, installed_at: now })
      .onConflict((oc) => oc.column('team_id').doUpdateSet({ data, installed_at: now }))
      .execute();
  }

  async getInstallation(teamId: string): Promise<unknown | undefined> {
    const row = await this.db.selectFrom('slack_installations').select('data').where('team_id', '=', teamId).executeTakeFirst();
    if (!row) return undefined;
    try {
      return JSON.parse(row.data) as unknown;
    } catch {
      this.log?.warn({ event: 'store.corrupt_json', table: 'slack_installations' }, 'stored JSON does not parse');
      return undefined;
    }
  }

  /** One transaction: the installation and every row under `slack:<team>:`, so nothing is left half erased. */
  async eraseWorkspace(teamId: string): Promise<void> {
    const like = `${workspacePrefix(teamId)}%`;
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('slack_installations').where('team_id', '=', teamId).execute();
      for (const table of ['profiles', 'sessions', 'history', 'reminders', 'link_codes', 'link_tries'] as const) {
        await trx.deleteFrom(table).where('person_id', 'like', like).execute();
      }
      await trx
        .deleteFrom('person_links')
        .where((eb) => eb.or([eb('surface_id', 'like', like), eb('person_id', 'like', like)]))
        .execute();
    });
    await this.erased();
    this.log?.info({ event: 'store.workspace_erased', team: pseudonym(teamId) }, 'workspace erased');
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  private async read(table: 'profiles' | 'sessions', personId: string): Promise<Versioned<unknown> | undefined> {
    if (this.rows) return this.rows.read(table, personId);
    const row = await this.db
      .selectFrom(table)
      .select(['data', 'version'])
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (!row) return undefined;
    return { value: parseStored(this.log, row.data, table, personId), version: Number(row.version) };
  }

  private async cas(
    table: 'profiles' | 'sessions',
    personId: string,
    value: unknown,
    expected: number | null,
  ): Promise<SaveResult> {
    if (this.rows) return this.rows.cas(table, personId, value, expected);
    const data = toJson(value);
    const now = Date.now();
    if (expected === null) {
      const result = await this.db
        .insertInto(table)
        .values({ person_id: personId, data, version: 1, updated_at: now })
        .onConflict((oc) => oc.column('person_id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 ? { ok: true, version: 1 } : CONFLICT;
    }
    const result = await this.db
      .updateTable(table)
      .set({ data, version: expected + 1, updated_at: now })
      .where('person_id', '=', personId)
      .where('version', '=', expected)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 ? { ok: true, version: expected + 1 } : CONFLICT;
  }
}

function toReminderRow(r: Reminder) {
  return {
    id: r.id,
    person_id: r.personId,
    surface: r.surface,
    days: JSON.stringify(r.days),
    time: r.time,
    time_zone: r.timeZone,
    target: r.target,
    next_due_at: r.nextDueAt,
    claimed_until: r.claimedUntil ?? null,
  };
}

function fromReminderRow(row: Selectable<RemindersTable>): Reminder {
  let days: number[] = [];
  try {
    const parsed: unknown = JSON.parse(row.days);
    if (Array.isArray(parsed)) days = parsed.filter((d): d is number => typeof d === 'number');
  } catch {
    // A reminder with unreadable days fires on none; the scheduler reschedules or the person sets it again.
  }
  const reminder: Reminder = {
    id: row.id,
    personId: row.person_id,
    surface: row.surface,
    days,
    time: row.time,
    timeZone: row.time_zone,
    target: row.target,
    nextDueAt: Number(row.next_due_at),
  };
  if (row.claimed_until !== null) reminder.claimedUntil = Number(row.claimed_until);
  return reminder;
}
