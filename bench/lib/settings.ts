import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchChild } from './child.js';
import type { LoadRun } from './load.js';

/** Bench settings from the environment, bounded so that no setting makes a run unbounded. */
function setting(name: string, fallback: number, min: number, max: number): number {
  const raw = Number(process.env[name]);
  return Number.isFinite(raw) && process.env[name] !== '' ? Math.min(max, Math.max(min, raw)) : fallback;
}

const quick = process.env.BENCH_QUICK === '1';
export const SETTINGS = {
  /** Interleaved repeats of each measurement (A B A B ...). */
  repeats: setting('BENCH_REPEATS', quick ? 2 : 5, 1, 20),
  /** Seconds per HTTP load run. */
  seconds: setting('BENCH_SECONDS', quick ? 1.5 : 3, 0.5, 30),
  /** Concurrent connections of the load generator (the issue asks 20-50). */
  connections: setting('BENCH_CONNECTIONS', 32, 20, 50),
  /** Slack commands per second for the fixed-rate ack measurement. */
  slackRate: setting('BENCH_SLACK_RATE', 1000, 100, 5000),
  /** People for the RSS measurement. */
  people: setting('BENCH_PEOPLE', quick ? 2000 : 10_000, 100, 100_000),
  /** Process starts per contender for the start and import measurements. */
  starts: setting('BENCH_STARTS', quick ? 3 : 7, 1, 30),
  /** Timed turns per repeat for the in-process measurements. */
  turns: setting('BENCH_TURNS', quick ? 2000 : 5000, 200, 100_000),
};

/** A temporary folder for SQLite files, removed when the bench ends. */
export const TMP = mkdtempSync(join(tmpdir(), 'back-break-bench-'));
process.once('exit', () => rmSync(TMP, { recursive: true, force: true }));

export interface Contender {
  key: string;
  child: BenchChild;
}

/**
 * Runs `measure` for every contender, `repeats` times, interleaved (A B A B ..., the order flipped on every
 * other repeat so that neither side always goes first).
 */
export async function interleave(contenders: Contender[], repeats: number, measure: (c: Contender) => Promise<LoadRun>): Promise<Record<string, LoadRun[]>> {
  const runs: Record<string, LoadRun[]> = Object.fromEntries(contenders.map((c) => [c.key, []]));
  for (let r = 0; r < repeats; r++) {
    const order = r % 2 === 0 ? contenders : [...contenders].reverse();
    for (const c of order) {
      const run = await measure(c);
      logRun(c.key, run);
      runs[c.key]!.push(run);
    }
  }
  return runs;
}

export function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

/** One line per load run on stderr, so a long bench shows it is alive and a starved load generator shows. */
export function logRun(label: string, run: LoadRun): void {
  progress(
    `  ${label}: ${Math.round(run.rps)}/s p50 ${run.p50Ms.toFixed(2)} ms p99 ${run.p99Ms.toFixed(2)} ms, server ${Math.round(run.cpuUsPerRequest)} µs CPU/req, bench ${Math.round(run.loaderCpuUsPerRequest)} µs CPU/req${run.failures ? `, ${run.failures} FAILED` : ''}`,
  );
}
