import { fork } from 'node:child_process';
import { compileBench, compiledArgs } from '../lib/compile.js';
import type { Row } from '../lib/report.js';
import { progress, SETTINGS } from '../lib/settings.js';
import { median, spread } from '../lib/stats.js';
import type { UnderstandingParts } from '../servers/understanding.js';

/** Runs bench/servers/understanding.ts in a fresh process, `starts` times (each start measures loading anew). */
async function once(): Promise<UnderstandingParts> {
  const [launcher, args] = compiledArgs('understanding');
  return new Promise<UnderstandingParts>((resolve, reject) => {
    const child = fork(launcher, args, { env: { ...process.env, BENCH_REPEATS: String(SETTINGS.repeats) }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('message', (msg: { result?: UnderstandingParts; error?: string }) => (msg.result ? resolve(msg.result) : reject(new Error(`bench: understanding: ${msg.error}`))));
    child.once('exit', (code) => code !== 0 && reject(new Error(`bench: understanding exited with ${code}`)));
  });
}

/** The typed understanding (issue 9): a reading under 1 ms at p99 for phrasings up to 20 words, ready in under 1 s. */
export async function understandingSection(rows: Row[], raw: Record<string, unknown>): Promise<void> {
  await compileBench();
  progress('understanding: loading the model, and reading typed words at their moment');
  const starts: UnderstandingParts[] = [];
  for (let i = 0; i < Math.min(3, SETTINGS.starts); i++) starts.push(await once());
  raw.understanding = starts;
  const runs = starts.flatMap((s) => s.runs);
  const p99 = runs.map((r) => r.p99);
  const p50 = runs.map((r) => r.p50);
  const ready = starts.map((s) => s.readyMs);
  const { phrasings, longest } = starts[0]!;
  rows.push({
    what: 'typed understanding p99, phrasings up to 20 words',
    floorLabel: '(absolute)',
    ourLabel: 'understand(), classifier and recognisers',
    ours: median(p99),
    unit: 'µs',
    target: { op: '<=', value: 1000, of: 'value' },
    spread: { ours: spread(p99) },
    note: `p50 ${median(p50).toFixed(0)} µs; ${phrasings} phrasings (the evaluation set, and 20-word ones), at most ${longest} words`,
  });
  rows.push({
    what: 'typed understanding ready',
    floorLabel: '(absolute)',
    ourLabel: 'import and load the committed model',
    ours: median(ready),
    unit: 'ms',
    target: { op: '<=', value: 1000, of: 'value' },
    spread: { ours: spread(ready) },
  });
}
