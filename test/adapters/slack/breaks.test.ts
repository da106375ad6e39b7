import { expect } from 'chai';
import { buttonsOf, SlackHarness, textOf } from './harness.js';

/**
 * Reminders people keep, through the real server with Slack's Web API faked: a break due during a meeting
 * (do-not-disturb, a huddle, a busy status emoji) is held back, never dropped, and comes at the next free
 * moment within the working day; "Snooze 15 min" and "Skip today" on the reminder move it once.
 * The person is in Paris (UTC+1 in November); Monday 23 November 2026.
 */
const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;

describe('slack breaks that respect the working day', () => {
  let h: SlackHarness;
  const clock = { now: at('2026-11-23T09:00:00Z') };

  /** The reminder DMs posted so far. */
  const reminders = () => h.fake.of('chat.postMessage').filter((c) => c.body.blocks?.some((b: any) => b.block_id === 'bb_reminder'));
  const dueAt = async () => (await h.store.getReminder('slack:T0TEST:U1', 'slack'))!.nextDueAt;
  const tickAt = async (iso: string) => {
    clock.now = at(iso);
    await h.slack.scheduler.tick();
    await h.idle();
  };
  /** Presses a button on the latest reminder DM. */
  const press = async (label: string) => {
    const last = reminders().at(-1)!;
    const button = buttonsOf(last.body.blocks).find((b) => b.label === label)!;
    return h.sendAction(h.clickPayload('U1', { channel: String(last.body.channel), ts: String(last.response.ts) }, button));
  };
  const workingDay = (days = '1,2,3,4,5', start = '09:00', end = '17:30') =>
    h.server.coach.setSurfaceData('slack:T0TEST:U1', 'slack', { workDays: days, workStart: start, workEnd: end });

  beforeEach(async () => {
    clock.now = at('2026-11-23T09:00:00Z');
    h = await SlackHarness.start({ now: () => new Date(clock.now) });
    await h.command('U1', 'remind weekdays 15:00');
    expect(await dueAt()).to.equal(at('2026-11-23T14:00:00Z'));
  });
  afterEach(() => h.close());

  it('comes at once when the person is free, with Start, Snooze 15 min and Skip today', async () => {
    await tickAt('2026-11-23T14:00:10Z');
    expect(reminders()).to.have.length(1);
    expect(buttonsOf(reminders()[0]!.body.blocks).map((b) => b.label)).to.deep.equal(['Start a back break', 'Snooze 15 min', 'Skip today']);
    expect(h.fake.of('dnd.info')[0]!.body.user).to.equal('U1');
    expect(await dueAt()).to.equal(at('2026-11-24T14:00:00Z'));
  });

  it('waits out a meeting shown by a :calendar: status, looking again every 15 minutes, and comes once it is over', async () => {
    h.fake.profiles.set('U1', { status_emoji: ':calendar:', status_text: 'In a meeting', status_expiration: at('2026-11-23T14:40:00Z') / 1000 });
    await tickAt('2026-11-23T14:00:10Z');
    expect(reminders()).to.have.length(0);
    expect(await dueAt()).to.equal(at('2026-11-23T14:15:10Z'));
    await tickAt('2026-11-23T14:15:10Z');
    await tickAt('2026-11-23T14:30:10Z');
    expect(reminders()).to.have.length(0);
    // Slack said the status ends at 14:40: the next look is then, not at 14:45.
    expect(await dueAt()).to.equal(at('2026-11-23T14:40:00Z'));
    await tickAt('2026-11-23T14:40:00Z');
    expect(reminders()).to.have.length(1);
    expect(await dueAt()).to.equal(at('2026-11-24T14:00:00Z'));
    // The person's status is not in our log lines (bolt's own debug lines of Web API bodies are another matter).
    const ours = h.logs.filter((l) => !l.includes('"component":"bolt"'));
    expect(ours.join('')).to.not.include('In a meeting');
    expect(ours.some((l) => l.includes('reminder held: the person is busy') && l.includes('"status"'))).to.equal(true);
  });

  it('a status emoji not on the list does not hold the break', async () => {
    h.fake.profiles.set('U1', { status_emoji: ':palm_tree:', status_expiration: 0 });
    await tickAt('2026-11-23T14:00:10Z');
    expect(reminders()).to.have.length(1);
  });

  it('holds the break through do-not-disturb until Slack says it ends', async () => {
    h.fake.dnd.set('U1', { snooze_enabled: true, snooze_endtime: at('2026-11-23T14:10:00Z') / 1000 });
    await tickAt('2026-11-23T14:00:10Z');
    expect(await dueAt()).to.equal(at('2026-11-23T14:10:00Z'));
    h.fake.dnd.delete('U1');
    await tickAt('2026-11-23T14:10:00Z');
    expect(reminders()).to.have.length(1);
  });

  it('holds the break during a huddle', async () => {
    h.fake.profiles.set('U1', { huddle_state: 'in_a_huddle' });
    await tickAt('2026-11-23T14:00:10Z');
    expect(reminders()).to.have.length(0);
    h.fake.profiles.delete('U1');
    await tickAt('2026-11-23T14:15:10Z');
    expect(reminders()).to.have.length(1);
  });

  it('a break still held when the working day ends comes at the next day\'s start, and that day\'s own break still comes', async () => {
    await workingDay();
    h.fake.profiles.set('U1', { huddle_state: 'in_a_huddle' });
    for (let t = at('2026-11-23T14:00:10Z'); t < at('2026-11-23T16:30:00Z'); t = Math.max(t + MIN, (await dueAt()) as number)) {
      clock.now = t;
      await h.slack.scheduler.tick();
    }
    expect(reminders()).to.have.length(0);
    // 17:30 in Paris has passed: tomorrow 09:00 Paris.
    expect(await dueAt()).to.equal(at('2026-11-24T08:00:00Z'));
    h.fake.profiles.delete('U1');
    await tickAt('2026-11-24T08:00:00Z');
    expect(reminders()).to.have.length(1);
    expect(await dueAt()).to.equal(at('2026-11-24T14:00:00Z'));
    await tickAt('2026-11-24T14:00:05Z');
    expect(reminders()).to.have.length(2);
  });

  it('a reminder set before the working day starts comes when it starts; a day off waits for the next working day', async () => {
    await workingDay('1,2,3,4,5', '16:00', '18:00');
    await tickAt('2026-11-23T14:00:10Z');
    expect(reminders()).to.have.length(0);
    expect(await dueAt()).to.equal(at('2026-11-23T15:00:00Z'));
    await tickAt('2026-11-23T15:00:00Z');
    expect(reminders()).to.have.length(1);

    // Friday's break, with the working day Monday to Thursday: Monday at 16:00.
    await workingDay('1,2,3,4', '09:00', '17:30');
    await h.store.rescheduleReminder('slack:T0TEST:U1', at('2026-11-27T14:00:00Z'));
    await tickAt('2026-11-27T14:00:10Z');
    expect(await dueAt()).to.equal(at('2026-11-30T08:00:00Z'));
  });

  it('"Snooze 15 min" brings the break back 15 minutes later, once, however often it is pressed', async () => {
    await tickAt('2026-11-23T14:00:10Z');
    clock.now = at('2026-11-23T14:02:00Z');
    await press('Snooze 15 min');
    await press('Snooze 15 min');
    expect(await dueAt()).to.equal(at('2026-11-23T14:17:00Z'));
    const update = h.fake.of('chat.update').at(-1)!;
    expect(textOf(update.body.blocks)).to.equal("Snoozed: I'll remind you again at 15:17.");
    expect(buttonsOf(update.body.blocks).map((b) => b.label)).to.deep.equal(['Start a back break']);
    expect(h.fake.of('chat.update')).to.have.length(1);

    await tickAt('2026-11-23T14:17:00Z');
    expect(reminders()).to.have.length(2);
    // After the snoozed break, the next is the regular one.
    expect(await dueAt()).to.equal(at('2026-11-24T14:00:00Z'));
  });

  it('a snooze that would fall after the working day says when the break will really come: the next morning', async () => {
    await workingDay('1,2,3,4,5', '09:00', '15:10');
    await tickAt('2026-11-23T14:00:10Z');
    clock.now = at('2026-11-23T14:02:00Z');
    await press('Snooze 15 min');
    expect(textOf(h.fake.of('chat.update').at(-1)!.body.blocks)).to.equal("Snoozed: I'll remind you again at Tue 24 Nov, 09:00.");
    await tickAt('2026-11-23T14:17:00Z');
    expect(await dueAt()).to.equal(at('2026-11-24T08:00:00Z'));
  });

  it('"Skip today" drops what is left of today (a snooze too) and says when the next one comes', async () => {
    await tickAt('2026-11-23T14:00:10Z');
    clock.now = at('2026-11-23T14:01:00Z');
    await press('Snooze 15 min');
    await tickAt('2026-11-23T14:16:00Z');
    expect(reminders()).to.have.length(2);
    // Snoozed a second time, then skipped from the first message's sibling: the second reminder DM.
    clock.now = at('2026-11-23T14:17:00Z');
    await press('Skip today');
    expect(await dueAt()).to.equal(at('2026-11-24T14:00:00Z'));
    expect(textOf(h.fake.of('chat.update').at(-1)!.body.blocks)).to.equal('Skipped for today. Next reminder: Tue 24 Nov, 15:00.');
  });

  it('an answer to a reminder that was turned off says so; a garbled value changes nothing', async () => {
    await tickAt('2026-11-23T14:00:10Z');
    const last = reminders().at(-1)!;
    const snooze = buttonsOf(last.body.blocks).find((b) => b.label === 'Snooze 15 min')!;
    await h.sendAction(h.clickPayload('U1', { channel: 'D1', ts: String(last.response.ts) }, { ...snooze, value: '{"v":1,"r":"x"' }));
    expect(h.fake.of('chat.update')).to.have.length(0);
    expect(h.logs.join('')).to.include('button ignored');

    await h.command('U1', 'remind off');
    await press('Snooze 15 min');
    expect(textOf(h.fake.of('chat.update').at(-1)!.body.blocks)).to.match(/This reminder is off/);
    expect(await h.store.getReminder('slack:T0TEST:U1', 'slack')).to.equal(undefined);
  });
});
