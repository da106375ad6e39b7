// `npm start`'s first step: builds dist/ when the server bundle is missing or older than any of its sources
// (listed in dist/build-info.json by the last build), then leaves. Plain JavaScript so the usual case, a fresh
// bundle, costs a stat of each source file and no TypeScript loader.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The newest modification time under a file or folder, in ms; 0 when it does not exist. */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

function staleReason() {
  let info;
  try {
    info = JSON.parse(readFileSync(join(root, 'dist/build-info.json'), 'utf8'));
  } catch {
    return 'no build yet';
  }
  if (newest(join(root, 'dist/server.js')) === 0) return 'no server bundle';
  const built = Date.parse(info.builtAt);
  const changed = info.sources.find((source) => newest(join(root, source)) > built);
  return changed ? `${changed} changed` : undefined;
}

const reason = staleReason();
if (reason) {
  console.error(`building dist/ (${reason})`);
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const run = spawnSync(process.execPath, [tsx, join(root, 'build/main.ts')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
