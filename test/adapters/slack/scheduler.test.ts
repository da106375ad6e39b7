import { expect } from 'chai';
import type { Store } from '../../../src/app/store.js';
import { nextDueAt } from '../../../src/adapters/slack/reminders/nextDue.js';
import { decodeValue } from '../../../src/adapters/slack/render/values.js';
import { openStore } from '../../../src/store/index.js';
import { FakeSlack } from './fakeSlack.js';
import { MONDAY_1500_PARIS, scheduler, weekdayReminder } from './reminderFixtures.js';

/** The wall clock, for tests where the scheduler's own timers do the work. */
const REAL_CLOCK = { get now() { return Date.now(); } };

/** Waits (bounded) until the fake has seen `count` posts. */
async function postsReach(fake: FakeSlack, count: number, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (fake.of('chat.postMessage').length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

describe('slack reminders: the scheduler', () => {
  let fake: FakeSlack;
  let store: Store;
  const clock = { now: 0 };
  beforeEach(async () => {
    fake = await new FakeSlack().start();
    store = await openStore('memory:');
    clock.now = MONDAY_1500_PARIS + 5_000;
  });
  afterEach(async () => {
    await fake.stop();
    await store.close();
  });

  it('posts a due reminder once, with the Start a back break button, and moves it to its next time', async () => {
    await store.putReminder(weekdayReminder('slack:T:U1'));
    await store.putReminder(weekdayReminder('slack:T:U2', MONDAY_1500_PARIS + 3600_000)); // not due yet
    const s = scheduler(store, fake, clock);
    await s.tick();
    await s.tick();
    const posts = fake.of('chat.postMessage');
    expect(posts).to.have.length(1);
    expect(posts[0]!.body.channel).to.equal('D-slack:T:U1');
    const button = posts[0]!.body.blocks[1].elements[0];
    expect(button.text.text).to.equal('Start a back break');
    expect(decodeValue(button.value)?.i).to.deep.equal({ type: 'start', routine: 'back-break' });
    const after = await store.getReminder('slack:T:U1', 'slack');
    expect(after!.nextDueAt).to.equal(Date.parse('2026-11-24T14:00:00Z')); // Tuesday 15:00 Paris
    expect(after!.claimedUntil).to.equal(undefined);
    await s.stop();
  });

  it('catch-up rule: more than an hour late is not sent; it moves to its next time', async () => {
    await store.putReminder(weekdayReminder('slack:T:U1'));
    clock.now = MONDAY_1500_PARIS + 61 * 60_000;
    const s = scheduler(store, fake, clock);
    await s.tick();
    expect(fake.of('chat.postMessage')).to.have.length(0);
    expect((await store.getReminder('slack:T:U1', 'slack'))!.nextDueAt).to.equal(Date.parse('2026-11-24T14:00:00Z'));
    // 59 minutes late is still sent.
    await store.putReminder(weekdayReminder('slack:T:U2', clock.now - 59 * 60_000));
    await s.tick();
    expect(fake.of('chat.postMessage')).to.have.length(1);
    await s.stop();
  });

  it('honours 429 Retry-After: keeps the claim, waits, then sends exactly once', async () => {
    fake.rateLimitNext('chat.postMessage', 1);
    // The real clock: the scheduler's own wake-up timer does the retry.
    const s = scheduler(store, fake, REAL_CLOCK, { leaseMs: 60_000 });
    await store.putReminder(weekdayReminder('slack:T:U1', Date.now() - 1000));
    const started = Date.now();
    await s.tick();
    expect(fake.of('chat.postMessage')).to.have.length(1); // the 429
    expect(s.pendingRetries).to.equal(1);
    // The claim is kept: nobody else can claim it meanwhile.
    expect(await store.claimDueReminders(Date.now(), 10, 60_000)).to.deep.equal([]);
    // A pass before Retry-After is over sends nothing.
    await s.tick();
    expect(fake.of('chat.postMessage')).to.have.length(1);
    // The scheduler wakes itself after the delay.
    await postsReach(fake, 2, 5000);
    await s.tick(); // the pass that sent it has also rescheduled it
    const posts = fake.of('chat.postMessage');
    expect(posts).to.have.length(2);
    expect(posts[1]!.at - started).to.be.at.least(1000);
    expect(s.pendingRetries).to.equal(0);
    const after = await store.getReminder('slack:T:U1', 'slack');
    expect(after!.claimedUntil).to.equal(undefined);
    expect(after!.nextDueAt).to.be.greaterThan(Date.now());
    await s.stop();
  });

  it('a Retry-After longer than the claim releases the reminder due at the retry time', async () => {
    await store.putReminder(weekdayReminder('slack:T:U1'));
    fake.rateLimitNext('chat.postMessage', 120);
    const s = scheduler(store, fake, clock, { leaseMs: 60_000 });
    await s.tick();
    expect(s.pendingRetries).to.equal(0);
    const released = await store.getReminder('slack:T:U1', 'slack');
    expect(released!.claimedUntil).to.equal(undefined);
    expect(released!.nextDueAt).to.equal(clock.now + 120_000);
    // Nothing is posted before then, by this instance or another.
    clock.now += 60_000;
    await s.tick();
    expect(fake.of('chat.postMessage')).to.have.length(1);
    clock.now += 61_000;
    await s.tick();
    expect(fake.of('chat.postMessage')).to.have.length(2);
    await s.stop();
  });

  it('stop() hands pending retries back to the store', async () => {
    await store.putReminder(weekdayReminder('slack:T:U1'));
    fake.rateLimitNext('chat.postMessage', 30);
    const s = scheduler(store, fake, clock, { leaseMs: 600_000 });
    await s.tick();
    expect(s.pendingRetries).to.equal(1);
    await s.stop();
    const r = await store.getReminder('slack:T:U1', 'slack');
    expect(r!.claimedUntil).to.equal(undefined);
    expect(r!.nextDueAt).to.equal(clock.now + 30_000);
  });

  it('a failed post (the DM is gone) moves the reminder on instead of retrying forever', async () => {
    await store.putReminder(weekdayReminder('slack:T:U1'));
    fake.failNext('chat.postMessage', 'channel_not_found');
    const s = scheduler(store, fake, clock);
    await s.tick();
    await s.tick();
    expect(fake.of('chat.postMessage')).to.have.length(1);
    expect((await store.getReminder('slack:T:U1', 'slack'))!.nextDueAt).to.equal(Date.parse('2026-11-24T14:00:00Z'));
    await s.stop();
  });

  it('claims at most one batch per pass', async () => {
    for (let i = 0; i < 7; i++) await store.putReminder(weekdayReminder(`slack:T:U${i}`));
    const s = scheduler(store, fake, clock, { batch: 3 });
    await s.tick();
    expect(fake.of('chat.postMessage')).to.have.length(3);
    await s.tick();
    await s.tick();
    expect(fake.of('chat.postMessage')).to.have.length(7);
    await s.stop();
  });

  it('runs on its own interval, unref\'d, and stops cleanly', async () => {
    await store.putReminder(weekdayReminder('slack:T:U1', Date.now() - 1000));
    const s = scheduler(store, fake, REAL_CLOCK, { intervalMs: 20 });
    s.start();
    const interval = (s as unknown as { interval: NodeJS.Timeout }).interval;
    expect(interval.hasRef()).to.equal(false);
    await postsReach(fake, 1, 3000);
    await s.stop();
    const count = fake.of('chat.postMessage').length;
    expect(count).to.equal(1);
    await store.putReminder(weekdayReminder('slack:T:U2', Date.now() - 1000));
    await new Promise((r) => setTimeout(r, 80));
    expect(fake.of('chat.postMessage')).to.have.length(1);
  });

  it('next times follow the person\'s zone across a DST change', () => {
    // Friday 2026-10-23 15:00 Paris (CEST) -> Monday 26th 15:00 Paris (CET after the change on the 25th).
    const friday = Date.parse('2026-10-23T13:00:00Z');
    expect(nextDueAt({ days: [1, 2, 3, 4, 5], time: '15:00', timeZone: 'Europe/Paris' }, friday)).to.equal(Date.parse('2026-10-26T14:00:00Z'));
  });
});
