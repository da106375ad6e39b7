import { expect } from 'chai';
import type { Reminder, Store, TurnCommit } from '../../src/app/store.js';
import { newProfile, type HistoryEntry } from '../../src/core/profile.js';
import type { StoreHarness } from './contract.js';

/**
 * The turn contract every Store keeps: loadTurn reads a person as one picture, commitTurn writes a turn as
 * one unit (all of it or nothing), checked against what was read, and an erase moves the person's epoch on
 * so nothing read before it lands after it.
 */

const ALICE = 'slack:T1:alice';
const BOB = 'alexa:amzn1.ask.account.bob';
const T = Date.UTC(2025, 0, 6, 8, 0);

function entry(routineId: string, painBefore: number): HistoryEntry {
  const at = new Date(T).toISOString();
  return { routineId, startedAt: at, finishedAt: at, completed: true, stepsDone: 5, stepsSkipped: 0, painBefore };
}

function reminder(personId: string): Reminder {
  return { id: personId, personId, surface: 'slack', days: [1], time: '09:00', timeZone: 'UTC', target: 'D1', nextDueAt: T };
}

/** A first turn for a person nobody has seen: session, profile and a history entry. */
async function firstTurn(store: Store, personId: string, extra: Partial<TurnCommit> = {}) {
  const state = await store.loadTurn(personId, 10);
  return store.commitTurn(personId, {
    basis: { session: null, profile: null, epoch: state.epoch },
    session: { v: 1, turn: 1 },
    profile: newProfile(new Date(T)),
    addHistory: [entry('five-moves', 6)],
    ...extra,
  });
}

/** What is stored about a person, in one comparable value. */
async function snapshot(store: Store, personId: string) {
  const state = await store.loadTurn(personId, 10);
  return {
    session: state.session,
    profile: state.profile,
    history: state.history.map(({ id: _id, ...e }) => e),
    reminder: await store.getReminder(personId, 'slack'),
  };
}

export function turnContract(name: string, harness: () => StoreHarness): void {
  describe(`Store turn contract: ${name}`, function () {
    let h: StoreHarness;
    let store: Store;

    beforeEach(async function () {
      h = harness();
      await h.reset?.();
      store = await h.open();
    });
    afterEach(async function () {
      await store.close();
      await h.cleanup?.();
    });

    it('reads a person nobody has seen as nothing, at epoch 0', async function () {
      expect(await store.loadTurn(ALICE, 10)).to.deep.equal({ personId: ALICE, profile: undefined, session: undefined, history: [], epoch: 0 });
    });

    it('commits session, profile and history together, and reads them back as one picture', async function () {
      expect(await firstTurn(store, ALICE)).to.deep.equal({ ok: true, session: 1, profile: 1, epoch: 0 });
      const state = await store.loadTurn(ALICE, 10);
      expect(state.session).to.deep.equal({ value: { v: 1, turn: 1 }, version: 1 });
      expect(state.profile?.version).to.equal(1);
      expect(state.history.map((e) => e.painBefore)).to.deep.equal([6]);

      const [newest] = state.history;
      const next = await store.commitTurn(ALICE, {
        basis: { session: 1, profile: 1, epoch: state.epoch },
        session: { v: 1, turn: 2 },
        updateHistory: [{ id: newest!.id, patch: { settled: true } }],
      });
      expect(next).to.deep.equal({ ok: true, session: 2, profile: 1, epoch: 0 });
      const after = await store.loadTurn(ALICE, 10);
      expect(after.session?.value).to.deep.equal({ v: 1, turn: 2 });
      expect(after.history[0]).to.include({ settled: true, painBefore: 6 });
      expect(await store.loadTurn(BOB, 10)).to.deep.equal({ personId: BOB, profile: undefined, session: undefined, history: [], epoch: 0 });
    });

    it('refuses a turn read on an older session or profile, and writes none of it', async function () {
      await firstTurn(store, ALICE);
      const before = await snapshot(store, ALICE);
      const stale: TurnCommit[] = [
        // Another device moved the session on.
        { basis: { session: 0, profile: 1, epoch: 0 }, session: { v: 1, turn: 9 }, addHistory: [entry('x', 9)] },
        // The profile changed since (surface data, another turn): the session write must not land either.
        { basis: { session: 1, profile: 7, epoch: 0 }, session: { v: 1, turn: 9 }, profile: newProfile(new Date(T)), addHistory: [entry('x', 9)] },
        // Read as new, but the person exists: never inserts over them.
        { basis: { session: null, profile: null, epoch: 0 }, session: { v: 1, turn: 9 }, profile: newProfile(new Date(T)) },
        { basis: { session: 1, profile: null, epoch: 0 }, session: { v: 1, turn: 9 }, profile: newProfile(new Date(T)) },
      ];
      for (const commit of stale) expect(await store.commitTurn(ALICE, commit)).to.deep.equal({ ok: false, reason: 'conflict' });
      expect(await snapshot(store, ALICE)).to.deep.equal(before);
    });

    it('writes nothing when part of a turn cannot be stored (a value JSON cannot hold)', async function () {
      await firstTurn(store, ALICE);
      const before = await snapshot(store, ALICE);
      let failed: unknown;
      await store
        .commitTurn(ALICE, {
          basis: { session: 1, profile: 1, epoch: 0 },
          session: { v: 1, turn: 2 },
          addHistory: [entry('ok', 3), { bad: 1n } as unknown as HistoryEntry],
        })
        .catch((err: unknown) => (failed = err));
      expect(failed).to.be.instanceOf(Error);
      expect(await snapshot(store, ALICE)).to.deep.equal(before);
    });

    it('an erase is checked like a turn, removes everything, and moves the epoch on', async function () {
      await firstTurn(store, ALICE);
      await firstTurn(store, BOB);
      await store.putReminder(reminder(ALICE));
      const state = await store.loadTurn(ALICE, 10);
      // Erase on a stale picture: refused, nothing erased.
      expect(await store.commitTurn(ALICE, { basis: { session: 0, profile: 1, epoch: state.epoch }, erase: true })).to.deep.equal({ ok: false, reason: 'conflict' });
      expect((await snapshot(store, ALICE)).session).to.not.equal(undefined);

      const erased = await store.commitTurn(ALICE, { basis: { session: 1, profile: 1, epoch: state.epoch }, erase: true });
      expect(erased.ok).to.equal(true);
      const after = await store.loadTurn(ALICE, 10);
      expect(after.epoch).to.be.greaterThan(state.epoch);
      expect(erased).to.deep.equal({ ok: true, session: null, profile: null, epoch: after.epoch });
      expect(await snapshot(store, ALICE)).to.deep.equal({ session: undefined, profile: undefined, history: [], reminder: undefined });
      expect((await snapshot(store, BOB)).history).to.have.length(1);
    });

    it('nothing read before an erase lands after it: not a turn of a new person, not a reminder', async function () {
      const before = await store.loadTurn(ALICE, 10);
      await firstTurn(store, ALICE);
      await store.erasePerson(ALICE);
      // A turn read when Alice was new (no session, no profile) would insert without conflict but for the epoch.
      const late = await store.commitTurn(ALICE, {
        basis: { session: null, profile: null, epoch: before.epoch },
        session: { v: 1, turn: 1 },
        profile: newProfile(new Date(T)),
        addHistory: [entry('five-moves', 8)],
      });
      expect(late).to.deep.equal({ ok: false, reason: 'conflict' });
      expect(await store.putReminder(reminder(ALICE), { personId: ALICE, epoch: before.epoch })).to.equal(false);
      expect(await snapshot(store, ALICE)).to.deep.equal({ session: undefined, profile: undefined, history: [], reminder: undefined });
      // Read after the erase, the person starts again.
      const fresh = await store.loadTurn(ALICE, 10);
      expect(await store.putReminder(reminder(ALICE), { personId: ALICE, epoch: fresh.epoch })).to.equal(true);
      expect((await firstTurn(store, ALICE)).ok).to.equal(true);
    });

    it('a once-key makes a commit happen once; a refused commit leaves the key free', async function () {
      const state = await store.loadTurn(ALICE, 10);
      const commit = (turn: number, basis: number | null): TurnCommit => ({
        basis: { session: basis, epoch: state.epoch },
        session: { v: 1, turn },
        once: 'alexa:request:amzn1.echo-api.request.1',
      });
      // Refused on its basis: the key stays unclaimed.
      expect(await store.commitTurn(ALICE, commit(1, 5))).to.deep.equal({ ok: false, reason: 'conflict' });
      expect((await store.commitTurn(ALICE, commit(1, null))).ok).to.equal(true);
      expect(await store.commitTurn(ALICE, commit(2, 1))).to.deep.equal({ ok: false, reason: 'duplicate' });
      expect((await store.loadTurn(ALICE, 1)).session).to.deep.equal({ value: { v: 1, turn: 1 }, version: 1 });
      // And claimOnce sees the same key.
      expect(await store.claimOnce('alexa:request:amzn1.echo-api.request.1', Date.now())).to.equal(false);
    });

    it('a commit past its deadline is refused as late and changes nothing', async function () {
      const late = await firstTurn(store, ALICE, { deadline: Date.now() - 1 });
      expect(late).to.deep.equal({ ok: false, reason: 'late' });
      expect(await snapshot(store, ALICE)).to.deep.equal({ session: undefined, profile: undefined, history: [], reminder: undefined });
      expect((await firstTurn(store, ALICE, { deadline: Date.now() + 60_000 })).ok).to.equal(true);
    });

    it('a commit that checks only the profile (surface data) leaves the session alone', async function () {
      await firstTurn(store, ALICE);
      const profile = { ...newProfile(new Date(T)), surfaces: { slack: { channel: 'D1' } } };
      expect(await store.commitTurn(ALICE, { basis: { profile: 1, epoch: 0 }, profile })).to.deep.equal({ ok: true, session: null, profile: 2, epoch: 0 });
      const state = await store.loadTurn(ALICE, 10);
      expect(state.session?.version).to.equal(1);
      expect(state.profile).to.deep.equal({ value: profile, version: 2 });
    });

    it('with linked identities: a turn reads the person a surface id resolves to; a turn read before the link, or an erase, does not land', async function () {
      const WEB = 'web:phone';
      const beforeLink = await store.loadTurn(WEB, 10);
      await firstTurn(store, ALICE);
      const merged = await store.mergePerson({
        from: WEB,
        into: ALICE,
        read: { fromProfile: null, fromSession: null, intoProfile: 1, intoSession: 1 },
        profile: newProfile(new Date(T)),
        session: { v: 1, turn: 1 },
        now: T,
      });
      expect(merged.ok).to.equal(true);
      // Read as the web id before it was joined to Alice: it would leave rows nobody reads.
      const orphan = await store.commitTurn(WEB, { basis: { session: null, profile: null, epoch: beforeLink.epoch }, session: { v: 1, turn: 1 } });
      expect(orphan).to.deep.equal({ ok: false, reason: 'conflict' });

      const state = await store.loadTurn(WEB, 10);
      expect(state.personId).to.equal(ALICE);
      expect(state.history.map((e) => e.painBefore)).to.deep.equal([6]);
      const erased = await store.commitTurn(state.personId, { basis: { session: state.session!.version, profile: state.profile!.version, epoch: state.epoch }, erase: true });
      expect(erased.ok).to.equal(true);
      for (const id of [WEB, ALICE]) {
        expect(await store.resolvePerson(id)).to.equal(id);
        expect(await snapshot(store, id)).to.deep.equal({ session: undefined, profile: undefined, history: [], reminder: undefined });
      }
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

      it('an erase racing a turn: never both a successful erase and anything left behind', async function () {
        const [a, b] = pair;
        for (let round = 0; round < 25; round++) {
          const person = `race:${round}`;
          await firstTurn(a, person);
          const read = await b.loadTurn(person, 10);
          const [erase, turn] = await Promise.all([
            a.commitTurn(person, { basis: { session: 1, profile: 1, epoch: read.epoch }, erase: true }),
            b.commitTurn(person, {
              basis: { session: 1, profile: 1, epoch: read.epoch },
              session: { v: 1, turn: 2 },
              profile: { ...newProfile(new Date(T)), greeted: true },
              addHistory: [entry('spinal-love', 7)],
            }),
          ]);
          // Both read the same picture: exactly one of them lands.
          expect([erase.ok, turn.ok].filter(Boolean), `round ${round}`).to.have.length(1);
          const left = await snapshot(a, person);
          if (erase.ok) expect(left, `round ${round}`).to.deep.equal({ session: undefined, profile: undefined, history: [], reminder: undefined });
          else expect(left.history, `round ${round}`).to.have.length(2);
        }
      });
    });
  });
}
