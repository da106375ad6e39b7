import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MemoryStore, openStore, StoreConfigError } from '../../src/store/index.js';

async function configError(url: string): Promise<StoreConfigError> {
  try {
    const store = await openStore(url);
    await store.close();
  } catch (err) {
    expect(err).to.be.instanceOf(StoreConfigError);
    return err as StoreConfigError;
  }
  throw new Error(`openStore(${url}) did not fail`);
}

describe('openStore', function () {
  let dir: string;
  beforeEach(function () {
    dir = mkdtempSync(join(tmpdir(), 'back-break-open-'));
  });
  afterEach(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens memory:', async function () {
    const store = await openStore('memory:');
    expect(store).to.be.instanceOf(MemoryStore);
    await store.close();
  });

  it('opens sqlite::memory: with the tables migrated', async function () {
    const store = await openStore('sqlite::memory:');
    expect(await store.saveSession('terminal:me', { v: 1 }, null)).to.deep.equal({ ok: true, version: 1 });
    await store.close();
  });

  it('creates the folder and file of sqlite:<path> in WAL mode, and keeps data across reopening', async function () {
    const file = join(dir, 'nested', 'deeper', 'back-break.db');
    const first = await openStore(`sqlite:${file}`);
    await first.saveSession('terminal:me', { v: 1, n: 1 }, null);
    await first.close();
    expect(existsSync(file)).to.equal(true);

    const raw = new Database(file);
    try {
      expect(raw.pragma('journal_mode', { simple: true })).to.equal('wal');
      const names = raw.prepare(`SELECT name FROM kysely_migration ORDER BY name`).all() as { name: string }[];
      expect(names.map((r) => r.name)).to.include.members(['0001_initial', '0002_links', '0003_slack_installations', '0004_erase_epochs']);
    } finally {
      raw.close();
    }

    const second = await openStore(`sqlite:${file}`);
    expect(await second.getSession('terminal:me')).to.deep.equal({ value: { v: 1, n: 1 }, version: 1 });
    await second.close();
  });

  it('accepts sqlite:///absolute/path', async function () {
    const store = await openStore(`sqlite://${join(dir, 'abs.db')}`);
    await store.close();
    expect(existsSync(join(dir, 'abs.db'))).to.equal(true);
  });

  it('refuses an unknown scheme, naming DATABASE_URL and never the password', async function () {
    const err = await configError('mysql://admin:hunter2@db.example/back');
    expect(err.message).to.match(/^DATABASE_URL: /).and.include('mysql://admin:***@db.example/back');
    expect(err.message).to.not.include('hunter2');
    expect((await configError('not a url')).message).to.match(/^DATABASE_URL: /);
    expect((await configError('memory:extra')).message).to.include('memory:');
  });

  it('refuses memory: with anything after the colon', async function () {
    for (const url of ['memory: ', 'memory:\n', 'memory://', 'memory:?x=1', 'memory::memory:']) {
      expect((await configError(url)).message, JSON.stringify(url)).to.equal('DATABASE_URL: memory: takes nothing after the colon');
    }
  });

  it('takes the scheme in lower case only, as DATABASE_URL is checked', async function () {
    for (const url of ['MEMORY:', 'Memory:', 'SQLITE::memory:', 'SQLite:./x.db', 'POSTGRES://u:pw@127.0.0.1:1/db']) {
      const err = await configError(url);
      expect(err.message, url).to.match(/^DATABASE_URL: unsupported store /).and.not.include(':pw@');
    }
  });

  it('refuses a sqlite: URL without a usable path', async function () {
    expect((await configError('sqlite:')).message).to.include('needs a file path');
    expect((await configError('sqlite://host/file.db')).message).to.include('sqlite:///');
    expect((await configError(`sqlite:${dir}`)).message).to.include('cannot open SQLite database');
    expect((await configError('sqlite:?mode=ro')).message).to.include('no query parameters');
    expect((await configError(`sqlite:${join(dir, 'x.db')}?mode=ro`)).message).to.include('no query parameters');
  });

  it('refuses a sqlite: path whose folder cannot be made (a file stands in the way)', async function () {
    writeFileSync(join(dir, 'plain-file'), 'not a folder');
    const err = await configError(`sqlite:${join(dir, 'plain-file', 'data', 'back-break.db')}`);
    expect(err.message).to.match(/^DATABASE_URL: cannot open SQLite database /);
  });

  it('refuses a sqlite: file in a folder it may not write', async () => {
    // /sys refuses new folders to everyone, root included, so this holds on every machine.
    const err = await configError('sqlite:/sys/back-break/back-break.db');
    expect(err.message).to.match(/^DATABASE_URL: cannot open SQLite database /);
  });

  it('refuses a sqlite: file that is not a database, and leaves it as it was', async function () {
    const file = join(dir, 'notes.txt');
    const text = 'these are my notes, not a database\n'.repeat(200);
    writeFileSync(file, text);
    const err = await configError(`sqlite:${file}`);
    expect(err.message).to.match(/^DATABASE_URL: cannot open SQLite database /);
    expect(readFileSync(file, 'utf8')).to.equal(text);
  });

  it('refuses an unreachable PostgreSQL without echoing the password', async function () {
    // Port 1 on the loopback: nothing listens there, the connection is refused at once.
    const err = await configError('postgres://back:s3cret-pw@127.0.0.1:1/back_break');
    expect(err.message).to.match(/^DATABASE_URL: cannot connect to PostgreSQL at postgres:\/\/back:\*\*\*@127\.0\.0\.1:1\/back_break/);
    expect(err.message).to.include('ECONNREFUSED').and.not.include('s3cret-pw');
    expect((await configError('postgres://back:pw@[bad')).message).to.not.include('pw@');
    const long = await configError('postgresql://back:s3cret-pw@127.0.0.1:1/back_break');
    expect(long.message).to.include('cannot connect to PostgreSQL at postgresql://back:***@127.0.0.1:1/').and.not.include('s3cret-pw');
  });

  it('refuses a postgres:// URL with a bad port before connecting, without the password', async function () {
    for (const port of ['99999', '65536', 'abc', '-1', '5432x']) {
      const err = await configError(`postgres://back:s3cret-pw@127.0.0.1:${port}/back_break`);
      expect(err.message, port).to.match(/^DATABASE_URL: not a valid PostgreSQL URL: postgres:/).and.not.include('s3cret-pw');
    }
  });

  it('refuses a postgres:// password that is not valid percent-encoding, without showing it', async function () {
    const err = await configError('postgres://back:50%off-pw@127.0.0.1:1/back_break');
    expect(err.message).to.match(/^DATABASE_URL: the password in postgres:\/\/back:\*\*\*@127\.0\.0\.1:1\/back_break is not valid percent-encoding/);
    expect(err.message).to.not.include('50%off');
  });
});
