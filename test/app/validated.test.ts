import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type Database from 'better-sqlite3';
import { createCoachService } from '../../src/app/service.js';
import type { Store, TurnState } from '../../src/app/store.js';
import type { Intent } from '../../src/core/intents.js';
import { createLogger } from '../../src/log.js';
import { loadRoutines } from '../../src/routines/load.js';
import { MemoryStore, openStore } from '../../src/store/index.js';
import { screenedProfile } from '../scripts/script.js';

/**
 * A turn does not parse and validate again the session this process wrote (or the profile it already
 * validated) while the stored row is still that version, and always reads what another writer left.
 */
const routines = loadRoutines();
const NOW = new Date('2026-11-21T15:00:00Z');
const PERSON = 'terminal:validated-test';
const Driver = createRequire(import.meta.url)('better-sqlite3') as typeof Database;

const service = (store: Store) => createCoachService({ store, routines, log: createLogger('silent'), now: () => NOW });
const intoRoutine: Intent[] = [{ type: 'start', routine: 'five-moves' }, { type: 'no' }, { type: 'yes' }, { type: 'painScore', score: 4 }];

async function say(coach: ReturnType<typeof service>, ...intents: Intent[]) {
  let last;
  for (const intent of intents) last = await coach.handle({ personId: PERSON, surface: 'terminal', intent });
  return last!;
}

/** A memory store that records which fields of the stored session a turn read. */
class Watched extends MemoryStore {
  fields = new Set<string>();
  override async loadTurn(personId: string, limit: number): Promise<TurnState> {
    const state = await super.loadTurn(personId, limit);
    if (!state.session) return state;
    const read = this.fields;
    const value = new Proxy(state.session.value as object, {
      get(target, key, receiver) {
        read.add(String(key));
        return Reflect.get(target, key, receiver);
      },
    });
    return { ...state, session: { ...state.session, value } };
  }
}

describe('application service: its own writes are not validated again', () => {
  it('takes the session it wrote, checking only the turn counter of the row read', async () => {
    const store = new Watched();
    await store.saveProfile(PERSON, screenedProfile(NOW), null);
    const coach = service(store);
    const first = await say(coach, ...intoRoutine);
    expect(first.reply.moment).to.equal('step');
    store.fields.clear();
    const next = await say(coach, { type: 'next' }, { type: 'back' }, { type: 'next' });
    expect(next.reply.display.position).to.deep.equal({ index: 2, total: 12 });
    expect([...store.fields]).to.deep.equal(['turn']);
  });

  it('parses the row another writer changed, even at the same version', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bb-validated-')), 'bb.db');
    const store = await openStore(`sqlite:${file}`);
    try {
      await store.saveProfile(PERSON, screenedProfile(NOW), null);
      const coach = service(store);
      const before = await say(coach, ...intoRoutine, { type: 'next' });
      expect(before.reply.display.position?.index).to.equal(2);
      // Behind the service's back, same version: the person is moved back to the first step, turn 40.
      const raw = new Driver(file);
      const row = raw.prepare('select data from sessions where person_id = ?').get(PERSON) as { data: string };
      const session = JSON.parse(row.data);
      raw.prepare('update sessions set data = ? where person_id = ?').run(JSON.stringify({ ...session, turn: 40, run: { ...session.run, index: 0 } }), PERSON);
      raw.close();
      const after = await say(coach, { type: 'repeat' });
      expect(after.turn).to.equal(41);
      expect(after.reply.display.position?.index).to.equal(1);
    } finally {
      await store.close();
    }
  });

  it("reads another instance's turn (a new version) instead of its own older one", async () => {
    const store = new MemoryStore();
    await store.saveProfile(PERSON, screenedProfile(NOW), null);
    const a = service(store);
    const b = service(store);
    await say(a, ...intoRoutine);
    const fromB = await say(b, { type: 'next' });
    const fromA = await say(a, { type: 'next' });
    expect(fromA.turn).to.equal(fromB.turn + 1);
    expect(fromA.reply.display.position?.index).to.equal(3);
  });

  it('after "forget me", starts from nothing, not from what it remembered', async () => {
    const store = new MemoryStore();
    await store.saveProfile(PERSON, screenedProfile(NOW), null);
    const coach = service(store);
    await say(coach, ...intoRoutine);
    await say(coach, { type: 'forgetMe' }, { type: 'yes' });
    const hello = await say(coach, { type: 'launch' });
    expect(hello.turn).to.be.lessThan(3);
    expect(hello.reply.moment).to.not.equal('step');
  });
});
