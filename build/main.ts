/**
 * `npm run build`: compiles the data (build/data.ts) and bundles the server (dist/server.js, which
 * `npm start` runs) and the Lambda (dist/lambda/index.mjs). Writes dist/build-info.json, which
 * build/ensure.mjs reads to tell whether the bundle is older than its sources.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleLambda, bundleServer } from './bundle.js';
import { compileData, DATA_STEPS, dataFor } from './data.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');

/** Files the server serves as they are, copied beside the bundle (the web coach looks in ./public first). */
const ASSETS = [{ from: 'src/adapters/web/public', to: 'public' }];

/** Everything a bundle is made from; a change to any of them makes the build stale. */
export const BUILD_SOURCES = ['src', 'build', 'package.json', 'package-lock.json', ...DATA_STEPS.flatMap((s) => s.sources)];

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} kB`;
}

export async function buildAll(): Promise<Record<string, number>> {
  process.chdir(ROOT);
  const started = Date.now();
  for (const part of ['server.js', 'server.js.map', 'lambda', 'data', ...ASSETS.map((a) => a.to)]) rmSync(join(DIST, part), { recursive: true, force: true });
  const data = compileData(join(DIST, 'data'));
  for (const asset of ASSETS) cpSync(join(ROOT, asset.from), join(DIST, asset.to), { recursive: true });
  const [server, lambda] = await Promise.all([bundleServer(DIST, dataFor('server', data)), bundleLambda(join(DIST, 'lambda'), dataFor('lambda', data))]);
  const files = { ...server.files, ...lambda.files };
  writeFileSync(join(DIST, 'build-info.json'), `${JSON.stringify({ builtAt: new Date(started).toISOString(), sources: [...new Set(BUILD_SOURCES)] }, null, 2)}\n`);
  for (const [file, bytes] of Object.entries(files)) console.log(`  ${relative(ROOT, join(ROOT, file)).padEnd(40)} ${kb(bytes)}`);
  console.log(`built dist/ in ${Date.now() - started} ms`);
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildAll().catch((err: unknown) => {
    console.error(`build failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
