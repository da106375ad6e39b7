import { expect } from 'chai';
import type { PersonMerge, Store } from '../../src/app/store.js';
import { newProfile, type HistoryEntry } from '../../src/core/profile.js';

/**
 * Linked identities, part of the Store contract (called from storeContract, so memory, SQLite and PostgreSQL
 * all run it): resolving, single-use codes, tries, the merge with compare-and-set, and erase across links.
 */
const WEB = 'web:phone';
const ALEXA = 'alexa:amzn1.ask.account.x';
const SLACK = 'slack:T1:U1';
const T = Date.UTC(2026, 10, 23, 9, 0);

function entry(minute: number): HistoryEntry {
  const at = new Date(T + minute * 60_000).toISOString();
  return { routineId: 'back-break', startedAt: at, finishedAt: at, completed: true, stepsDone: 6, stepsSkipped: 0, painBefore: 5, painAfter: 3 };
}

/** Merges `from` into `into` as the app would: reading the versions first. */
async function merge(store: Store, from: string, into: string, extra: Partial<PersonMerge> = {}) {
  const [fp, fs, ip, is] = await Promise.all([store.getProfile(from), store.getSession(from), store.getProfile(into), store.getSession(into)]);
  return store.mergePerson({
    from,
    into,
    read: { fromProfile: fp?.version ?? null, fromSession: fs?.version ?? null, intoProfile: ip?.version ?? null, intoSession: is?.version ?? null },
    profile: { ...newProfile(new Date(T)), greeted: true },
    session: { v: 1, count: 9 },
    now: T,
    ...extra,
  });
}

export function linkContract(current: () => Store): void {
  describe('linked identities', function () {
    let store: Store;
    beforeEach(() => (store = current()));

    it('a surface id resolves to itself until it is linked', async function () {
      expect(await store.resolvePerson(WEB)).to.equal(WEB);
      expect(await store.linkedIds(WEB)).to.deep.equal([WEB]);
    });

    it('a code is taken once, before it expires, and a new code replaces the person’s earlier one', async function () {
      expect(await store.putLinkCode({ code: '123456', personId: ALEXA, expiresAt: T + 600_000 }, T)).to.equal(true);
      // Live for someone: the caller draws another.
      expect(await store.putLinkCode({ code: '123456', personId: SLACK, expiresAt: T + 600_000 }, T)).to.equal(false);
      expect(await store.takeLinkCode('654321', T)).to.equal(undefined);
      expect(await store.takeLinkCode('123456', T + 1000)).to.equal(ALEXA);
      expect(await store.takeLinkCode('123456', T + 2000)).to.equal(undefined);

      await store.putLinkCode({ code: '111111', personId: ALEXA, expiresAt: T + 600_000 }, T);
      await store.putLinkCode({ code: '222222', personId: ALEXA, expiresAt: T + 600_000 }, T);
      expect(await store.takeLinkCode('111111', T)).to.equal(undefined);
      expect(await store.takeLinkCode('222222', T + 599_999)).to.equal(ALEXA);

      await store.putLinkCode({ code: '333333', personId: ALEXA, expiresAt: T + 600_000 }, T);
      expect(await store.takeLinkCode('333333', T + 600_000)).to.equal(undefined);
      // An expired code can be drawn again for someone else.
      await store.putLinkCode({ code: '444444', personId: ALEXA, expiresAt: T + 10 }, T);
      expect(await store.putLinkCode({ code: '444444', personId: SLACK, expiresAt: T + 600_000 }, T + 20)).to.equal(true);
      expect(await store.takeLinkCode('444444', T + 30)).to.equal(SLACK);
    });

    it('counts failed tries per person within a window, and starts again after it', async function () {
      expect(await store.linkTries(WEB, T - 600_000)).to.equal(0);
      expect(await store.addLinkTry(WEB, T, T - 600_000)).to.equal(1);
      expect(await store.addLinkTry(WEB, T + 1000, T + 1000 - 600_000)).to.equal(2);
      expect(await store.addLinkTry(SLACK, T + 1000, T + 1000 - 600_000)).to.equal(1);
      expect(await store.linkTries(WEB, T + 2000 - 600_000)).to.equal(2);
      // The window has passed: the count no longer counts, and the next try starts it again.
      expect(await store.linkTries(WEB, T + 1)).to.equal(0);
      expect(await store.addLinkTry(WEB, T + 700_000, T + 100_000)).to.equal(1);
    });

    it('merges a person into another: one profile, one session, both histories, every surface id resolves', async function () {
      await store.saveProfile(WEB, newProfile(new Date(T)), null);
      await store.saveSession(WEB, { v: 1, count: 1 }, null);
      await store.addHistory(WEB, entry(1));
      await store.saveProfile(ALEXA, newProfile(new Date(T)), null);
      await store.addHistory(ALEXA, entry(2));
      await store.addHistory(ALEXA, entry(3));
      await store.putLinkCode({ code: '555555', personId: WEB, expiresAt: T + 600_000 }, T);

      expect(await merge(store, WEB, ALEXA)).to.deep.equal({ ok: true, version: 2 });
      expect(await store.resolvePerson(WEB)).to.equal(ALEXA);
      expect(await store.resolvePerson(ALEXA)).to.equal(ALEXA);
      expect(await store.linkedIds(ALEXA)).to.deep.equal([ALEXA, WEB]);
      expect(await store.getProfile(WEB)).to.equal(undefined);
      expect(await store.getSession(WEB)).to.equal(undefined);
      expect(await store.getSession(ALEXA)).to.deep.equal({ value: { v: 1, count: 9 }, version: 1 });
      expect((await store.getProfile(ALEXA))!.version).to.equal(2);
      const history = await store.listHistory(ALEXA, 10);
      expect(history.map((h) => h.startedAt)).to.deep.equal([entry(3).startedAt, entry(2).startedAt, entry(1).startedAt]);
      expect(await store.listHistory(WEB, 10)).to.deep.equal([]);
      // The joining person's codes go with them.
      expect(await store.takeLinkCode('555555', T)).to.equal(undefined);

      // A later merge of the whole person moves every linked id along.
      expect((await merge(store, ALEXA, SLACK, { session: undefined })).ok).to.equal(true);
      expect(await store.resolvePerson(WEB)).to.equal(SLACK);
      expect(await store.resolvePerson(ALEXA)).to.equal(SLACK);
      expect(await store.linkedIds(SLACK)).to.deep.equal([SLACK, ALEXA, WEB]);
      expect(await store.listHistory(SLACK, 10)).to.have.length(3);
      expect(await store.getSession(SLACK)).to.equal(undefined);
    });

    it('refuses a merge computed from rows that changed since, and writes nothing', async function () {
      await store.saveProfile(WEB, newProfile(new Date(T)), null);
      await store.saveSession(ALEXA, { v: 1, count: 1 }, null);
      const stale = { fromProfile: 1, fromSession: null, intoProfile: null, intoSession: 1 };
      await store.saveSession(ALEXA, { v: 1, count: 2 }, 1);
      for (const read of [stale, { ...stale, intoSession: 2, fromSession: 1 }, { ...stale, intoSession: 2, intoProfile: 1 }, { ...stale, intoSession: 2, fromProfile: null }]) {
        expect(await merge(store, WEB, ALEXA, { read })).to.deep.equal({ ok: false, reason: 'conflict' });
      }
      expect(await store.resolvePerson(WEB)).to.equal(WEB);
      expect(await store.getProfile(WEB)).to.not.equal(undefined);
      expect(await store.getSession(ALEXA)).to.deep.equal({ value: { v: 1, count: 2 }, version: 2 });
      expect(await store.getProfile(ALEXA)).to.equal(undefined);
      expect((await merge(store, WEB, ALEXA, { read: { ...stale, intoSession: 2 } })).ok).to.equal(true);
    });

    it('erase, from any linked identity, removes every one of them and their links; others stay', async function () {
      const OTHER = 'web:someone-else';
      for (const id of [WEB, ALEXA, SLACK, OTHER]) {
        await store.saveProfile(id, newProfile(new Date(T)), null);
        await store.addHistory(id, entry(1));
      }
      await store.putReminder({ id: 'r-slack', personId: SLACK, surface: 'slack', days: [1], time: '09:00', timeZone: 'UTC', target: 'D1', nextDueAt: T });
      await store.putReminder({ id: 'r-other', personId: OTHER, surface: 'slack', days: [1], time: '09:00', timeZone: 'UTC', target: 'D2', nextDueAt: T });
      await merge(store, WEB, ALEXA);
      await merge(store, SLACK, ALEXA);
      // Rows written under a joined id after the merge (a turn that raced it) are erased too.
      await store.addHistory(WEB, entry(5));
      await store.putLinkCode({ code: '777777', personId: ALEXA, expiresAt: T + 600_000 }, T);
      await store.addLinkTry(SLACK, T, T - 1);

      await store.erasePerson(WEB);

      for (const id of [WEB, ALEXA, SLACK]) {
        expect(await store.resolvePerson(id), id).to.equal(id);
        expect(await store.getProfile(id), id).to.equal(undefined);
        expect(await store.getSession(id), id).to.equal(undefined);
        expect(await store.listHistory(id, 10), id).to.deep.equal([]);
      }
      expect(await store.getReminder(SLACK, 'slack')).to.equal(undefined);
      expect(await store.takeLinkCode('777777', T)).to.equal(undefined);
      expect(await store.linkTries(SLACK, T - 1)).to.equal(0);
      expect(await store.getProfile(OTHER)).to.not.equal(undefined);
      expect(await store.listHistory(OTHER, 10)).to.have.length(1);
      expect(await store.getReminder(OTHER, 'slack')).to.not.equal(undefined);
    });
  });
}
