import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The server and the chat started as a person would: through npm, in a child process. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const env = (extra: Record<string, string>) => {
  const e: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: 'info', ...extra };
  delete e.SLACK_SIGNING_SECRET;
  delete e.SLACK_BOT_TOKEN;
  return e;
};

/** Starts `npm start` and resolves with the port and the server's pid once it says it listens. */
function startServer(extra: Record<string, string>, options: { detached?: boolean } = {}) {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: env({ PORT: '0', ...extra }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const listening = new Promise<{ port: number; pid: number }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no listening line:\n${out}\n${stderr}`)), 50_000);
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
      const m = /"pid":(\d+).*listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ pid: Number(m[1]), port: Number(m[2]) });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}\n${stderr}`)));
  });
  return { child, listening, stderr: () => stderr };
}

const exited = (child: ReturnType<typeof spawn>) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start and npm run chat', function () {
  this.timeout(90_000);

  it('npm start serves /healthz and the web coach at / on the embedded SQLite default and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-start-'));
    const child = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: env({ PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'bb.db')}` }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no listening line:\n${out}`)), 30_000);
        child.stdout.on('data', (chunk) => {
          out += String(chunk);
          const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
      });
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).to.equal(200);
      const body = (await res.json()) as { ok: boolean; routines: Array<{ id: string }> };
      expect(body.ok).to.equal(true);
      expect(body.routines.map((r) => r.id)).to.include.members(['five-moves', 'back-break']);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).to.equal(200);
      expect(await page.text()).to.include('<title>Back Break</title>');
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  });

  it('npm start runs the bundle, building it first only when it is missing or older than its sources', async () => {
    const info = join(ROOT, 'dist', 'build-info.json');
    const dir = mkdtempSync(join(tmpdir(), 'bb-build-'));
    const startOnce = async () => {
      const server = startServer({ DATABASE_URL: `sqlite:${join(dir, 'bb.db')}` });
      try {
        const { port } = await server.listening;
        expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).to.equal(200);
      } finally {
        server.child.kill('SIGTERM');
        await exited(server.child);
      }
      return server.stderr();
    };
    // Missing: built.
    rmSync(join(ROOT, 'dist', 'server.js'), { force: true });
    expect(await startOnce()).to.include('building dist/ (no server bundle)');
    expect(existsSync(join(ROOT, 'dist', 'server.js'))).to.equal(true);
    // Fresh: run as it is.
    expect(await startOnce()).to.not.include('building');
    // Older than its sources: built again.
    const built = JSON.parse(readFileSync(info, 'utf8')) as { builtAt: string; sources: string[] };
    writeFileSync(info, JSON.stringify({ ...built, builtAt: '2000-01-01T00:00:00.000Z' }));
    expect(await startOnce()).to.match(/building dist\/ \(src changed\)/);
    expect(Date.parse((JSON.parse(readFileSync(info, 'utf8')) as { builtAt: string }).builtAt)).to.be.greaterThan(Date.parse('2001-01-01'));
  });

  it('SIGTERM to npm start stops the server too: no orphan process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-term-'));
    const server = startServer({ DATABASE_URL: `sqlite:${join(dir, 'bb.db')}` });
    const { pid } = await server.listening;
    expect(pid).to.not.equal(server.child.pid);
    server.child.kill('SIGTERM');
    await exited(server.child);
    const deadline = Date.now() + 10_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(alive(pid), `server ${pid} still running after npm start exited`).to.equal(false);
  });

  it('refuses to start with a bad DATABASE_URL and names the variable', () => {
    for (const url of ['mysql://somewhere/db', 'postgres://user:hunter2@127.0.0.1:1/nothing']) {
      const run = spawnSync('npm', ['start', '--silent'], { cwd: ROOT, env: env({ PORT: '0', DATABASE_URL: url, LOG_PSEUDONYM_KEY: 'k'.repeat(32) }), encoding: 'utf8', timeout: 30_000 });
      expect(run.status, run.stderr).to.equal(2);
      expect(run.stderr).to.include('DATABASE_URL');
      expect(run.stderr).to.not.include('hunter2');
    }
  });

  it('refuses a bad PORT with a message naming it', () => {
    const run = spawnSync('npm', ['start', '--silent'], { cwd: ROOT, env: env({ PORT: 'eighty' }), encoding: 'utf8', timeout: 30_000 });
    expect(run.status).to.equal(2);
    expect(run.stderr).to.match(/PORT/);
  });

  it('printf | npm run chat walks a whole routine from a script and exits at the end of input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-chat-'));
    const screening = Array.from({ length: 4 }, () => 'no');
    const script = ['start the back break', ...screening, 'yes', '3', 'next', 'next', 'next', 'next', 'next', 'next', '2', 'no'].join('\n');
    const run = spawnSync('npm', ['run', 'chat', '--silent'], {
      cwd: ROOT,
      env: env({ DATABASE_URL: `sqlite:${join(dir, 'chat.db')}`, LOG_LEVEL: 'warn' }),
      input: `${script}\n`,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status, run.stderr).to.equal(0);
    const out = run.stdout;
    for (let i = 1; i <= 6; i++) expect(out).to.include(`Step ${i} of 6`);
    expect(out).to.include('from 3 to 2');
    expect(out).to.include('Bye for now');
  });

  it('npm run chat on an en_GB system gives the UK emergency number (999), not 911', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-chat-'));
    const run = spawnSync('npm', ['run', 'chat', '--silent'], {
      cwd: ROOT,
      env: env({ DATABASE_URL: `sqlite:${join(dir, 'chat.db')}`, LOG_LEVEL: 'warn', LANG: 'en_GB.UTF-8', LC_ALL: '' }),
      input: 'start the back break\nyes\nyes\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.include('999');
    expect(run.stdout).to.not.include('911');
  });
});
