import { expect } from 'chai';
import { z } from 'zod';
import type { Reminder, Store } from '../../src/app/store.js';
import { newProfile, Profile, type HistoryEntry } from '../../src/core/profile.js';
import { createLogger, type Logger, pseudonym } from '../../src/log.js';
import { CORRUPT_JSON, type StoreOptions } from '../../src/store/shared.js';
import { linkContract } from './links-contract.js';
import { workspaceContract } from './workspaces-contract.js';

/**
 * The Store contract: every implementation runs these tests (memory, SQLite, PostgreSQL).
 *
 * Corrupt stored JSON: the store does not throw. getProfile/getSession return the row's version with a
 * `value` no schema accepts (the CORRUPT_JSON symbol), so the caller's parse fails and it can overwrite the
 * row with compare-and-set; the store logs `store.corrupt_json` with the table and the person's pseudonym only, never the
 * text. listHistory leaves a corrupt entry out (same log event).
 */
export interface StoreHarness {
  /** A new store on an empty database. */
  open(options?: StoreOptions): Promise<Store>;
  /** Writes `text` as the stored JSON of a profile/session (or every history entry) of a person, bypassing the store. */
  writeRaw(store: Store, table: 'profiles' | 'sessions' | 'history', personId: string, text: string): Promise<void>;
  /** Two stores on one database (separate connections where the implementation has them), for races. */
  openPair(): Promise<[Store, Store]>;
  /** Called before each test, before open: empty the shared database. */
  reset?(): Promise<void>;
  /** Called after each test (close helpers, remove files). */
  cleanup?(): Promise<void>;
}

/** The column each writeRaw table keeps its JSON in, for harnesses that write it with SQL. */
export const RAW_COLUMN = { profiles: 'data', sessions: 'data', history: 'entry' } as const;

/** A session shape as the app might parse it. */
const TestSession = z.object({ v: z.literal(1), count: z.number().int() }).strict();

const ALICE = 'slack:T1:alice';
const BOB = 'alexa:amzn1.ask.account.bob';

function entry(routineId: string, minute: number, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  const at = new Date(Date.UTC(2025, 0, 6, 8, minute)).toISOString();
  return { routineId, startedAt: at, finishedAt: at, completed: true, stepsDone: 5, stepsSkipped: 0, ...extra };
}

function reminder(id: string, personId: string, nextDueAt: number, surface: Reminder['surface'] = 'slack'): Reminder {
  return { id, personId, surface, days: [1, 3, 5], time: '15:00', timeZone: 'Europe/Berlin', target: 'D123', nextDueAt };
}

/** A logger whose lines the test can read. */
function capturingLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: createLogger('debug', { write: (line: string) => void lines.push(line) }), lines };
}

export function storeContract(name: string, harness: () => StoreHarness): void {
  describe(`Store contract: ${name}`, function () {
    let h: StoreHarness;
    let store: Store;
    let logLines: string[];

    beforeEach(async function () {
      h = harness();
      await h.reset?.();
      const { log, lines } = capturingLogger();
      logLines = lines;
      store = await h.open({ log });
    });

    afterEach(async function () {
      await store.close();
      await h.cleanup?.();
    });

    describe('profile', function () {
      it('is undefined until created, then reads back with version 1', async function () {
        expect(await store.getProfile(ALICE)).to.equal(undefined);
        const profile = newProfile(new Date('2025-01-06T08:00:00Z'));
        expect(await store.saveProfile(ALICE, profile, null)).to.deep.equal({ ok: true, version: 1 });
        const got = await store.getProfile(ALICE);
        expect(got?.version).to.equal(1);
        expect(Profile.parse(got?.value)).to.deep.equal(profile);
      });

      it('updates by compare-and-set and refuses a stale or missing version', async function () {
        const profile = newProfile(new Date('2025-01-06T08:00:00Z'));
        await store.saveProfile(ALICE, profile, null);
        expect(await store.saveProfile(ALICE, profile, null)).to.deep.equal({ ok: false, reason: 'conflict' });
        const greeted = { ...profile, greeted: true };
        expect(await store.saveProfile(ALICE, greeted, 1)).to.deep.equal({ ok: true, version: 2 });
        expect(await store.saveProfile(ALICE, { ...profile, locale: 'de-DE' }, 1)).to.deep.equal({ ok: false, reason: 'conflict' });
        expect(await store.saveProfile(ALICE, profile, 3)).to.deep.equal({ ok: false, reason: 'conflict' });
        expect(await store.saveProfile(BOB, profile, 1)).to.deep.equal({ ok: false, reason: 'conflict' });
        const got = await store.getProfile(ALICE);
        expect(got).to.deep.equal({ value: greeted, version: 2 });
        expect(await store.getProfile(BOB)).to.equal(undefined);
      });
    });

    describe('session', function () {
      it('creates, reads, updates by compare-and-set, and conflicts on a stale version', async function () {
        expect(await store.getSession(ALICE)).to.equal(undefined);
        expect(await store.saveSession(ALICE, { v: 1, count: 0 }, null)).to.deep.equal({ ok: true, version: 1 });
        expect(await store.saveSession(ALICE, { v: 1, count: 9 }, null)).to.deep.equal({ ok: false, reason: 'conflict' });
        expect(await store.saveSession(ALICE, { v: 1, count: 1 }, 1)).to.deep.equal({ ok: true, version: 2 });
        expect(await store.saveSession(ALICE, { v: 1, count: 9 }, 1)).to.deep.equal({ ok: false, reason: 'conflict' });
        expect(await store.getSession(ALICE)).to.deep.equal({ value: { v: 1, count: 1 }, version: 2 });
      });

      it('refuses a value JSON cannot hold, and stores nothing', async function () {
        for (const bad of [undefined, () => 1]) {
          let failed: unknown;
          await store.saveSession(ALICE, bad, null).catch((err: unknown) => (failed = err));
          expect(failed).to.be.instanceOf(TypeError);
        }
        expect(await store.getSession(ALICE)).to.equal(undefined);
      });

      it('returns a copy: changing what was read changes nothing stored', async function () {
        await store.saveSession(ALICE, { v: 1, count: 0, nested: { a: [1] } }, null);
        const first = (await store.getSession(ALICE))!.value as { nested: { a: number[] } };
        first.nested.a.push(2);
        expect((await store.getSession(ALICE))!.value).to.deep.equal({ v: 1, count: 0, nested: { a: [1] } });
      });

      it('deleteSession removes only that person’s session; a new one starts again at version 1', async function () {
        await store.saveSession(ALICE, { v: 1, count: 0 }, null);
        await store.saveSession(BOB, { v: 1, count: 5 }, null);
        await store.deleteSession(ALICE);
        await store.deleteSession('nobody');
        expect(await store.getSession(ALICE)).to.equal(undefined);
        expect(await store.getSession(BOB)).to.deep.equal({ value: { v: 1, count: 5 }, version: 1 });
        expect(await store.saveSession(ALICE, { v: 1, count: 0 }, 1)).to.deep.equal({ ok: false, reason: 'conflict' });
        expect(await store.saveSession(ALICE, { v: 1, count: 0 }, null)).to.deep.equal({ ok: true, version: 1 });
      });
    });

    describe('history', function () {
      it('lists newest first, up to the limit, for that person only', async function () {
        await store.addHistory(ALICE, entry('five-moves', 1, { painBefore: 6, painAfter: 3 }));
        await store.addHistory(BOB, entry('spinal-love', 2));
        await store.addHistory(ALICE, entry('back-break', 3, { completed: false, stepsSkipped: 2 }));
        await store.addHistory(ALICE, entry('sacral-traction', 4));

        const all = await store.listHistory(ALICE, 10);
        expect(all.map((e) => e.routineId)).to.deep.equal(['sacral-traction', 'back-break', 'five-moves']);
        expect(new Set(all.map((e) => e.id)).size).to.equal(3);
        const { id: _id, ...first } = all[2]!;
        expect(first).to.deep.equal(entry('five-moves', 1, { painBefore: 6, painAfter: 3 }));

        expect((await store.listHistory(ALICE, 2)).map((e) => e.routineId)).to.deep.equal(['sacral-traction', 'back-break']);
        expect(await store.listHistory(ALICE, 0)).to.deep.equal([]);
        expect((await store.listHistory(BOB, 10)).map((e) => e.routineId)).to.deep.equal(['spinal-love']);
        expect(await store.listHistory('nobody', 10)).to.deep.equal([]);
      });

      it('updates an entry by merging the patch; another person’s id is left alone', async function () {
        await store.addHistory(ALICE, entry('five-moves', 1, { painBefore: 6 }));
        await store.addHistory(BOB, entry('spinal-love', 2));
        const [alices] = await store.listHistory(ALICE, 1);
        const [bobs] = await store.listHistory(BOB, 1);

        await store.updateHistory(ALICE, alices!.id, { settled: true, painAfter: 2 });
        await store.updateHistory(ALICE, bobs!.id, { settled: false });
        await store.updateHistory(ALICE, 987654, { settled: false });

        expect(await store.listHistory(ALICE, 5)).to.deep.equal([
          { ...entry('five-moves', 1, { painBefore: 6 }), settled: true, painAfter: 2, id: alices!.id },
        ]);
        expect(await store.listHistory(BOB, 5)).to.deep.equal([{ ...entry('spinal-love', 2), id: bobs!.id }]);
      });
    });

    describe('reminders', function () {
      const T = Date.UTC(2025, 0, 6, 14, 0);
      const LEASE = 60_000;

      it('puts, gets and deletes one reminder per person and surface', async function () {
        expect(await store.getReminder(ALICE, 'slack')).to.equal(undefined);
        await store.putReminder(reminder('r1', ALICE, T));
        await store.putReminder(reminder('r2', ALICE, T + 5, 'alexa'));
        expect(await store.getReminder(ALICE, 'slack')).to.deep.equal(reminder('r1', ALICE, T));

        // Replaces the earlier one for the same person and surface, even under a new id.
        const replacement = { ...reminder('r3', ALICE, T + 1000), days: [0, 6], time: '07:30' };
        await store.putReminder(replacement);
        expect(await store.getReminder(ALICE, 'slack')).to.deep.equal(replacement);
        expect(await store.getReminder(ALICE, 'alexa')).to.deep.equal(reminder('r2', ALICE, T + 5, 'alexa'));
        expect(await store.claimDueReminders(T + 10_000, 10, LEASE)).to.have.length(2);

        await store.deleteReminder(ALICE, 'slack');
        expect(await store.getReminder(ALICE, 'slack')).to.equal(undefined);
        expect(await store.getReminder(ALICE, 'alexa')).to.not.equal(undefined);
      });

      it('claims only due reminders, earliest first, up to the limit, with the lease set', async function () {
        await store.putReminder(reminder('late', 'p:late', T + 1));
        await store.putReminder(reminder('due-2', 'p:2', T - 10));
        await store.putReminder(reminder('due-1', 'p:1', T - 20));
        await store.putReminder(reminder('due-now', 'p:3', T));

        const first = await store.claimDueReminders(T, 2, LEASE);
        expect(first).to.deep.equal([
          { ...reminder('due-1', 'p:1', T - 20), claimedUntil: T + LEASE },
          { ...reminder('due-2', 'p:2', T - 10), claimedUntil: T + LEASE },
        ]);
        expect((await store.claimDueReminders(T, 10, LEASE)).map((r) => r.id)).to.deep.equal(['due-now']);
        expect(await store.claimDueReminders(T, 10, LEASE)).to.deep.equal([]);
        expect(await store.claimDueReminders(T, 0, LEASE)).to.deep.equal([]);
        expect((await store.getReminder('p:1', 'slack'))?.claimedUntil).to.equal(T + LEASE);
      });

      it('keeps a claimed reminder from others until its lease expires', async function () {
        await store.putReminder(reminder('r1', ALICE, T));
        expect(await store.claimDueReminders(T, 10, LEASE)).to.have.length(1);
        expect(await store.claimDueReminders(T + LEASE - 1, 10, LEASE)).to.deep.equal([]);
        const again = await store.claimDueReminders(T + LEASE, 10, LEASE);
        expect(again).to.deep.equal([{ ...reminder('r1', ALICE, T), claimedUntil: T + 2 * LEASE }]);
      });

      it('reschedule releases the claim and sets the next due time', async function () {
        await store.putReminder(reminder('r1', ALICE, T));
        await store.claimDueReminders(T, 10, LEASE);
        const next = T + 2 * 86_400_000;
        await store.rescheduleReminder('r1', next);
        await store.rescheduleReminder('no-such-id', next);
        expect(await store.getReminder(ALICE, 'slack')).to.deep.equal(reminder('r1', ALICE, next));
        expect(await store.claimDueReminders(next - 1, 10, LEASE)).to.deep.equal([]);
        expect((await store.claimDueReminders(next, 10, LEASE)).map((r) => r.id)).to.deep.equal(['r1']);
      });

      it('moves a reminder (snooze, skip today) only from the due time read, and never while it is claimed', async function () {
        const tomorrow = T + 86_400_000;
        await store.putReminder(reminder('r1', ALICE, tomorrow));
        const snoozed = T + 15 * 60_000;
        expect(await store.moveReminder('r1', tomorrow, snoozed, T)).to.equal(true);
        // A second press read the old due time: refused.
        expect(await store.moveReminder('r1', tomorrow, snoozed + 1, T)).to.equal(false);
        expect((await store.getReminder(ALICE, 'slack'))?.nextDueAt).to.equal(snoozed);
        expect(await store.moveReminder('no-such-id', snoozed, T, T)).to.equal(false);

        // Claimed by a sending instance: not moved under it; after the lease it may be.
        expect(await store.claimDueReminders(snoozed, 10, LEASE)).to.have.length(1);
        expect(await store.moveReminder('r1', snoozed, tomorrow, snoozed + 1)).to.equal(false);
        expect(await store.moveReminder('r1', snoozed, tomorrow, snoozed + LEASE)).to.equal(true);
        expect(await store.getReminder(ALICE, 'slack')).to.deep.equal(reminder('r1', ALICE, tomorrow));
        // The person moved: due time and zone change in one write.
        expect(await store.moveReminder('r1', tomorrow, tomorrow + 3600_000, T, 'America/New_York')).to.equal(true);
        expect(await store.getReminder(ALICE, 'slack')).to.deep.equal({ ...reminder('r1', ALICE, tomorrow + 3600_000), timeZone: 'America/New_York' });
      });
    });

    describe('claimOnce', function () {
      it('is true the first time a key is seen and false after', async function () {
        const now = Date.UTC(2025, 0, 6);
        expect(await store.claimOnce('slack:event:Ev1', now)).to.equal(true);
        expect(await store.claimOnce('slack:event:Ev1', now)).to.equal(false);
        expect(await store.claimOnce('slack:event:Ev1', now + 60_000)).to.equal(false);
        expect(await store.claimOnce('slack:event:Ev2', now)).to.equal(true);
      });

      it('forgets keys older than the TTL (and prunes them) but not fresh ones', async function () {
        const { log } = capturingLogger();
        const ttl = 10_000;
        const s = await h.open({ log, seenKeyTtlMs: ttl, pruneEveryMs: 1 });
        try {
          const t0 = Date.UTC(2025, 0, 6);
          expect(await s.claimOnce('old', t0)).to.equal(true);
          expect(await s.claimOnce('fresh', t0 + ttl)).to.equal(true);
          expect(await s.claimOnce('old', t0 + ttl)).to.equal(false);
          expect(await s.claimOnce('old', t0 + ttl + 1)).to.equal(true);
          expect(await s.claimOnce('fresh', t0 + ttl + 1)).to.equal(false);
          expect(await s.claimOnce('old', t0 + ttl + 2)).to.equal(false);
        } finally {
          await s.close();
        }
      });
    });

    describe('ping', function () {
      it('resolves while the store is open and rejects once it is closed', async function () {
        await store.ping();
        const s = await h.open();
        await s.ping();
        await s.close();
        let failed = false;
        await s.ping().catch(() => (failed = true));
        expect(failed, 'ping after close').to.equal(true);
      });
    });

    describe('erasePerson', function () {
      it('removes profile, session, history and reminders of that person only', async function () {
        const T = Date.UTC(2025, 0, 6, 14, 0);
        for (const p of [ALICE, BOB]) {
          await store.saveProfile(p, newProfile(new Date(T)), null);
          await store.saveSession(p, { v: 1, count: 0 }, null);
          await store.addHistory(p, entry('five-moves', 1, { painBefore: 4 }));
          await store.putReminder(reminder(`${p}-slack`, p, T, 'slack'));
          await store.putReminder(reminder(`${p}-alexa`, p, T, 'alexa'));
        }
        await store.erasePerson(ALICE);
        await store.erasePerson('nobody');

        expect(await store.getProfile(ALICE)).to.equal(undefined);
        expect(await store.getSession(ALICE)).to.equal(undefined);
        expect(await store.listHistory(ALICE, 10)).to.deep.equal([]);
        expect(await store.getReminder(ALICE, 'slack')).to.equal(undefined);
        expect(await store.getReminder(ALICE, 'alexa')).to.equal(undefined);

        expect(await store.getProfile(BOB)).to.not.equal(undefined);
        expect(await store.getSession(BOB)).to.not.equal(undefined);
        expect(await store.listHistory(BOB, 10)).to.have.length(1);
        expect((await store.claimDueReminders(T, 10, 1000)).map((r) => r.personId)).to.deep.equal([BOB, BOB]);

        // The person can start afresh.
        expect(await store.saveSession(ALICE, { v: 1, count: 0 }, null)).to.deep.equal({ ok: true, version: 1 });
      });
    });

    linkContract(() => store);
    workspaceContract(() => store);

    describe('corrupt stored JSON', function () {
      const RAW = '{"v":1,"count":7,"secretPain":8';

      it('getSession does not throw: the value fails the caller’s parse, the version allows overwriting', async function () {
        await store.saveSession(ALICE, { v: 1, count: 0 }, null);
        await store.saveSession(ALICE, { v: 1, count: 1 }, 1);
        await h.writeRaw(store, 'sessions', ALICE, RAW);
        const got = await store.getSession(ALICE);
        expect(got?.version).to.equal(2);
        expect(TestSession.safeParse(got?.value).success).to.equal(false);
        expect(got?.value).to.equal(CORRUPT_JSON);
        expect(await store.saveSession(ALICE, { v: 1, count: 0 }, 2)).to.deep.equal({ ok: true, version: 3 });
        expect((await store.getSession(ALICE))?.value).to.deep.equal({ v: 1, count: 0 });

        const events = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
        expect(events.some((e) => e.event === 'store.corrupt_json' && e.table === 'sessions' && e.person === pseudonym(ALICE))).to.equal(true);
        // The person by pseudonym only: a raw id in a log line outlives their erase.
        expect(logLines.join('\n')).to.not.include(ALICE);
        expect(logLines.join('\n')).to.not.include('secretPain');
      });

      it('getProfile does not throw; Profile.parse rejects what it returns', async function () {
        await store.saveProfile(ALICE, newProfile(new Date('2025-01-06T08:00:00Z')), null);
        await h.writeRaw(store, 'profiles', ALICE, 'not json at all: painBefore=9');
        const got = await store.getProfile(ALICE);
        expect(got?.version).to.equal(1);
        expect(Profile.safeParse(got?.value).success).to.equal(false);
        expect(got?.value).to.equal(CORRUPT_JSON);
        expect(logLines.join('\n')).to.include('store.corrupt_json').and.not.include('painBefore=9');
      });

      it('listHistory leaves out an entry that does not parse', async function () {
        await store.addHistory(ALICE, entry('five-moves', 1));
        await h.writeRaw(store, 'history', ALICE, '{"routineId":');
        await store.addHistory(ALICE, entry('back-break', 2));
        const list = await store.listHistory(ALICE, 10);
        expect(list.map((e) => e.routineId)).to.deep.equal(['back-break']);
        await store.updateHistory(ALICE, list[0]!.id - 1, { settled: true });
        expect(logLines.join('\n')).to.include('store.corrupt_json').and.not.include('"routineId":');
      });
    });

    describe('two instances on one database', function () {
      let pair: [Store, Store];
      beforeEach(async function () {
        pair = await h.openPair();
      });
      afterEach(async function () {
        await pair[0].close();
        if (pair[1] !== pair[0]) await pair[1].close();
      });

      it('two writers with the same expected version: exactly one wins', async function () {
        const [a, b] = pair;
        for (let round = 0; round < 20; round++) {
          const person = `race:${round}`;
          await a.saveSession(person, { v: 1, count: 0 }, null);
          const results = await Promise.all([
            a.saveSession(person, { v: 1, count: 1, by: 'a' }, 1),
            b.saveSession(person, { v: 1, count: 1, by: 'b' }, 1),
          ]);
          const wins = results.filter((r) => r.ok);
          expect(wins, `round ${round}`).to.have.length(1);
          expect(results.filter((r) => !r.ok)).to.deep.equal([{ ok: false, reason: 'conflict' }]);
          const stored = await b.getSession(person);
          expect(stored?.version).to.equal(2);
          expect((stored?.value as { by: string }).by).to.equal(results[0]!.ok ? 'a' : 'b');
        }
      });

      it('no lost update: two racing writers increment N times each with retry', async function () {
        const [a, b] = pair;
        const N = 40;
        const person = 'race:counter';
        await a.saveSession(person, { v: 1, count: 0 }, null);
        let conflicts = 0;
        const writer = async (s: Store) => {
          for (let i = 0; i < N; i++) {
            let done = false;
            for (let attempt = 0; attempt < 500 && !done; attempt++) {
              const cur = await s.getSession(person);
              const session = TestSession.parse(cur!.value);
              const r = await s.saveSession(person, { ...session, count: session.count + 1 }, cur!.version);
              if (r.ok) done = true;
              else conflicts++;
            }
            if (!done) throw new Error('writer gave up after 500 conflicts');
          }
        };
        await Promise.all([writer(a), writer(b)]);
        const final = await a.getSession(person);
        expect(final?.value).to.deep.equal({ v: 1, count: 2 * N });
        expect(final?.version).to.equal(2 * N + 1);
        if (process.env.STORE_TEST_VERBOSE) console.log(`      (${conflicts} conflicts retried)`);
      });

      it('concurrent claims of the same due rows: each row is claimed exactly once', async function () {
        const [a, b] = pair;
        const T = Date.UTC(2025, 0, 6, 14, 0);
        const COUNT = 60;
        for (let i = 0; i < COUNT; i++) await a.putReminder(reminder(`r${String(i).padStart(3, '0')}`, `p:${i}`, T - i));
        const claimed: string[] = [];
        const claimer = async (s: Store) => {
          for (let round = 0; round < COUNT; round++) {
            const got = await s.claimDueReminders(T, 7, 60_000);
            if (got.length === 0) return;
            claimed.push(...got.map((r) => r.id));
          }
        };
        await Promise.all([claimer(a), claimer(b), claimer(a), claimer(b)]);
        expect(claimed).to.have.length(COUNT);
        expect(new Set(claimed).size).to.equal(COUNT);
      });
    });
  });
}
