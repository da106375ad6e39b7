import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coldStarts, type Start } from '../lambda-cold-start.js';
import type { Row } from '../lib/report.js';
import { progress, SETTINGS, TMP } from '../lib/settings.js';
import { median, pairedRatio, spread } from '../lib/stats.js';

/**
 * Cold starts, each in a fresh process, interleaved with the floor: spawn to the first 200 from GET /healthz
 * (Back Break as `npm start` runs it, without npm itself, against bare express 5), and the Lambda bundle's
 * import against a bare ask-sdk skill bundled alike (bench/lambda-cold-start.ts).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const POLL_MS = 2;
const START_LIMIT_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });
}

/** `npm start`'s command, run by a shell with node_modules/.bin on the PATH as npm runs it. */
function startCommand(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return pkg.scripts.start!;
}

/** Milliseconds from spawn to the first 200 on /healthz; the process group is then stopped. */
async function timeToHealthy(command: string, env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn('sh', ['-c', command], {
    cwd: ROOT,
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let dead = false;
  void exited.then(() => (dead = true));
  try {
    while (!(await healthy(port))) {
      if (dead) throw new Error(`bench: "${command}" exited before /healthz answered`);
      if (performance.now() - t0 > START_LIMIT_MS) throw new Error(`bench: "${command}" not healthy in ${START_LIMIT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    return performance.now() - t0;
  } finally {
    if (!dead) process.kill(-child.pid!, 'SIGTERM');
    const timer = setTimeout(() => !dead && process.kill(-child.pid!, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Each contender started `SETTINGS.starts` times, in turn, the order rotating every round; one warm-up each. */
async function interleavedStarts(label: string, contenders: Record<string, () => Promise<number>>): Promise<Record<string, number[]>> {
  const names = Object.keys(contenders);
  const out: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (const name of names) await contenders[name]!(); // warm the OS page cache and migrate the database once
  for (let i = 0; i < SETTINGS.starts; i++) {
    const order = names.map((_, k) => names[(k + i) % names.length]!);
    for (const name of order) out[name]!.push(await contenders[name]!());
  }
  progress(`  ${label}: ${names.map((n) => `${n} ${out[n]!.map(Math.round).join(' ')} ms`).join('; ')}`);
  return out;
}

/** The bundles `npm start` and the Lambda run, built now if missing or stale (build/ensure.mjs), when the project has them. */
function ensureBuilt(): void {
  if (!existsSync(join(ROOT, 'build/ensure.mjs'))) return;
  const run = spawnSync(process.execPath, ['build/ensure.mjs'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error('bench: build/ensure.mjs failed');
}

export async function startSection(rows: Row[], raw: Record<string, unknown>): Promise<void> {
  ensureBuilt();
  const command = startCommand();
  const transpiled = /\btsx\b/.test(command);
  progress(`start: ${SETTINGS.starts} interleaved starts of "${command}" and bare express`);
  const db = `sqlite:${join(TMP, 'start.db')}`;
  const bundle = join(ROOT, 'dist/server.js');
  const bundled = existsSync(bundle) && !transpiled;
  const env = { DATABASE_URL: db, LOG_LEVEL: 'info' };
  const start = await interleavedStarts('start to /healthz', {
    ours: () => timeToHealthy(command, env),
    ...(bundled ? { bundle: () => timeToHealthy('exec node dist/server.js', env) } : {}),
    floor: () => timeToHealthy(`exec node ${join('bench', 'servers', 'bare-express.mjs')}`, {}),
  });
  const bundleNote = bundled
    ? `the server bundle alone (\`node dist/server.js\`): ${Math.round(median(start.bundle!))} ms, ${pairedRatio(start.bundle!, start.floor!).toFixed(2)}x; it is ${(statSync(bundle).size / 2 ** 20).toFixed(1)} MB of JavaScript for V8 to compile before anything runs`
    : undefined;
  rows.push({
    what: 'start to first /healthz',
    floorLabel: 'bare express 5 (node)',
    floor: median(start.floor!),
    ourLabel: `\`${command}\``,
    ours: median(start.ours!),
    unit: 'ms',
    ratio: pairedRatio(start.ours!, start.floor!),
    target: { op: '<=', value: 2, of: 'ratio' },
    spread: { ours: spread(start.ours!), floor: spread(start.floor!) },
    note: transpiled ? 'npm start runs the TypeScript source through tsx (transpiling at start)' : bundleNote,
  });

  // The deploy work's cold-start bench (bench/lambda-cold-start.ts): both Lambdas bundled with the same esbuild
  // settings outside the repository, a fresh process per start, interleaved.
  progress(`lambda: ${SETTINGS.starts * 2} interleaved cold starts of the Lambda bundle and of a bare ask-sdk skill bundle`);
  const cold = await coldStarts(SETTINGS.starts * 2);
  const pick = (list: Start[], f: (s: Start) => number) => list.map(f);
  const oursImport = pick(cold.ours, (s) => s.importMs);
  const bareImport = pick(cold.bare, (s) => s.importMs);
  const answered = (list: Start[]) => median(pick(list, (s) => s.answeredMs));
  raw.start = { start, command, lambda: cold };
  rows.push({
    what: 'Lambda import of the handler module',
    floorLabel: 'bare ask-sdk skill, bundled alike',
    floor: median(bareImport),
    ourLabel: `Lambda bundle (${Math.round(cold.bytes.ours / 1024)} kB)`,
    ours: median(oursImport),
    unit: 'ms',
    ratio: pairedRatio(oursImport, bareImport),
    target: { op: '<=', value: 1.3, of: 'ratio' },
    spread: { ours: spread(oursImport), floor: spread(bareImport) },
    note: `process start to first answer (a launch, memory store): ${Math.round(answered(cold.ours))} ms against ${Math.round(answered(cold.bare))} ms, ${(answered(cold.ours) / answered(cold.bare)).toFixed(2)}x; bare bundle ${Math.round(cold.bytes.bare / 1024)} kB`,
  });
}
