import Database from 'better-sqlite3';
import { join } from 'node:path';
import { pino } from 'pino';
import { createCoachService } from '../../src/app/service.js';
import type { Store } from '../../src/app/store.js';
import { step } from '../../src/core/coach.js';
import type { CoachContext } from '../../src/core/context.js';
import { Profile } from '../../src/core/profile.js';
import { parseSession, type Session } from '../../src/core/session.js';
import { createLogger } from '../../src/log.js';
import { loadRoutines } from '../../src/routines/load.js';
import { MemoryStore } from '../../src/store/memory.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { summarise } from '../lib/stats.js';
import { steadyIntent, walkIntoRoutine } from '../lib/walk.js';

/**
 * The in-process measurements of one turn's parts, without HTTP, in a process of their own (bench/sections/
 * turn.ts starts it and reads the result over IPC): the core's step() alone; a whole turn through the
 * application service on SQLite (load, step, save, logging at the production level into /dev/null); and the
 * store's part of that turn against the floor any SQLite store pays (one select and one upsert of the same
 * rows through better-sqlite3 statements prepared once), interleaved turn by turn.
 */
const PEOPLE = 8;
const repeats = Number(process.env.BENCH_REPEATS);
const turns = Number(process.env.BENCH_TURNS);
const TMP = process.env.BENCH_TMP!;

export interface TurnParts {
  core: Array<{ p50: number; p99: number }>;
  turn: Array<{ p50: number; p99: number; storeP50: number; floorP50: number }>;
  storeCallsPerTurn: string;
}

async function measure(): Promise<TurnParts> {
  const routines = loadRoutines();

  // --- the core alone: a session in the middle of a routine, next and back in turn.
  const seedStore = new MemoryStore();
  const seedCoach = createCoachService({ store: seedStore, routines, log: pino({ level: 'silent' }) });
  await walkIntoRoutine(seedCoach, 'terminal:core', 'terminal');
  const profile = Profile.parse((await seedStore.getProfile('terminal:core'))!.value);
  let session: Session | undefined = parseSession((await seedStore.getSession('terminal:core'))!.value);
  const ctx: CoachContext = { now: new Date(), routines, profile, history: [], channel: 'voice', recovered: false };
  const coreRuns: Array<{ p50: number; p99: number }> = [];
  for (let i = 0; i < turns; i++) session = step(session, steadyIntent(i), ctx).session; // warm-up
  for (let r = 0; r < repeats; r++) {
    const times: number[] = [];
    for (let i = 0; i < turns; i++) {
      const t0 = process.hrtime.bigint();
      session = step(session, steadyIntent(i), ctx).session;
      times.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    const s = summarise(times);
    coreRuns.push({ p50: s.p50, p99: s.p99 });
  }
  if (session?.moment !== 'step') throw new Error(`bench: the core left the routine (moment ${session?.moment})`);

  // --- a whole turn on SQLite, and the store's part of it, interleaved with the floor.
  const sqlite = await openSqliteStore(`sqlite:${join(TMP, 'turn.db')}`);
  const timed = new StoreTimer(sqlite);
  const coach = createCoachService({ store: timed.store, routines, log: createLogger('info', pino.destination({ dest: '/dev/null', sync: true })) });
  const people = Array.from({ length: PEOPLE }, (_, i) => `terminal:bench-${i}`);
  for (const p of people) await walkIntoRoutine(coach, p, 'terminal');
  const floor = new SqliteFloor(join(TMP, 'floor.db'), people, await sqlite.getProfile(people[0]!), await sqlite.getSession(people[0]!));

  const count = new Map<string, number>();
  const turn = async (i: number) => {
    const personId = people[i % PEOPLE]!;
    const n = count.get(personId) ?? 0;
    count.set(personId, n + 1);
    await coach.handle({ personId, surface: 'terminal', intent: steadyIntent(n) });
  };
  for (let i = 0; i < turns; i++) await turn(i); // warm-up
  for (let i = 0; i < turns; i++) floor.turn(i);
  const turnRuns: Array<{ p50: number; p99: number; storeP50: number; floorP50: number }> = [];
  for (let r = 0; r < repeats; r++) {
    const whole: number[] = [];
    const store: number[] = [];
    const floorTimes: number[] = [];
    for (let i = 0; i < turns; i++) {
      timed.reset();
      const t0 = process.hrtime.bigint();
      await turn(i);
      whole.push(Number(process.hrtime.bigint() - t0) / 1000);
      store.push(timed.busyUs);
      const f0 = process.hrtime.bigint();
      floor.turn(i);
      floorTimes.push(Number(process.hrtime.bigint() - f0) / 1000);
    }
    const w = summarise(whole);
    turnRuns.push({ p50: w.p50, p99: w.p99, storeP50: summarise(store).p50, floorP50: summarise(floorTimes).p50 });
  }
  await sqlite.close();
  floor.close();
  return { core: coreRuns, turn: turnRuns, storeCallsPerTurn: timed.callsPerTurn() };
}

/**
 * The store with every call timed: `busyUs` is the wall time during which at least one store call was under
 * way (calls that overlap, as in a Promise.all, count once), so it is the store's part of the turn whatever
 * shape the Store API has.
 */
class StoreTimer {
  readonly store: Store;
  busyUs = 0;
  private active = 0;
  private since = 0n;
  private calls: string[] = [];
  private lastCalls: string[] = [];

  constructor(inner: Store) {
    this.store = new Proxy(inner, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function' || prop === 'close') return value;
        return (...args: unknown[]) => {
          this.calls.push(String(prop));
          if (this.active++ === 0) this.since = process.hrtime.bigint();
          const settle = () => {
            if (--this.active === 0) this.busyUs += Number(process.hrtime.bigint() - this.since) / 1000;
          };
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (result instanceof Promise) return result.finally(settle);
          settle();
          return result;
        };
      },
    });
  }

  reset(): void {
    this.busyUs = 0;
    this.lastCalls = this.calls;
    this.calls = [];
  }

  callsPerTurn(): string {
    return (this.calls.length ? this.calls : this.lastCalls).join(', ');
  }
}

/** What any SQLite store must do for a turn: read the person's row, write it back; statements prepared once. */
class SqliteFloor {
  private readonly db: Database.Database;
  private readonly select: Database.Statement;
  private readonly upsert: Database.Statement;

  constructor(
    path: string,
    private readonly people: string[],
    profile: { value: unknown } | undefined,
    session: { value: unknown } | undefined,
  ) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec('CREATE TABLE person (id TEXT PRIMARY KEY, profile TEXT NOT NULL, session TEXT NOT NULL, version INTEGER NOT NULL)');
    this.select = this.db.prepare('SELECT profile, session, version FROM person WHERE id = ?');
    this.upsert = this.db.prepare(
      'INSERT INTO person (id, profile, session, version) VALUES (?, ?, ?, 1) ON CONFLICT (id) DO UPDATE SET session = excluded.session, version = version + 1',
    );
    for (const id of people) this.upsert.run(id, JSON.stringify(profile?.value ?? {}), JSON.stringify(session?.value ?? {}));
  }

  turn(i: number): void {
    const id = this.people[i % this.people.length]!;
    const row = this.select.get(id) as { profile: string; session: string; version: number };
    JSON.parse(row.profile);
    const session = JSON.parse(row.session) as { turn?: number };
    this.upsert.run(id, row.profile, JSON.stringify({ ...session, turn: (session.turn ?? 0) + 1 }));
  }

  close(): void {
    this.db.close();
  }
}

measure().then(
  (result) => process.send!({ result }, () => process.exit(0)),
  (err: unknown) => process.send!({ error: err instanceof Error ? err.stack : String(err) }, () => process.exit(1)),
);
