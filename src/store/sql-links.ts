import type { Kysely, Transaction } from 'kysely';
import type { LinkCode, PersonMerge, SaveResult } from '../app/store.js';
import type { Database, SqlDialectName } from './schema.js';
import { moveEpochOn } from './sqlTurn.js';
import { CONFLICT, toJson } from './shared.js';

/** Linked identities on SQL: resolving, codes, tries, the merge and the erase that covers every linked id. */

type Db = Kysely<Database> | Transaction<Database>;

/** Thrown inside the merge transaction to roll it back when a row is not the version the merge was computed from. */
class MergeConflict extends Error {}

export async function resolvePerson(db: Db, surfaceId: string): Promise<string> {
  const row = await db.selectFrom('person_links').select('person_id').where('surface_id', '=', surfaceId).executeTakeFirst();
  return row?.person_id ?? surfaceId;
}

export async function linkedIds(db: Db, personId: string): Promise<string[]> {
  const rows = await db.selectFrom('person_links').select('surface_id').where('person_id', '=', personId).orderBy('surface_id').execute();
  return [personId, ...rows.map((r) => r.surface_id)];
}

export async function putLinkCode(db: Kysely<Database>, code: LinkCode, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('link_codes').where((eb) => eb.or([eb('person_id', '=', code.personId), eb('expires_at', '<=', now)])).execute();
    const result = await trx
      .insertInto('link_codes')
      .values({ code: code.code, person_id: code.personId, expires_at: code.expiresAt })
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  });
}

export async function takeLinkCode(db: Db, code: string, now: number): Promise<string | undefined> {
  // One statement: two people entering the same code at once cannot both take it.
  const row = await db.deleteFrom('link_codes').where('code', '=', code).returning(['person_id', 'expires_at']).executeTakeFirst();
  return row && Number(row.expires_at) > now ? row.person_id : undefined;
}

export async function linkTries(db: Db, personId: string, since: number): Promise<number> {
  const row = await db.selectFrom('link_tries').select(['tries', 'window_start']).where('person_id', '=', personId).executeTakeFirst();
  return row && Number(row.window_start) >= since ? Number(row.tries) : 0;
}

export async function addLinkTry(db: Db, personId: string, now: number, since: number): Promise<number> {
  const row = await db
    .insertInto('link_tries')
    .values({ person_id: personId, window_start: now, tries: 1 })
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet((eb) => ({
        tries: eb.case().when('link_tries.window_start', '<', since).then(1).else(eb('link_tries.tries', '+', 1)).end(),
        window_start: eb.case().when('link_tries.window_start', '<', since).then(now).else(eb.ref('link_tries.window_start')).end(),
      })),
    )
    .returning('tries')
    .executeTakeFirstOrThrow();
  return Number(row.tries);
}

export async function mergePerson(db: Kysely<Database>, m: PersonMerge, dialect: SqlDialectName): Promise<SaveResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      // `from` is gone after this: a turn read as them must not land afterwards (it would be an orphan).
      await moveEpochOn(trx, dialect, m.from);
      await writeRow(trx, 'profiles', m.into, m.read.intoProfile, toJson(m.profile), m.now);
      if (m.session === undefined) await deleteRow(trx, 'sessions', m.into, m.read.intoSession);
      else await writeRow(trx, 'sessions', m.into, m.read.intoSession, toJson(m.session), m.now);
      await deleteRow(trx, 'profiles', m.from, m.read.fromProfile);
      await deleteRow(trx, 'sessions', m.from, m.read.fromSession);
      await trx.updateTable('history').set({ person_id: m.into }).where('person_id', '=', m.from).execute();
      await trx.updateTable('person_links').set({ person_id: m.into }).where('person_id', '=', m.from).execute();
      await trx
        .insertInto('person_links')
        .values({ surface_id: m.from, person_id: m.into, linked_at: m.now })
        .onConflict((oc) => oc.column('surface_id').doUpdateSet({ person_id: m.into, linked_at: m.now }))
        .execute();
      await trx.deleteFrom('link_codes').where('person_id', '=', m.from).execute();
      return { ok: true as const, version: (m.read.intoProfile ?? 0) + 1 };
    });
  } catch (err) {
    if (err instanceof MergeConflict) return CONFLICT;
    throw err;
  }
}

/** Compare-and-set inside the merge: creates when `expected` is null, else updates that version only. */
async function writeRow(trx: Transaction<Database>, table: 'profiles' | 'sessions', personId: string, expected: number | null, data: string, now: number) {
  if (expected === null) {
    const r = await trx
      .insertInto(table)
      .values({ person_id: personId, data, version: 1, updated_at: now })
      .onConflict((oc) => oc.column('person_id').doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0n) === 0) throw new MergeConflict();
    return;
  }
  const r = await trx
    .updateTable(table)
    .set({ data, version: expected + 1, updated_at: now })
    .where('person_id', '=', personId)
    .where('version', '=', expected)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new MergeConflict();
}

/** Deletes the row the merge read (none when `expected` is null: then one must not have appeared). */
async function deleteRow(trx: Transaction<Database>, table: 'profiles' | 'sessions', personId: string, expected: number | null) {
  if (expected === null) {
    const appeared = await trx.selectFrom(table).select('version').where('person_id', '=', personId).executeTakeFirst();
    if (appeared) throw new MergeConflict();
    return;
  }
  const r = await trx.deleteFrom(table).where('person_id', '=', personId).where('version', '=', expected).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new MergeConflict();
}

