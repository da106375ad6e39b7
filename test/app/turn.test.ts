import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCoachService, type CoachService, TurnLateError } from '../../src/app/service.js';
import type { Store } from '../../src/app/store.js';
import type { Intent } from '../../src/core/intents.js';
import { Profile } from '../../src/core/profile.js';
import { speechText } from '../../src/core/reply.js';
import { createLogger } from '../../src/log.js';
import { loadRoutines } from '../../src/routines/load.js';
import { MemoryStore, openStore } from '../../src/store/index.js';
import { screenedProfile } from '../scripts/script.js';

/**
 * A turn is one unit: what the person is told and what is stored never disagree, whatever fails or races.
 */

const routines = loadRoutines();
const NOW = new Date('2026-11-21T15:00:00Z');
const PERSON = 'alexa:amzn1.ask.account.turn-test';

function service(store: Store): CoachService {
  return createCoachService({ store, routines, log: createLogger('silent'), now: () => NOW });
}

async function say(coach: CoachService, ...intents: Intent[]) {
  let last;
  for (const intent of intents) last = await coach.handle({ personId: PERSON, surface: 'alexa', intent });
  return last!;
}

/** Back break, started, screened, pain 5 before, walked to the last question: pain after. */
const toPainAfter: Intent[] = [{ type: 'start', routine: 'back-break' }, { type: 'no' }, { type: 'yes' }, { type: 'painScore', score: 5 }];
for (let i = 0; i < 6; i++) toPainAfter.push({ type: 'next' });

describe('a turn is one unit', function () {
  let dir: string;
  beforeEach(function () {
    dir = mkdtempSync(join(tmpdir(), 'bb-turn-'));
  });
  afterEach(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a history write that fails leaves the session where it was; said again, the routine and its scores are recorded', async function () {
    const file = join(dir, 'bb.db');
    const store = await openStore(`sqlite:${file}`);
    const raw = new Database(file);
    try {
      await store.saveProfile(PERSON, screenedProfile(NOW), null);
      const coach = service(store);
      // Up to the last step: the next "next" finishes the routine and records it.
      await say(coach, ...toPainAfter.slice(0, -1));
      const failing = async (intent: Intent) => {
        const before = { session: await store.getSession(PERSON), history: await store.listHistory(PERSON, 5) };
        let failed: unknown;
        await say(coach, intent).catch((err: unknown) => (failed = err));
        expect(String(failed)).to.include('injected write failure');
        // Nothing moved: the person is asked the same again, and nothing of the turn was kept.
        expect(await store.getSession(PERSON)).to.deep.equal(before.session);
        expect(await store.listHistory(PERSON, 5)).to.deep.equal(before.history);
      };

      raw.exec(`CREATE TRIGGER fail_insert BEFORE INSERT ON history BEGIN SELECT RAISE(ABORT, 'injected write failure'); END`);
      raw.exec(`CREATE TRIGGER fail_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'injected write failure'); END`);
      await failing({ type: 'next' });
      raw.exec('DROP TRIGGER fail_insert');
      const asked = await say(coach, { type: 'next' });
      expect(asked.reply.moment).to.equal('painAfter');
      expect(await store.listHistory(PERSON, 5)).to.have.length(1);

      await failing({ type: 'painScore', score: 2 });
      raw.exec('DROP TRIGGER fail_update');
      const done = await say(coach, { type: 'painScore', score: 2 });
      expect(done.reply.moment).to.not.equal('painAfter');
      const [entry] = await store.listHistory(PERSON, 1);
      expect(entry).to.include({ routineId: 'back-break', painBefore: 5, painAfter: 2 });
    } finally {
      raw.close();
      await store.close();
    }
  });

  it('a turn past its deadline is refused and applies nothing', async function () {
    const store = new MemoryStore();
    await store.saveProfile(PERSON, screenedProfile(NOW), null);
    const coach = service(store);
    await say(coach, { type: 'start', routine: 'back-break' });
    const before = await store.getSession(PERSON);
    let failed: unknown;
    await coach.handle({ personId: PERSON, surface: 'alexa', intent: { type: 'no' }, deadline: Date.now() - 1 }).catch((err: unknown) => (failed = err));
    expect(failed).to.be.instanceOf(TurnLateError);
    expect(await store.getSession(PERSON)).to.deep.equal(before);
  });

  it('a repeated request id is applied once, and answered with where things stand', async function () {
    const store = new MemoryStore();
    await store.saveProfile(PERSON, screenedProfile(NOW), null);
    const coach = service(store);
    await say(coach, { type: 'start', routine: 'five-moves' }, { type: 'no' }, { type: 'yes' }, { type: 'painScore', score: 4 });
    const once = 'alexa:request:amzn1.echo-api.request.same';
    const first = await coach.handle({ personId: PERSON, surface: 'alexa', intent: { type: 'next' }, once });
    const again = await coach.handle({ personId: PERSON, surface: 'alexa', intent: { type: 'next' }, once });
    expect(first.stale).to.equal(false);
    expect(again.stale).to.equal(true);
    expect(again.turn).to.equal(first.turn);
    expect(again.reply.display.heading).to.equal(first.reply.display.heading);
    expect(((await store.getSession(PERSON))!.value as { turn: number }).turn).to.equal(first.turn);
  });

  it('"forget me" on one device while another takes a turn: when it says erased, nothing is left', async function () {
    const file = join(dir, 'race.db');
    const [a, b] = [await openStore(`sqlite:${file}`), await openStore(`sqlite:${file}`)];
    try {
      const deviceA = service(a);
      const deviceB = service(b);
      let erased = 0;
      for (let round = 0; round < 20; round++) {
        const person = `alexa:amzn1.ask.account.race-${round}`;
        const on = (coach: CoachService, intent: Intent) => coach.handle({ personId: person, surface: 'alexa', intent });
        await a.saveProfile(person, screenedProfile(NOW), null);
        for (const intent of [{ type: 'start', routine: 'five-moves' }, { type: 'no' }, { type: 'yes' }, { type: 'painScore', score: 4 }] as Intent[]) {
          await on(deviceA, intent);
        }
        await on(deviceA, { type: 'forgetMe' });
        const [yes] = await Promise.all([on(deviceA, { type: 'yes' }), on(deviceB, round % 2 ? { type: 'next' } : { type: 'launch' })]);
        const profile = await a.getProfile(person);
        const said = speechText(yes.reply);
        if (said.includes('erased everything')) {
          erased++;
          expect(profile === undefined || Profile.parse(profile.value).screening === undefined, `round ${round}: screening came back`).to.equal(true);
          expect(await a.listHistory(person, 5), `round ${round}`).to.deep.equal([]);
        } else {
          expect(profile, `round ${round}: not erased, so kept`).to.not.equal(undefined);
        }
      }
      expect(erased).to.be.greaterThan(0);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
