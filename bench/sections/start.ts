import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Row } from '../lib/report.js';
import { progress, SETTINGS, TMP } from '../lib/settings.js';
import { median, pairedRatio, spread } from '../lib/stats.js';

/**
 * Cold starts, each in a fresh process, interleaved with the floor: spawn to the first 200 from GET /healthz
 * (Back Break as `npm start` runs it, without npm itself, against bare express 5), and spawn to a Lambda
 * handler ready to be called (Back Break's Lambda module against ask-sdk-core with a skill built).
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

/** The `readyMs` a module-import script prints (performance.now() in the child: from its own start). */
function readyMs(args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve((JSON.parse(line) as { readyMs: number }).readyMs);
      } catch (err) {
        reject(new Error(`bench: ${args.join(' ')}: ${(err as Error).message} ${line}`));
      }
    });
  });
}

async function interleavedStarts(label: string, ours: () => Promise<number>, floor: () => Promise<number>): Promise<{ ours: number[]; floor: number[] }> {
  const out = { ours: [] as number[], floor: [] as number[] };
  await ours(); // warm caches (tsx's transform cache, the OS page cache) and migrate the database once
  await floor();
  for (let i = 0; i < SETTINGS.starts; i++) {
    if (i % 2 === 0) {
      out.floor.push(await floor());
      out.ours.push(await ours());
    } else {
      out.ours.push(await ours());
      out.floor.push(await floor());
    }
  }
  progress(`  ${label}: ours ${out.ours.map(Math.round).join(' ')} ms, floor ${out.floor.map(Math.round).join(' ')} ms`);
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
  const start = await interleavedStarts(
    'start to /healthz',
    () => timeToHealthy(command, { DATABASE_URL: db, LOG_LEVEL: 'info' }),
    () => timeToHealthy(`node ${join('bench', 'servers', 'bare-express.mjs')}`, {}),
  );
  rows.push({
    what: 'start to first /healthz',
    floorLabel: 'bare express 5 (node)',
    floor: median(start.floor),
    ourLabel: `\`${command}\``,
    ours: median(start.ours),
    unit: 'ms',
    ratio: pairedRatio(start.ours, start.floor),
    target: { op: '<=', value: 2, of: 'ratio' },
    spread: { ours: spread(start.ours), floor: spread(start.floor) },
    ...(transpiled ? { note: 'npm start runs the TypeScript source through tsx (transpiling at start)' } : {}),
  });

  const bundle = join(ROOT, 'dist/lambda/index.mjs');
  const bundled = existsSync(bundle);
  const lambdaModule = bundled ? bundle : join(ROOT, 'src/adapters/alexa/lambda.ts');
  const runner = [...(bundled ? [] : ['--import', 'tsx']), join('bench', 'servers', 'our-lambda.mjs')];
  progress(`lambda: ${SETTINGS.starts} interleaved imports of ${lambdaModule.slice(ROOT.length)} and of ask-sdk-core`);
  const lambda = await interleavedStarts(
    'Lambda import',
    () => readyMs(runner, { BENCH_LAMBDA_MODULE: lambdaModule, DATABASE_URL: 'memory:' }),
    () => readyMs([join('bench', 'servers', 'bare-lambda.mjs')]),
  );
  raw.start = { start, lambda, command, lambdaModule: lambdaModule.slice(ROOT.length) };
  rows.push({
    what: 'Lambda import (process start to handler ready)',
    floorLabel: 'bare ask-sdk-core + a skill (node)',
    floor: median(lambda.floor),
    ourLabel: bundled ? 'dist/lambda/index.mjs (node)' : 'src/adapters/alexa/lambda.ts (tsx)',
    ours: median(lambda.ours),
    unit: 'ms',
    ratio: pairedRatio(lambda.ours, lambda.floor),
    target: { op: '<=', value: 1.3, of: 'ratio' },
    spread: { ours: spread(lambda.ours), floor: spread(lambda.floor) },
    ...(bundled ? {} : { note: 'measured from the TypeScript source through tsx: no Lambda bundle in this checkout' }),
  });
}
