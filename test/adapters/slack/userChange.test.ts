import { expect } from 'chai';
import { buttonsOf, SlackHarness, TEAM, textOf } from './harness.js';

/**
 * user_change through the real server: a person who moves time zone keeps their reminder at the same local
 * time in the new zone, at once (no wait for a turn); a break already owed keeps its instant.
 * Monday 23 November 2026; the person starts in Paris (UTC+1), moves to New York (UTC-5).
 */
const at = (iso: string) => Date.parse(iso);

describe('slack user_change: the time zone is re-read when it changes', () => {
  let h: SlackHarness;
  const clock = { now: at('2026-11-23T09:00:00Z') };
  const person = 'slack:T0TEST:U1';
  const moved = (tz: string) => h.event({ type: 'user_change', user: { id: 'U1', team_id: TEAM, name: 'u1', tz, tz_label: tz, tz_offset: -18000 } });

  beforeEach(async () => {
    clock.now = at('2026-11-23T09:00:00Z');
    h = await SlackHarness.start({ now: () => new Date(clock.now) });
    await h.command('U1', 'remind weekdays 15:00');
  });
  afterEach(() => h.close());

  it('moves the reminder to 15:00 in the new zone and shows it on App Home', async () => {
    expect((await h.store.getReminder(person, 'slack'))!.nextDueAt).to.equal(at('2026-11-23T14:00:00Z'));
    await moved('America/New_York');
    const r = (await h.store.getReminder(person, 'slack'))!;
    expect(r.timeZone).to.equal('America/New_York');
    expect(r.nextDueAt).to.equal(at('2026-11-23T20:00:00Z'));
    await h.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' });
    expect(textOf(h.fake.of('views.publish').at(-1)!.body.view.blocks)).to.include('Weekdays at 15:00 (America/New_York)');
  });

  it('the next turn uses the new zone without asking Slack again', async () => {
    await moved('America/New_York');
    const asked = h.fake.of('users.info').length;
    await h.command('U1', 'history');
    expect(h.fake.of('users.info')).to.have.length(asked);
    expect((await h.server.coach.getProfile(person))?.timeZone).to.equal('America/New_York');
  });

  it('a snoozed break keeps its instant: it is still owed', async () => {
    clock.now = at('2026-11-23T14:00:10Z');
    await h.slack.scheduler.tick();
    const reminder = h.fake.of('chat.postMessage').filter((c) => c.body.blocks?.some((b: any) => b.block_id === 'bb_reminder')).at(-1)!;
    const snooze = buttonsOf(reminder.body.blocks).find((b) => b.label === 'Snooze 15 min')!;
    clock.now = at('2026-11-23T14:01:00Z');
    await h.sendAction(h.clickPayload('U1', { channel: 'D1', ts: String(reminder.response.ts) }, snooze));
    await moved('America/New_York');
    const r = (await h.store.getReminder(person, 'slack'))!;
    expect(r).to.deep.include({ timeZone: 'America/New_York', nextDueAt: at('2026-11-23T14:16:00Z') });
  });

  it('changes nothing for the same zone, an unknown zone, or someone without a reminder', async () => {
    const before = await h.store.getReminder(person, 'slack');
    await moved('Europe/Paris');
    await moved('Mars/Olympus_Mons');
    await h.event({ type: 'user_change', user: { id: 'U9', team_id: TEAM, tz: 'Asia/Tokyo' } });
    expect(await h.store.getReminder(person, 'slack')).to.deep.equal(before);
    expect(await h.store.getReminder('slack:T0TEST:U9', 'slack')).to.equal(undefined);
    expect(h.logs.join('')).to.not.include('"level":50');
  });
});
