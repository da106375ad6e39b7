/**
 * Builds and starts the Dockerfile without Docker, as .ci/run does on machines with no engine and no image
 * registry: each stage is a folder standing for the image's file system; COPY copies (from the build
 * context as .dockerignore leaves it, or from an earlier stage), RUN runs in the stage's WORKDIR, ENV, USER,
 * HEALTHCHECK and CMD are kept. Then CMD starts as the numeric USER (setpriv), the HEALTHCHECK command is run
 * until it passes, and GET /readyz must answer 200.
 *
 * What cannot be repeated is said, not skipped silently: the base image is this machine (its Node must be the
 * image's major version), and `apt-get install` lines are checked against the machine's packages instead of
 * run. RUN lines must use paths relative to WORKDIR (no chroot here), and USER must be numeric and not 0.
 *
 *   tsx build/without-docker.ts [Dockerfile]     exit 0 when the image would build, start and be ready
 */
import { randomBytes } from 'node:crypto';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Stage {
  name: string;
  base: string;
  /** Folder standing for the stage's "/". */
  root: string;
  workdir: string;
  env: Record<string, string>;
  user?: { uid: number; gid: number };
  healthcheck?: string[];
  cmd?: string[];
}

/** Instructions, one per entry, continuation lines joined, comments left out. */
export function instructions(text: string): Array<{ op: string; args: string }> {
  const joined = text.replace(/\\\r?\n/g, ' ');
  return joined
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [op = '', ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

/** .dockerignore patterns as Docker reads them: from the context root, `*` within a name, `**` across. */
export function ignoredBy(patterns: string[]): (path: string) => boolean {
  const res = patterns.map((p) => {
    const body = p
      .replace(/^\/+|\/+$/g, '')
      .split('**')
      .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'))
      .join('.*');
    return new RegExp(`^${body}$`);
  });
  return (path) => {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) if (res.some((re) => re.test(parts.slice(0, i).join('/')))) return true;
    return false;
  };
}

function contextFiles(dir: string, ignored: (p: string) => boolean, under = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, under), { withFileTypes: true })) {
    const rel = under ? `${under}/${entry.name}` : entry.name;
    if (ignored(rel)) continue;
    if (entry.isDirectory()) out.push(...contextFiles(dir, ignored, rel));
    else out.push(rel);
  }
  return out;
}

const inStage = (stage: Stage, path: string) => join(stage.root, path.startsWith('/') ? path : join(stage.workdir, path));

function jsonArray(args: string, what: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string')) throw new Error(`${what} must be a JSON array of strings`);
  return parsed;
}

function log(line: string): void {
  console.log(`  ${line}`);
}

/** Runs the Dockerfile's stages into `into`; returns the last stage. */
export function buildStages(dockerfile: string, context: string, into: string): Stage {
  const stages: Stage[] = [];
  const ctxIgnore = ignoredBy(
    existsSync(join(context, '.dockerignore'))
      ? readFileSync(join(context, '.dockerignore'), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
      : [],
  );
  let stage: Stage | undefined;
  for (const { op, args } of instructions(readFileSync(dockerfile, 'utf8'))) {
    if (op === 'FROM') {
      const [base = '', as, name] = args.split(/\s+/);
      const major = /^node:(\d+)/.exec(base)?.[1];
      if (!major) throw new Error(`FROM ${base}: only node:<major>... images can stand in for this machine`);
      if (process.versions.node.split('.')[0] !== major) throw new Error(`FROM ${base}: this machine has Node ${process.version}`);
      stage = { name: as?.toUpperCase() === 'AS' && name ? name : String(stages.length), base, root: join(into, `stage-${stages.length}`), workdir: '/', env: {} };
      mkdirSync(stage.root, { recursive: true });
      stages.push(stage);
      log(`FROM ${base} (this machine's Node ${process.version}) -> ${stage.root}`);
      continue;
    }
    if (!stage) throw new Error(`${op} before FROM`);
    const s: Stage = stage;
    switch (op) {
      case 'WORKDIR':
        s.workdir = resolve(s.workdir, args);
        mkdirSync(inStage(s, s.workdir), { recursive: true });
        break;
      case 'ENV':
        for (const m of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) s.env[m[1]!] = m[2]!.replace(/^"|"$/g, '');
        break;
      case 'COPY': {
        const words = args.split(/\s+/);
        const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
        const chown = words.find((w) => w.startsWith('--chown='))?.slice('--chown='.length);
        const paths = words.filter((w) => !w.startsWith('--'));
        const dest = paths.pop()!;
        const target = inStage(s, dest);
        for (const src of paths) {
          if (from !== undefined) {
            const source = stages.find((x) => x.name === from);
            if (!source) throw new Error(`COPY --from=${from}: no such stage`);
            const path = inStage(source, src);
            if (!existsSync(path)) throw new Error(`COPY --from=${from} ${src}: not in that stage`);
            if (statSync(path).isDirectory()) cpSync(path, target, { recursive: true });
            else cpSync(path, dest.endsWith('/') ? join(target, basename(src)) : target);
          } else {
            const files = src === '.' ? contextFiles(context, ctxIgnore) : ctxIgnore(src) ? [] : [src];
            if (files.length === 0) throw new Error(`COPY ${src}: not in the build context (.dockerignore?)`);
            for (const f of files) {
              const to = src === '.' ? join(target, f) : dest.endsWith('/') || paths.length > 1 ? join(target, basename(f)) : target;
              mkdirSync(dirname(to), { recursive: true });
              cpSync(join(context, f), to);
            }
          }
        }
        if (chown) execFileSync('chown', ['-R', chown, target]);
        log(`COPY ${args}`);
        break;
      }
      case 'RUN': {
        if (/^apt-get\b/.test(args)) {
          const wanted = /install\s+(?:-\S+\s+)*([^&;]+)/.exec(args)?.[1]?.split(/\s+/).filter((w) => w && !w.startsWith('-')) ?? [];
          const missing = wanted.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
          if (missing.length) throw new Error(`RUN apt-get: not on this machine: ${missing.join(' ')}`);
          log(`RUN apt-get ... (not run: ${wanted.join(', ')} are on this machine)`);
          break;
        }
        if (/(^|[\s=])\/(?!dev\/null)[\w.]/.test(args)) throw new Error(`RUN with an absolute path cannot be repeated here: ${args}`);
        log(`RUN ${args}`);
        const run = spawnSync('sh', ['-c', args], { cwd: inStage(s, s.workdir), env: { ...process.env, ...s.env }, stdio: ['ignore', 'inherit', 'inherit'] });
        if (run.status !== 0) throw new Error(`RUN failed (exit ${run.status}): ${args}`);
        break;
      }
      case 'USER': {
        const m = /^(\d+)(?::(\d+))?$/.exec(args);
        if (!m) throw new Error(`USER ${args}: must be numeric (uid[:gid]) so a platform can tell it is not root`);
        s.user = { uid: Number(m[1]), gid: Number(m[2] ?? m[1]) };
        if (s.user.uid === 0) throw new Error('USER 0 is root');
        break;
      }
      case 'HEALTHCHECK':
        s.healthcheck = jsonArray(args.slice(args.indexOf('CMD ') + 4), 'HEALTHCHECK CMD');
        break;
      case 'CMD':
        s.cmd = jsonArray(args, 'CMD');
        break;
      case 'EXPOSE':
      case 'VOLUME':
      case 'ARG':
      case 'LABEL':
        break;
      default:
        throw new Error(`${op}: not repeated here; teach build/without-docker.ts or leave it out`);
    }
  }
  if (!stage) throw new Error('no FROM');
  return stage;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** Starts the final stage's CMD as its USER; waits for HEALTHCHECK, then checks /readyz; stops it. */
export async function startStage(stage: Stage, extraEnv: Record<string, string> = {}): Promise<{ healthyMs: number; rssKb: number }> {
  if (!stage.cmd) throw new Error('no CMD');
  if (!stage.user) throw new Error('no USER: the image would run as root');
  if (!stage.healthcheck) throw new Error('no HEALTHCHECK');
  const port = await freePort();
  // The image listens on 0.0.0.0 inside its own network; here it stays on this machine's loopback.
  const env = { PATH: process.env.PATH ?? '', ...stage.env, HOST: '127.0.0.1', PORT: String(port), ...extraEnv };
  const asUser = ['setpriv', `--reuid=${stage.user.uid}`, `--regid=${stage.user.gid}`, '--clear-groups', '--'];
  const cwd = join(stage.root, stage.workdir);
  const started = Date.now();
  const child = spawn(asUser[0]!, [...asUser.slice(1), ...stage.cmd], { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c) => (out += String(c)));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  try {
    let healthyMs = -1;
    while (Date.now() - started < 30_000) {
      if (child.exitCode !== null) throw new Error(`CMD exited ${child.exitCode}:\n${out}`);
      const probe = spawnSync(asUser[0]!, [...asUser.slice(1), ...stage.healthcheck], { cwd, env, timeout: 3000 });
      if (probe.status === 0) {
        healthyMs = Date.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    if (healthyMs < 0) throw new Error(`HEALTHCHECK never passed in 30 s:\n${out}`);
    const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
    if (Number(uid) !== stage.user.uid) throw new Error(`the server runs as uid ${uid}, not ${stage.user.uid}`);
    const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    if (ready.status !== 200) throw new Error(`/readyz answered ${ready.status}: ${await ready.text()}`);
    log(`CMD ${stage.cmd.join(' ')} as uid ${uid}: HEALTHCHECK passed after ${healthyMs} ms, /readyz 200, RSS ${Math.round(rssKb / 1024)} MB`);
    return { healthyMs, rssKb };
  } finally {
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) console.error(`  the server exited ${code} on SIGTERM`);
  }
}

function sizeOf(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((n, e) => n + sizeOf(join(path, e)), 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dockerfile = resolve(process.argv[2] ?? join(ROOT, 'Dockerfile'));
  const into = mkdtempSync(join(tmpdir(), 'bb-image-'));
  // The non-root user must be able to reach the stage's folders, as it would in an image.
  chmodSync(into, 0o755);
  // IMAGE_DATABASE_URL: start the image on that database (CI: the throwaway PostgreSQL) instead of SQLite.
  // PostgreSQL needs the key of the log's pseudonyms (LOG_PSEUDONYM_KEY); a throwaway one for this start.
  const extraEnv: Record<string, string> = process.env.IMAGE_DATABASE_URL
    ? { DATABASE_URL: process.env.IMAGE_DATABASE_URL, LOG_PSEUDONYM_KEY: randomBytes(32).toString('hex') }
    : {};
  console.log(`== the Dockerfile without Docker (${relative(ROOT, dockerfile) || dockerfile})`);
  try {
    const final = buildStages(dockerfile, dirname(dockerfile), into);
    log(`final stage: ${Math.round(sizeOf(final.root) / 1024 / 1024)} MB on top of the base image`);
    await startStage(final, extraEnv);
  } catch (err) {
    console.error(`the Dockerfile's steps failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  } finally {
    rmSync(into, { recursive: true, force: true });
  }
}
