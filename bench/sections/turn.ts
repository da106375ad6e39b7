import { fork } from 'node:child_process';
import { compileBench, compiledArgs } from '../lib/compile.js';
import type { Row } from '../lib/report.js';
import { progress, SETTINGS, TMP } from '../lib/settings.js';
import { median, spread } from '../lib/stats.js';
import type { TurnParts } from '../servers/turn-parts.js';

/** One turn's parts, measured in-process by bench/servers/turn-parts.ts in a process of its own. */
export async function turnSection(rows: Row[], raw: Record<string, unknown>): Promise<void> {
  await compileBench();
  progress('turn: core step(), whole turns on SQLite, the store part against the SQLite floor');
  const { core: coreRuns, turn: turnRuns, storeCallsPerTurn } = await new Promise<TurnParts>((resolve, reject) => {
    const [launcher, args] = compiledArgs('turn-parts');
    const child = fork(launcher, args, {
      env: { ...process.env, BENCH_REPEATS: String(SETTINGS.repeats), BENCH_TURNS: String(SETTINGS.turns), BENCH_TMP: TMP },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.once('message', (msg: { result?: TurnParts; error?: string }) => (msg.result ? resolve(msg.result) : reject(new Error(`bench: turn parts: ${msg.error}`))));
    child.once('exit', (code) => code !== 0 && reject(new Error(`bench: turn parts exited with ${code}`)));
  });
  raw.turn = { core: coreRuns, turn: turnRuns, storeCallsPerTurn };

  const core50 = coreRuns.map((r) => r.p50);
  const core99 = coreRuns.map((r) => r.p99);
  rows.push({ what: 'core step() p50', floorLabel: '(absolute)', ourLabel: 'step()', ours: median(core50), unit: 'µs', target: { op: '<=', value: 15, of: 'value' }, spread: { ours: spread(core50) } });
  rows.push({ what: 'core step() p99', floorLabel: '(absolute)', ourLabel: 'step()', ours: median(core99), unit: 'µs', target: { op: '<=', value: 40, of: 'value' }, spread: { ours: spread(core99) } });
  const storeP50 = turnRuns.map((r) => r.storeP50);
  const floorP50 = turnRuns.map((r) => r.floorP50);
  const ratios = turnRuns.map((r) => r.storeP50 / r.floorP50);
  rows.push({
    what: 'store part of a turn p50',
    floorLabel: 'SQLite select + upsert, prepared',
    floor: median(floorP50),
    ourLabel: 'SQLite store',
    ours: median(storeP50),
    unit: 'µs',
    ratio: median(ratios),
    target: { op: '<=', value: 3, of: 'ratio' },
    spread: { ours: spread(storeP50), floor: spread(floorP50) },
    note: `store calls per turn: ${storeCallsPerTurn}`,
  });
  const whole50 = turnRuns.map((r) => r.p50);
  rows.push({
    what: 'whole turn on SQLite p50',
    floorLabel: '(absolute)',
    ourLabel: 'coach.handle(), no HTTP',
    ours: median(whole50),
    unit: 'µs',
    target: { op: '<=', value: 60, of: 'value' },
    spread: { ours: spread(whole50) },
    note: `p99 ${Math.round(median(turnRuns.map((r) => r.p99)))} µs`,
  });
}
