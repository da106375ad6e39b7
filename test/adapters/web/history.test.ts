import { expect } from 'chai';
import type { StoredHistory } from '../../../src/app/store.js';
import { historyView, mondayOf, WEEKS } from '../../../src/adapters/web/history.js';
import { loadRoutines } from '../../../src/routines/load.js';
import { Browser, startWeb } from './harness.js';

const routines = loadRoutines();
let nextId = 1;
function done(finishedAt: string, extra: Partial<StoredHistory> = {}): StoredHistory {
  const end = Date.parse(finishedAt);
  return {
    id: nextId++,
    routineId: 'back-break',
    startedAt: new Date(end - 6 * 60_000).toISOString(),
    finishedAt,
    completed: true,
    stepsDone: 6,
    stepsSkipped: 0,
    ...extra,
  };
}

describe('web history view', () => {
  it('finds the Monday of any day', () => {
    expect(mondayOf('2026-11-23')).to.equal('2026-11-23'); // a Monday
    expect(mondayOf('2026-11-29')).to.equal('2026-11-23'); // Sunday
    expect(mondayOf('2026-03-01')).to.equal('2026-02-23');
  });

  it('averages pain before and after by week, oldest week first, with empty weeks kept', () => {
    const now = new Date('2026-11-25T12:00:00Z'); // a Wednesday
    const history = [
      done('2026-11-24T08:00:00Z', { painBefore: 4, painAfter: 2 }),
      done('2026-11-23T08:00:00Z', { painBefore: 5, painAfter: 2 }),
      done('2026-11-10T08:00:00Z', { painBefore: 7 }),
      done('2026-11-09T08:00:00Z'),
    ];
    const view = historyView(history, routines, now, 'UTC');
    expect(view.weeks).to.have.length(WEEKS);
    expect(view.weeks.at(-1)).to.deep.equal({ start: '2026-11-23', sessions: 2, painBefore: 4.5, painAfter: 2 });
    expect(view.weeks.at(-2)).to.deep.equal({ start: '2026-11-16', sessions: 0 });
    expect(view.weeks.at(-3)).to.deep.equal({ start: '2026-11-09', sessions: 2, painBefore: 7 });
    expect(view.weeks[0]!.start).to.equal('2026-09-07');
    expect(view.sessions[0]).to.include({ title: 'Back break', day: '2026-11-24', minutes: 6, painBefore: 4, painAfter: 2 });
    expect(view.streak).to.equal(0);
  });

  it('counts the streak and the days in the person’s time zone', () => {
    const now = new Date('2026-11-25T02:00:00Z'); // still the 24th in New York
    const history = [done('2026-11-25T01:00:00Z'), done('2026-11-23T20:00:00Z')];
    expect(historyView(history, routines, now, 'America/New_York').streak).to.equal(2);
    expect(historyView(history, routines, now, 'America/New_York').sessions.map((s) => s.day)).to.deep.equal(['2026-11-24', '2026-11-23']);
    expect(historyView(history, routines, now, 'UTC').streak).to.equal(1);
  });

  it('GET /api/history shows a routine walked on the web, pain before and after', async () => {
    const web = await startWeb();
    try {
      const b = new Browser(web.base);
      let r = await b.turn({ intent: { type: 'start', routine: 'back-break' } });
      for (let i = 0; i < 40 && r.reply.moment !== 'finished'; i++) {
        const intent =
          r.reply.expect === 'painScore' ? { type: 'painScore', score: r.reply.moment === 'painBefore' ? 6 : 3 } : r.reply.moment === 'step' ? { type: 'next' } : r.reply.moment === 'equipment' ? { type: 'yes' } : { type: 'no' };
        r = await b.turn({ intent, atTurn: r.turn });
      }
      expect(r.reply.moment).to.equal('finished');
      const res = await b.request('/api/history?timeZone=Europe/Berlin');
      const view = (await res.json()) as ReturnType<typeof historyView>;
      expect(view.sessions).to.have.length(1);
      expect(view.sessions[0]).to.include({ routineId: 'back-break', painBefore: 6, painAfter: 3, completed: true });
      expect(view.weeks.at(-1)).to.include({ sessions: 1, painBefore: 6, painAfter: 3 });
      expect(view.streak).to.equal(1);
      // Another person sees none of it.
      const other = (await (await new Browser(web.base).request('/api/history')).json()) as ReturnType<typeof historyView>;
      expect(other.sessions).to.deep.equal([]);
    } finally {
      await web.close();
    }
  });
});
