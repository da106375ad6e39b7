import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import pg from 'pg';
import type { Store } from '../../../src/app/store.js';
import type { ReminderScheduler } from '../../../src/adapters/slack/reminders/scheduler.js';
import { openStore } from '../../../src/store/index.js';
import { openPostgresStore } from '../../../src/store/postgres.js';
import { FakeSlack } from './fakeSlack.js';
import { buttonsOf, SlackHarness } from './harness.js';
import { scheduler, weekdayReminder } from './reminderFixtures.js';

/**
 * Two app instances (two stores on one database, two schedulers, two Web API clients) fire the same due
 * reminders: each is posted exactly once. PostgreSQL at TEST_DATABASE_URL (CI provides it), and SQLite on
 * one file.
 */
const BANNER = [
  '',
  '  ####################################################################',
  '  ##  Slack reminders on one shared PostgreSQL database NOT RUN:     ##',
  '  ##  set TEST_DATABASE_URL (postgres://postgres@127.0.0.1:5432/x)   ##',
  '  ####################################################################',
  '',
].join('\n');

const PEOPLE = 12;

function sharedDatabaseCase(name: string, openPair: () => Promise<[Store, Store]>, cleanup: () => Promise<void> = async () => undefined) {
  describe(`slack reminders: two instances on one ${name}`, function () {
    let fake: FakeSlack;
    let stores: Store[] = [];
    const clock = { now: Date.parse('2026-11-23T14:00:10Z') };

    beforeEach(async () => {
      clock.now = Date.parse('2026-11-23T14:00:10Z');
      fake = await new FakeSlack().start();
      stores = await openPair();
    });
    afterEach(async () => {
      for (const s of stores) await s.close();
      await fake.stop();
      await cleanup();
    });

    it('posts each due reminder exactly once', async () => {
      const [a, b] = stores as [Store, Store];
      for (let i = 0; i < PEOPLE; i++) await a.putReminder(weekdayReminder(`slack:TSHARED:U${i}`));
      // Small batches so both instances are busy at once, several rounds, all passes concurrent.
      const instances: ReminderScheduler[] = [scheduler(a, fake, clock, { batch: 3 }), scheduler(b, fake, clock, { batch: 3 })];
      for (let round = 0; round < 6; round++) await Promise.all(instances.flatMap((s) => [s.tick(), s.tick()]));
      for (const s of instances) await s.stop();

      const targets = fake.of('chat.postMessage').map((c) => String(c.body.channel)).filter((t) => t.startsWith('D-slack:TSHARED:'));
      expect(targets).to.have.length(PEOPLE);
      expect(new Set(targets).size).to.equal(PEOPLE);
      for (let i = 0; i < PEOPLE; i++) {
        const r = await b.getReminder(`slack:TSHARED:U${i}`, 'slack');
        expect(r!.nextDueAt).to.equal(Date.parse('2026-11-24T14:00:00Z'));
        expect(r!.claimedUntil).to.equal(undefined);
      }
    });

    it('through two real servers: each reminder, snoozed ones included, is posted exactly once', async () => {
      const [a, b] = stores as [Store, Store];
      const now = () => new Date(clock.now);
      clock.now = Date.parse('2026-11-23T09:00:00Z');
      const servers = [await SlackHarness.start({ store: a, now }), await SlackHarness.start({ store: b, now })] as const;
      try {
        for (let i = 0; i < PEOPLE; i++) await servers[i % 2]!.command(`U${i}`, 'remind weekdays 15:00');
        const posted = () =>
          servers.flatMap((s) => s.fake.of('chat.postMessage')).filter((c) => c.body.blocks?.some((blk: any) => blk.block_id === 'bb_reminder'));
        const tickBoth = async (iso: string) => {
          clock.now = Date.parse(iso);
          await Promise.all(servers.flatMap((s) => [s.slack.scheduler.tick(), s.slack.scheduler.tick()]));
        };

        await tickBoth('2026-11-23T14:00:05Z');
        expect(posted().map((c) => c.body.channel).sort()).to.deep.equal(Array.from({ length: PEOPLE }, (_, i) => `D${i}`).sort());

        // Everyone presses Snooze, on both instances at once (a double click landing on each).
        clock.now = Date.parse('2026-11-23T14:01:00Z');
        const reminderOf = (i: number) => posted().find((c) => c.body.channel === `D${i}`)!;
        await Promise.all(
          Array.from({ length: PEOPLE }, (_, i) => {
            const msg = reminderOf(i);
            const snooze = buttonsOf(msg.body.blocks).find((x) => x.label === 'Snooze 15 min')!;
            const where = { channel: `D${i}`, ts: String(msg.response.ts) };
            return Promise.all(servers.map((s) => s.sendAction(s.clickPayload(`U${i}`, where, snooze))));
          }),
        );
        for (let i = 0; i < PEOPLE; i++) expect((await a.getReminder(`slack:T0TEST:U${i}`, 'slack'))!.nextDueAt).to.equal(Date.parse('2026-11-23T14:16:00Z'));

        await tickBoth('2026-11-23T14:10:00Z');
        expect(posted()).to.have.length(PEOPLE);
        await tickBoth('2026-11-23T14:16:00Z');
        await tickBoth('2026-11-23T14:16:30Z');
        const channels = posted().map((c) => String(c.body.channel));
        expect(channels).to.have.length(2 * PEOPLE);
        for (let i = 0; i < PEOPLE; i++) expect(channels.filter((c) => c === `D${i}`), `D${i}`).to.have.length(2);
      } finally {
        for (const s of servers) await s.close();
      }
    });
  });
}

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  if (process.env.CI === 'true') {
    describe('slack reminders: two instances on one PostgreSQL database', function () {
      it('runs in CI (TEST_DATABASE_URL must be set)', function () {
        throw new Error('Slack shared-PostgreSQL reminder test NOT RUN: TEST_DATABASE_URL is not set, and CI=true requires it');
      });
    });
  } else {
    before(() => console.warn(BANNER));
    after(() => console.warn(BANNER));
  }
} else {
  const pgUrl = url;
  // A schema of its own, dropped after: runs never collide with each other or the store suite.
  const schema = `bb_slack_${process.pid}_${randomBytes(4).toString('hex')}`;
  sharedDatabaseCase(
    'PostgreSQL database',
    async () => [await openPostgresStore(pgUrl, { schema, poolSize: 4 }), await openPostgresStore(pgUrl, { schema, poolSize: 4 })],
    async () => {
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      try {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  );
}

let dir: string | undefined;
sharedDatabaseCase(
  'SQLite file',
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'bb-slack-'));
    const file = join(dir, 'shared.db');
    const first = await openStore(`sqlite:${file}`);
    return [first, await openStore(`sqlite:${file}`)];
  },
  async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  },
);
