/**
 * `npm run bench:lambda`: the Lambda bundle's cold start against a bare ask-sdk skill bundle, both built in
 * this run with the same esbuild settings (build/bundle.ts), each start a fresh Node process, interleaved.
 * A start is measured as Lambda's Node runtime does the work: import the handler module, then answer a launch
 * envelope (memory: store for ours). Prints medians and the ratio ours/bare; the target is 1.3x or less.
 *
 *   BENCH_COLD_STARTS=30 npm run bench:lambda    starts per bundle (default 20, 5 to 200)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchRequest } from '../test/adapters/alexa/envelopes.js';
import { bundleLambda } from '../build/bundle.js';
import { compileData, dataFor } from '../build/data.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STARTS = Math.max(5, Math.min(200, Number(process.env.BENCH_COLD_STARTS ?? 20) || 20));
const TARGET = 1.3;

/** The floor: the smallest useful ask-sdk skill, one handler that says hello, as a Lambda handler. */
const BARE_SKILL = `import { SkillBuilders } from 'ask-sdk-core';
export const handler = SkillBuilders.custom()
  .addRequestHandlers({ canHandle: () => true, handle: (input) => input.responseBuilder.speak('Hello.').reprompt('Hello?').getResponse() })
  .lambda();
`;

/** Run in a fresh process per start: the times from the process's origin (performance.now()). */
const DRIVER = `const before = performance.now();
const { handler } = await import(process.argv[2]);
const imported = performance.now();
const envelope = JSON.parse(process.argv[3]);
const answer = await new Promise((resolve, reject) => {
  const r = handler(envelope, {}, (err, res) => (err ? reject(err) : resolve(res)));
  if (r && typeof r.then === 'function') r.then(resolve, reject);
});
if (!answer?.response?.outputSpeech) throw new Error('no speech in the answer');
const answered = performance.now();
process.stdout.write(JSON.stringify({ importMs: imported - before, readyMs: imported, answeredMs: answered }));
`;

export interface Start {
  importMs: number;
  readyMs: number;
  answeredMs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function coldStart(driver: string, bundle: string, envelope: string): Start {
  const run = spawnSync(process.execPath, [driver, bundle, envelope], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'memory:', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`cold start of ${bundle} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Start;
}

export interface ColdStarts {
  ours: Start[];
  bare: Start[];
  /** Bundle sizes in bytes. */
  bytes: { ours: number; bare: number };
}

/** Both bundles built, then `starts` fresh processes of each, interleaved (also used by npm run bench). */
export async function coldStarts(starts: number): Promise<ColdStarts> {
  // Outside the repository, so neither bundle can reach node_modules: what Lambda gets is what is measured.
  const dir = mkdtempSync(join(tmpdir(), 'bb-lambda-bench-'));
  const cwd = process.cwd();
  try {
    process.chdir(ROOT);
    const ours = join(dir, 'ours');
    const bare = join(dir, 'bare');
    await bundleLambda(ours, dataFor('lambda', compileData(join(dir, 'data'))));
    const bareSource = join(ROOT, 'bench', `.bare-skill-${process.pid}.mjs`);
    writeFileSync(bareSource, BARE_SKILL);
    try {
      await bundleLambda(bare, {}, bareSource);
    } finally {
      rmSync(bareSource, { force: true });
    }
    const driver = join(dir, 'driver.mjs');
    writeFileSync(driver, DRIVER);
    const envelope = JSON.stringify(launchRequest());
    const results: ColdStarts = {
      ours: [],
      bare: [],
      bytes: { ours: statSync(join(ours, 'index.mjs')).size, bare: statSync(join(bare, 'index.mjs')).size },
    };
    coldStart(driver, join(ours, 'index.mjs'), envelope); // one each to warm the disk cache, not counted
    coldStart(driver, join(bare, 'index.mjs'), envelope);
    for (let i = 0; i < starts; i++) {
      results.ours.push(coldStart(driver, join(ours, 'index.mjs'), envelope));
      results.bare.push(coldStart(driver, join(bare, 'index.mjs'), envelope));
    }
    return results;
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const results = await coldStarts(STARTS);
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} kB`;
  const row = (name: string, pick: (s: Start) => number) => {
    const o = median(results.ours.map(pick));
    const b = median(results.bare.map(pick));
    console.log(`  ${name.padEnd(34)} ${o.toFixed(1).padStart(7)} ms ${b.toFixed(1).padStart(7)} ms   ${(o / b).toFixed(2)}x`);
    return o / b;
  };
  console.log(`Lambda cold start, ${STARTS} fresh processes each, interleaved, medians (node ${process.version}):`);
  console.log(`  bundles: ours ${kb(results.bytes.ours)}, bare ask-sdk skill ${kb(results.bytes.bare)}`);
  console.log(`  ${''.padEnd(34)} ${'ours'.padStart(10)} ${'bare'.padStart(10)}   ratio`);
  const ratio = row('import of the handler module', (s) => s.importMs);
  row('process start to handler ready', (s) => s.readyMs);
  row('process start to first answer', (s) => s.answeredMs);
  console.log(`cold-start import ratio ${ratio.toFixed(2)}x (target <= ${TARGET}x: ${ratio <= TARGET ? 'met' : 'NOT met'})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
