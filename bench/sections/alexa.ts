import { join } from 'node:path';
import { intentRequest } from '../../test/adapters/alexa/envelopes.js';
import { startChild } from '../lib/child.js';
import { cannon, type LoadRun, type RequestShape } from '../lib/load.js';
import type { Row } from '../lib/report.js';
import { type Contender, interleave, progress, SETTINGS, TMP } from '../lib/settings.js';
import { median, pairedRatio, spread } from '../lib/stats.js';

/**
 * POST /alexa: Back Break's server on SQLite and on memory against a bare ask-sdk skill on the same express
 * (bench/servers/bare-alexa.ts), each connection driving its own people through steady-state turns (next,
 * back, next, ... between two steps of a routine).
 */
const PEOPLE_PER_CONNECTION = 2;

function userId(slot: number, k: number): string {
  return `amzn1.ask.account.bench-${slot}-${k}`;
}

/** Next/back bodies per person, made once; each person alternates, across runs too. */
function alexaShape(connections: number): RequestShape {
  const bodies = Array.from({ length: connections }, (_, slot) =>
    Array.from({ length: PEOPLE_PER_CONNECTION }, (_, k) =>
      ['AMAZON.NextIntent', 'AMAZON.PreviousIntent'].map((name) => JSON.stringify(intentRequest(name, {}, { userId: userId(slot, k) }))),
    ),
  );
  const turns = bodies.map((people) => people.map(() => 0));
  const nextPerson = bodies.map(() => 0);
  return {
    path: '/alexa',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    next(slot) {
      const k = nextPerson[slot]!++ % PEOPLE_PER_CONNECTION;
      const parity = turns[slot]![k]!++ % 2;
      return { body: bodies[slot]![k]![parity]! };
    },
  };
}

export async function alexaSection(rows: Row[], raw: Record<string, unknown>): Promise<void> {
  const { connections, seconds, repeats } = SETTINGS;
  const people = Array.from({ length: connections }, (_, slot) => Array.from({ length: PEOPLE_PER_CONNECTION }, (_, k) => `alexa:${userId(slot, k)}`)).flat();
  progress('alexa: starting the bare skill and Back Break on SQLite and memory');
  const contenders: Contender[] = [
    { key: 'bare', child: await startChild('bare ask-sdk skill', 'bare-alexa') },
    { key: 'sqlite', child: await startChild('Back Break (SQLite)', 'backbreak', { BENCH_DATABASE_URL: `sqlite:${join(TMP, 'alexa.db')}` }) },
    { key: 'memory', child: await startChild('Back Break (memory)', 'backbreak', { BENCH_DATABASE_URL: 'memory:' }) },
  ];
  try {
    for (const c of contenders.slice(1)) await c.child.ask({ kind: 'seed', surface: 'alexa', people });
    // Each server's people alternate next and back on their own count.
    const shapes = Object.fromEntries(contenders.map((c) => [c.key, alexaShape(connections)]));
    for (const c of contenders.slice(1)) await probe(c.child.url, shapes[c.key]!.next(0).body, 'Step 2 of');
    progress('alexa: warming up');
    for (const c of contenders) await cannon(c.child, shapes[c.key]!, { connections, seconds: Math.min(2, seconds) });
    progress(`alexa: ${repeats} interleaved repeats of ${seconds} s at ${connections} connections`);
    const runs = await interleave(contenders, repeats, (c) => cannon(c.child, shapes[c.key]!, { connections, seconds }));
    raw.alexa = runs;
    checkClean(runs);
    const rps = (k: string) => runs[k]!.map((r) => r.rps);
    const p99 = (k: string) => runs[k]!.map((r) => r.p99Ms);
    const cpu = (k: string) => median(runs[k]!.map((r) => r.cpuUsPerRequest));
    const costNote = `server CPU per request: bare ${Math.round(cpu('bare'))} µs, SQLite ${Math.round(cpu('sqlite'))} µs, memory ${Math.round(cpu('memory'))} µs`;
    for (const store of ['sqlite', 'memory'] as const) {
      const label = store === 'sqlite' ? 'SQLite' : 'memory';
      rows.push({
        what: `Alexa turn, req/s (${label})`,
        floorLabel: 'bare ask-sdk + express',
        floor: median(rps('bare')),
        ourLabel: `/alexa on ${label}`,
        ours: median(rps(store)),
        unit: 'req/s',
        ratio: pairedRatio(rps(store), rps('bare')),
        ...(store === 'sqlite' ? { target: { op: '>=', value: 0.8, of: 'ratio' } as const, note: costNote } : {}),
        spread: { ours: spread(rps(store)), floor: spread(rps('bare')) },
      });
      rows.push({
        what: `Alexa p99 (${label})`,
        floorLabel: 'bare ask-sdk + express',
        floor: median(p99('bare')),
        ourLabel: `/alexa on ${label}`,
        ours: median(p99(store)),
        unit: 'ms',
        ratio: pairedRatio(p99(store), p99('bare')),
        ...(store === 'sqlite' ? { target: { op: '<=', value: 1.5, of: 'ratio' } as const } : {}),
        spread: { ours: spread(p99(store)), floor: spread(p99('bare')) },
      });
    }
  } finally {
    await Promise.all(contenders.map((c) => c.child.stop()));
  }
}

/** One request before the load: the steady-state turn must be the step it is meant to be, not an apology. */
async function probe(url: string, body: string, expected: string): Promise<void> {
  const res = await fetch(`${url}/alexa`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  if (res.status !== 200 || !text.includes(expected)) throw new Error(`bench: /alexa answered ${res.status} without "${expected}": ${text.slice(0, 200)}`);
}

/** A failed request would make a fast-looking run: the bench refuses to report one. */
export function checkClean(runs: Record<string, LoadRun[]>): void {
  for (const [key, list] of Object.entries(runs)) {
    const failures = list.reduce((n, r) => n + r.failures, 0);
    if (failures > 0) throw new Error(`bench: ${key} had ${failures} failed requests`);
  }
}
