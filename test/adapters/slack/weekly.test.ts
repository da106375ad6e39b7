import { expect } from 'chai';
import { bar, weeksOf } from '../../../src/adapters/slack/render/weekly.js';
import type { HistoryEntry } from '../../../src/core/profile.js';
import { SlackHarness, textOf } from './harness.js';

/**
 * The weekly note on App Home, through the real server: breaks this week, the streak, pain before and after
 * by week as text with small bars, the trend. Wednesday 25 November 2026, 12:00 in Paris.
 */
const NOW = Date.parse('2026-11-25T11:00:00Z');
const DAY = 86_400_000;

function done(daysAgo: number, before?: number, after?: number, completed = true): HistoryEntry {
  const at = new Date(NOW - daysAgo * DAY - 3600_000).toISOString();
  return {
    routineId: 'back-break',
    startedAt: at,
    finishedAt: at,
    completed,
    stepsDone: 6,
    stepsSkipped: 0,
    ...(before === undefined ? {} : { painBefore: before }),
    ...(after === undefined ? {} : { painAfter: after }),
  };
}

describe('slack App Home: the weekly note', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await SlackHarness.start({ now: () => new Date(NOW) });
  });
  afterEach(() => h.close());

  const noteText = async () => {
    await h.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' });
    const blocks = h.fake.of('views.publish').at(-1)!.body.view.blocks;
    expect(blocks.length).to.be.at.most(100);
    const at = blocks.findIndex((b: any) => b.block_id === 'bb_weekly');
    expect(at, 'weekly note on the tab').to.be.greaterThan(-1);
    return textOf(blocks.slice(at, at + 2));
  };

  it('with nothing done yet, says what will show', async () => {
    const text = await noteText();
    expect(text).to.include('*This week:* 0 breaks · no streak yet');
    expect(text).to.include('once you have rated a break');
    expect(text).to.include('Mon to Sun: ○ ○ ○ ○ ○ ○ ○');
  });

  it('counts this week from Monday, keeps the streak, and draws pain before and after by week with the trend', async () => {
    const person = 'slack:T0TEST:U1';
    // Three weeks ago and two weeks ago, then this Monday, Tuesday and today; one stopped early.
    for (const e of [done(23, 6, 4), done(21, 6, 4), done(14, 5, 3), done(2, 4, 2), done(1, 4, 3), done(0, 3, 1), done(0, undefined, undefined, false)]) {
      await h.store.addHistory(person, e);
    }
    const text = await noteText();
    expect(text).to.include('*This week:* 4 breaks (3 finished) · streak 3 days');
    expect(text).to.include('Mon to Sun: ● ● ● ○ ○ ○ ○');
    expect(text).to.include('2 Nov   before 6.0 ███    after 4.0 ██\n9 Nov   before 5.0 ██▌    after 3.0 █▌\n23 Nov  before 3.7 █▉     after 2.0 █');
    expect(text).to.include('Before a break, your pain went from 6.0 (week of 2 Nov) to 3.7 (this week).');
    // A week without breaks is not drawn as a zero.
    expect(text).to.not.include('16 Nov');
  });

  it('a streak that ran to yesterday is still shown, with a nudge', async () => {
    await h.store.addHistory('slack:T0TEST:U1', done(1, 3, 2));
    await h.store.addHistory('slack:T0TEST:U1', done(2, 3, 2));
    expect(await noteText()).to.include('streak 2 days, keep it going today');
  });
});

describe('weekly note pieces', () => {
  it('draws a score out of 10 in five cells, eighths included', () => {
    expect(bar(0)).to.equal('');
    expect(bar(10)).to.equal('█████');
    expect(bar(5)).to.equal('██▌');
    expect(bar(12)).to.equal('█████');
  });

  it('groups by the local week: Sunday late in Los Angeles is still that week there', () => {
    const sundayEvening = Date.parse('2026-11-30T06:00:00Z'); // Sunday 29 Nov, 22:00 in Los Angeles
    const weeks = weeksOf([done(0, 5, 3)].map((e) => ({ ...e, finishedAt: new Date(sundayEvening).toISOString() })), sundayEvening, 'America/Los_Angeles');
    expect(weeks.at(-1)).to.deep.include({ monday: '2026-11-23', breaks: 1, before: 5, after: 3 });
  });
});
