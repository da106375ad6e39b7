import { type Kysely, sql, type Transaction } from 'kysely';
import type { CommitResult, EraseGuard, StoredHistory, TurnCommit, TurnState, Versioned } from '../app/store.js';
import type { Logger } from '../log.js';
import type { Database, SqlDialectName } from './schema.js';
import { linkedIds, resolvePerson } from './sql-links.js';
import { CommitRefused, eraseBucket, mergePatch, parseHistoryEntry, parseStored, pastDeadline, toJson } from './shared.js';

/**
 * A turn on SQL: read everything in one snapshot, write everything in one transaction.
 *
 * SQLite: every write transaction begins IMMEDIATE (sqliteDialect.ts), so commits across processes take
 * turns. PostgreSQL: a commit holds its erase bucket's advisory lock shared, an erase holds it exclusively,
 * so an erase and a commit for the same person never interleave; each checks the bucket's epoch after
 * taking the lock, and the version checks are compare-and-set on rows the transaction then holds.
 */

type Db = Kysely<Database> | Transaction<Database>;

/** First key of the advisory locks this store takes ("bb"); the second is the erase bucket. */
const LOCK_SPACE = 0x6262;

export interface SqlTurnOptions {
  dialect: SqlDialectName;
  log?: Logger;
  /** How long a `once` key is remembered (the claimOnce TTL). */
  onceTtlMs: number;
}

export async function loadTurn(db: Kysely<Database>, surfaceId: string, historyLimit: number, options: SqlTurnOptions): Promise<TurnState> {
  const readOnly = db.transaction().setAccessMode('read only');
  // PostgreSQL's default (read committed) would give each statement its own snapshot.
  const tx = options.dialect === 'postgres' ? readOnly.setIsolationLevel('repeatable read') : readOnly;
  return tx.execute(async (trx) => {
    const personId = await resolvePerson(trx, surfaceId);
    const epoch = await readEpoch(trx, eraseBucket(personId));
    const session = await readJsonRow(trx, 'sessions', personId, options.log);
    const profile = await readJsonRow(trx, 'profiles', personId, options.log);
    const history = await readHistory(trx, personId, historyLimit, options.log);
    return { personId, profile, session, history, epoch };
  });
}

export async function commitTurn(db: Kysely<Database>, personId: string, commit: TurnCommit, options: SqlTurnOptions): Promise<CommitResult> {
  if (pastDeadline(commit, Date.now())) return { ok: false, reason: 'late' };
  try {
    return await db.transaction().execute(async (trx) => {
      const bucket = eraseBucket(personId);
      await lockBucket(trx, options.dialect, bucket, commit.erase ? 'exclusive' : 'shared');
      if (commit.once !== undefined && !(await claimKey(trx, commit.once, Date.now(), options.onceTtlMs))) {
        throw new CommitRefused('duplicate');
      }
      const epoch = await readEpoch(trx, bucket);
      if (epoch !== commit.basis.epoch) throw new CommitRefused('conflict');

      let result: CommitResult;
      if (commit.erase) {
        await checkVersion(trx, 'sessions', personId, commit.basis.session);
        await checkVersion(trx, 'profiles', personId, commit.basis.profile);
        result = { ok: true, session: null, profile: null, epoch: await erasePersonRows(trx, personId, bucket) };
      } else {
        const session = await writeJsonRow(trx, 'sessions', personId, commit.session, commit.basis.session);
        const profile = await writeJsonRow(trx, 'profiles', personId, commit.profile, commit.basis.profile);
        await writeHistory(trx, options, personId, commit);
        result = { ok: true, session, profile, epoch };
      }
      // The last moment the turn may still be refused: past its deadline the person was told it failed.
      if (pastDeadline(commit, Date.now())) throw new CommitRefused('late');
      return result;
    });
  } catch (err) {
    if (err instanceof CommitRefused) return { ok: false, reason: err.reason };
    throw err;
  }
}

/** Everything about a person, whatever their versions: rows deleted (not flagged), epoch moved on. */
export async function erasePerson(db: Kysely<Database>, surfaceId: string, dialect: SqlDialectName): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // The person behind a linked surface id; read again under the lock, as a link may land meanwhile.
    for (let person = await resolvePerson(trx, surfaceId); ; ) {
      await lockBucket(trx, dialect, eraseBucket(person), 'exclusive');
      const now = await resolvePerson(trx, surfaceId);
      if (now === person) return void (await erasePersonRows(trx, person, eraseBucket(person)));
      person = now;
    }
  });
}

/**
 * Moves a person's epoch on without erasing them (they were merged into another person by a link): a turn
 * read as them before then must not land after.
 */
export async function moveEpochOn(trx: Transaction<Database>, dialect: SqlDialectName, personId: string): Promise<void> {
  const bucket = eraseBucket(personId);
  await lockBucket(trx, dialect, bucket, 'exclusive');
  await bumpEpoch(trx, bucket);
}

/**
 * Runs `write` only if the guarded person's epoch is still the one the turn read (nobody erased them since): a
 * write that follows a turn (a Slack reminder) but is not part of its commit. False when refused.
 */
export async function whileNotErased(
  db: Kysely<Database>,
  dialect: SqlDialectName,
  guard: EraseGuard,
  write: (trx: Transaction<Database>) => Promise<void>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const bucket = eraseBucket(guard.personId);
    await lockBucket(trx, dialect, bucket, 'shared');
    if ((await readEpoch(trx, bucket)) !== guard.epoch) return false;
    await write(trx);
    return true;
  });
}

async function lockBucket(trx: Transaction<Database>, dialect: SqlDialectName, bucket: number, mode: 'shared' | 'exclusive'): Promise<void> {
  if (dialect !== 'postgres') return; // SQLite: the IMMEDIATE transaction already holds the database's write lock.
  if (mode === 'shared') await sql`select pg_advisory_xact_lock_shared(${LOCK_SPACE}, ${bucket})`.execute(trx);
  else await sql`select pg_advisory_xact_lock(${LOCK_SPACE}, ${bucket})`.execute(trx);
}

async function readEpoch(db: Db, bucket: number): Promise<number> {
  const row = await db.selectFrom('erase_epochs').select('epoch').where('bucket', '=', bucket).executeTakeFirst();
  return row ? Number(row.epoch) : 0;
}

async function bumpEpoch(trx: Transaction<Database>, bucket: number): Promise<number> {
  const bumped = await trx
    .insertInto('erase_epochs')
    .values({ bucket, epoch: 1 })
    .onConflict((oc) => oc.column('bucket').doUpdateSet({ epoch: sql`erase_epochs.epoch + 1` }))
    .returning('epoch')
    .executeTakeFirstOrThrow();
  return Number(bumped.epoch);
}

/** The person (as resolved) and every identity linked to them: rows, links, codes and tries. */
async function erasePersonRows(trx: Transaction<Database>, person: string, bucket: number): Promise<number> {
  // The epoch first: on PostgreSQL the deletes below then see every row a concurrent writer committed.
  const epoch = await bumpEpoch(trx, bucket);
  const ids = await linkedIds(trx, person);
  await trx.deleteFrom('profiles').where('person_id', 'in', ids).execute();
  await trx.deleteFrom('sessions').where('person_id', 'in', ids).execute();
  await trx.deleteFrom('history').where('person_id', 'in', ids).execute();
  await trx.deleteFrom('reminders').where('person_id', 'in', ids).execute();
  await trx.deleteFrom('person_links').where('person_id', '=', person).execute();
  await trx.deleteFrom('person_links').where('surface_id', 'in', ids).execute();
  await trx.deleteFrom('link_codes').where('person_id', 'in', ids).execute();
  await trx.deleteFrom('link_tries').where('person_id', 'in', ids).execute();
  return epoch;
}

async function readJsonRow(db: Db, table: 'profiles' | 'sessions', personId: string, log: Logger | undefined): Promise<Versioned<unknown> | undefined> {
  const row = await db.selectFrom(table).select(['data', 'version']).where('person_id', '=', personId).executeTakeFirst();
  if (!row) return undefined;
  return { value: parseStored(log, row.data, table, personId), version: Number(row.version) };
}

async function readHistory(db: Db, personId: string, limit: number, log: Logger | undefined): Promise<StoredHistory[]> {
  const rows = await db
    .selectFrom('history')
    .select(['id', 'entry'])
    .where('person_id', '=', personId)
    .orderBy('id', 'desc')
    .limit(Math.max(0, Math.floor(limit)))
    .execute();
  const out: StoredHistory[] = [];
  for (const row of rows) {
    const entry = parseHistoryEntry(log, row.entry, personId, Number(row.id));
    if (entry) out.push({ ...entry, id: Number(row.id) });
  }
  return out;
}

/** A version check without a write: the row is as the turn read it (null: absent). */
async function checkVersion(trx: Transaction<Database>, table: 'profiles' | 'sessions', personId: string, expected: number | null | undefined): Promise<void> {
  if (expected === undefined) return;
  const row = await trx.selectFrom(table).select('version').where('person_id', '=', personId).executeTakeFirst();
  if ((row ? Number(row.version) : null) !== expected) throw new CommitRefused('conflict');
}

/** Compare-and-set of one JSON row; the new version, or the unchanged one when `value` is absent. */
async function writeJsonRow(
  trx: Transaction<Database>,
  table: 'profiles' | 'sessions',
  personId: string,
  value: unknown,
  expected: number | null | undefined,
): Promise<number | null> {
  if (value === undefined) {
    await checkVersion(trx, table, personId, expected);
    return expected ?? null;
  }
  const data = toJson(value);
  const now = Date.now();
  if (expected === undefined) {
    // Not checked: whatever is there is replaced.
    const row = await trx
      .insertInto(table)
      .values({ person_id: personId, data, version: 1, updated_at: now })
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ data, updated_at: now, version: sql`${sql.ref(`${table}.version`)} + 1` }))
      .returning('version')
      .executeTakeFirstOrThrow();
    return Number(row.version);
  }
  if (expected === null) {
    const result = await trx
      .insertInto(table)
      .values({ person_id: personId, data, version: 1, updated_at: now })
      .onConflict((oc) => oc.column('person_id').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) throw new CommitRefused('conflict');
    return 1;
  }
  const result = await trx
    .updateTable(table)
    .set({ data, version: expected + 1, updated_at: now })
    .where('person_id', '=', personId)
    .where('version', '=', expected)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new CommitRefused('conflict');
  return expected + 1;
}

async function writeHistory(trx: Transaction<Database>, options: SqlTurnOptions, personId: string, commit: TurnCommit): Promise<void> {
  for (const entry of commit.addHistory ?? []) {
    await trx.insertInto('history').values({ person_id: personId, entry: toJson(entry), created_at: Date.now() }).execute();
  }
  for (const { id, patch } of commit.updateHistory ?? []) {
    let read = trx.selectFrom('history').select('entry').where('id', '=', id).where('person_id', '=', personId);
    if (options.dialect === 'postgres') read = read.forUpdate();
    const row = await read.executeTakeFirst();
    const entry = row && parseHistoryEntry(options.log, row.entry, personId, id);
    if (!entry) continue; // gone or unreadable: nothing to mark
    await trx.updateTable('history').set({ entry: toJson(mergePatch(entry, patch)) }).where('id', '=', id).execute();
  }
}

/** Records `key` (or takes over one older than the TTL); false when it was seen. */
export async function claimKey(db: Db, key: string, now: number, ttlMs: number): Promise<boolean> {
  const result = await db
    .insertInto('seen_keys')
    .values({ key, seen_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ seen_at: now }).where('seen_keys.seen_at', '<', now - ttlMs))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
