/**
 * Store benchmark: one conversational turn's persistence (getProfile, getSession, saveSession with
 * compare-and-set) on each store, sequentially and with 8 people in parallel. Prints median and p99 per turn,
 * and ratios against baselines measured in the same run: JSON parse+stringify of the same profile and
 * session (the floor any store pays), and the memory store.
 *
 *   npm run bench                    memory and SQLite; PostgreSQL too when BENCH_DATABASE_URL or
 *                                    TEST_DATABASE_URL is set (tables go in a throwaway schema)
 *   BENCH_TURNS=5000 npm run bench   more turns per measurement (default 2000)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../src/app/store.js';
import { newProfile, type Profile } from '../src/core/profile.js';
import { MemoryStore } from '../src/store/memory.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { throwawaySchema } from '../test/store/pg.js';

const TURNS = Math.max(100, Math.min(100_000, Number(process.env.BENCH_TURNS ?? 2000) || 2000));
const WARMUP = Math.min(200, TURNS / 10);
const PARALLEL = 8;

interface Stats {
  median: number;
  p99: number;
  /** Turns per second over the whole measurement. */
  rate: number;
}

function profile(): Profile {
  const p = newProfile(new Date('2025-01-06T08:00:00Z'));
  return {
    ...p,
    timeZone: 'Europe/Berlin',
    greeted: true,
    screening: { answers: { redFlags: 'no', numbness: 'no', recentInjury: 'no', pregnancy: 'no' }, at: '2025-01-06T08:00:00Z' },
    surfaces: { slack: { channel: 'D0123456789', ts: '1736150400.000100' } },
  };
}

/** A session of the size the coach keeps: position in a routine, answers, a few flags. */
function session(turn: number): Record<string, unknown> {
  return {
    v: 1,
    turn,
    routineId: 'low-back-release',
    stepIndex: turn % 10,
    side: turn % 2 ? 'left' : 'right',
    phase: 'hold',
    startedAt: '2025-01-06T08:00:00.000Z',
    expect: 'command',
    painBefore: 4,
    skipped: ['cat-cow'],
    checkIns: Array.from({ length: 6 }, (_, i) => ({ step: `step-${i}`, answer: 'fine', at: 1736150400000 + i * 60_000 })),
    minutes: 10,
    handsFree: false,
  };
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function measure(turns: number, parallel: number, turn: (worker: number, i: number) => Promise<void>): Promise<Stats> {
  const times: number[] = [];
  const perWorker = Math.ceil(turns / parallel);
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: parallel }, async (_, w) => {
      for (let i = 0; i < perWorker; i++) {
        const t0 = process.hrtime.bigint();
        await turn(w, i);
        times.push(Number(process.hrtime.bigint() - t0) / 1000);
      }
    }),
  );
  const totalUs = Number(process.hrtime.bigint() - start) / 1000;
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p99: percentile(times, 0.99), rate: (times.length / totalUs) * 1e6 };
}

/** The floor: what a turn costs with no store at all, only (de)serialising the same JSON. */
function jsonTurn(): (worker: number, i: number) => Promise<void> {
  const stored = new Map<number, { p: string; s: string; v: number }>();
  return async (w, i) => {
    let row = stored.get(w);
    if (!row) stored.set(w, (row = { p: JSON.stringify(profile()), s: JSON.stringify(session(0)), v: 1 }));
    JSON.parse(row.p);
    const s = JSON.parse(row.s) as Record<string, unknown>;
    row.s = JSON.stringify({ ...session(i), turn: (s.turn as number) + 1 });
    row.v++;
  };
}

async function storeTurn(store: Store, prefix: string): Promise<(worker: number, i: number) => Promise<void>> {
  for (let w = 0; w < PARALLEL; w++) {
    await store.saveProfile(`${prefix}:${w}`, profile(), null);
    await store.saveSession(`${prefix}:${w}`, session(0), null);
  }
  return async (w, i) => {
    const person = `${prefix}:${w}`;
    const p = await store.getProfile(person);
    const s = await store.getSession(person);
    if (!p || !s) throw new Error('bench: missing row');
    const r = await store.saveSession(person, session(i), s.version);
    if (!r.ok) throw new Error('bench: unexpected conflict (one writer per person)');
  };
}

interface Row {
  name: string;
  mode: string;
  stats: Stats;
}

async function benchStore(name: string, open: () => Promise<Store>, rows: Row[]): Promise<void> {
  const store = await open();
  try {
    for (const [mode, parallel] of [
      ['sequential', 1],
      [`${PARALLEL} in parallel`, PARALLEL],
    ] as const) {
      const turn = await storeTurn(store, `bench:${mode.replace(/\W/g, '')}`);
      await measure(WARMUP, parallel, turn);
      rows.push({ name, mode, stats: await measure(TURNS, parallel, turn) });
    }
  } finally {
    await store.close();
  }
}

const fmt = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b >= 100 ? 0 : 1)}x`;

async function main(): Promise<void> {
  const rows: Row[] = [];
  const notes: string[] = [];

  for (const [mode, parallel] of [
    ['sequential', 1],
    [`${PARALLEL} in parallel`, PARALLEL],
  ] as const) {
    const turn = jsonTurn();
    await measure(WARMUP, parallel, turn);
    rows.push({ name: 'JSON only (baseline)', mode, stats: await measure(TURNS, parallel, turn) });
  }

  await benchStore('memory', async () => new MemoryStore(), rows);

  const dir = mkdtempSync(join(tmpdir(), 'back-break-bench-'));
  try {
    await benchStore('sqlite (file, WAL)', () => openSqliteStore(`sqlite:${join(dir, 'bench.db')}`), rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    const schema = throwawaySchema(pgUrl, 'bb_bench');
    try {
      await benchStore('postgres', () => openPostgresStore(pgUrl, { schema: schema.name, poolSize: PARALLEL }), rows);
    } finally {
      await schema.drop();
    }
  } else {
    notes.push('postgres: SKIPPED (set BENCH_DATABASE_URL or TEST_DATABASE_URL to include it)');
  }

  const baseline = (mode: string, name: string) => rows.find((r) => r.mode === mode && r.name === name)!.stats;
  console.log(`Store benchmark: one turn = getProfile + getSession + saveSession (compare-and-set); ${TURNS} turns per row`);
  console.log(`node ${process.version}, ${new Date().toISOString()}\n`);
  const header = ['store', 'mode', 'median', 'p99', 'turns/s', 'median vs JSON', 'median vs memory', 'p99 vs memory'];
  const table = rows.map((r) => {
    const json = baseline(r.mode, 'JSON only (baseline)');
    const mem = baseline(r.mode, 'memory');
    return [
      r.name,
      r.mode,
      fmt(r.stats.median),
      fmt(r.stats.p99),
      Math.round(r.stats.rate).toLocaleString('en-US'),
      ratio(r.stats.median, json.median),
      ratio(r.stats.median, mem.median),
      ratio(r.stats.p99, mem.p99),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
  for (const note of notes) console.log(`\n${note}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
