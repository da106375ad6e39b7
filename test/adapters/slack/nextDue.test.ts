import { expect } from 'chai';
import fc from 'fast-check';
import { instantOf, nextDueAt, wallClock } from '../../../src/adapters/slack/reminders/nextDue.js';

const WEEKDAYS = [1, 2, 3, 4, 5];
const DAILY = [0, 1, 2, 3, 4, 5, 6];
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('slack reminders: nextDueAt', () => {
  it('finds later today, in the person\'s zone', () => {
    // Friday 2026-11-20 10:00 in Paris (UTC+1).
    const due = nextDueAt({ days: WEEKDAYS, time: '15:00', timeZone: 'Europe/Paris' }, at('2026-11-20T09:00:00Z'));
    expect(iso(due)).to.equal('2026-11-20T14:00:00.000Z');
  });

  it('skips the weekend for weekdays and is strictly after the given instant', () => {
    const friday3pm = at('2026-11-20T14:00:00Z');
    const due = nextDueAt({ days: WEEKDAYS, time: '15:00', timeZone: 'Europe/Paris' }, friday3pm);
    expect(iso(due)).to.equal('2026-11-23T14:00:00.000Z'); // Monday
  });

  it('picks the next of several named days', () => {
    // Wednesday 2026-11-18 13:00 New York (EST, UTC-5): Mon Wed Fri 12:30 -> Friday.
    const due = nextDueAt({ days: [1, 3, 5], time: '12:30', timeZone: 'America/New_York' }, at('2026-11-18T18:00:00Z'));
    expect(iso(due)).to.equal('2026-11-20T17:30:00.000Z');
  });

  it('uses the local date, not the UTC date, near midnight', () => {
    // 2026-11-20 23:30 UTC is already Saturday 08:30 in Tokyo: daily 09:00 -> same Saturday.
    const due = nextDueAt({ days: DAILY, time: '09:00', timeZone: 'Asia/Tokyo' }, at('2026-11-20T23:30:00Z'));
    expect(iso(due)).to.equal('2026-11-21T00:00:00.000Z');
    // Weekdays only: Saturday and Sunday are skipped, Monday 09:00 Tokyo.
    const weekday = nextDueAt({ days: WEEKDAYS, time: '09:00', timeZone: 'Asia/Tokyo' }, at('2026-11-20T23:30:00Z'));
    expect(iso(weekday)).to.equal('2026-11-23T00:00:00.000Z');
  });

  it('keeps the local time across the spring-forward change (New York, 2026-03-08)', () => {
    const before = nextDueAt({ days: DAILY, time: '09:00', timeZone: 'America/New_York' }, at('2026-03-07T15:00:00Z'));
    expect(iso(before)).to.equal('2026-03-08T13:00:00.000Z'); // 09:00 EDT = 13:00 UTC
    const afterThat = nextDueAt({ days: DAILY, time: '09:00', timeZone: 'America/New_York' }, before);
    expect(afterThat - before).to.equal(24 * 3600_000);
  });

  it('fires a time inside the spring-forward gap just after the jump', () => {
    // 02:30 does not exist in New York on 2026-03-08; it fires at 03:30 EDT (07:30 UTC).
    const due = nextDueAt({ days: DAILY, time: '02:30', timeZone: 'America/New_York' }, at('2026-03-08T05:00:00Z'));
    expect(iso(due)).to.equal('2026-03-08T07:30:00.000Z');
  });

  it('fires a repeated fall-back time once, at the first occurrence (London, 2026-10-25)', () => {
    // 01:30 happens twice in London; the first is 00:30 UTC (BST).
    const due = nextDueAt({ days: DAILY, time: '01:30', timeZone: 'Europe/London' }, at('2026-10-24T12:00:00Z'));
    expect(iso(due)).to.equal('2026-10-25T00:30:00.000Z');
    const next = nextDueAt({ days: DAILY, time: '01:30', timeZone: 'Europe/London' }, due);
    expect(iso(next)).to.equal('2026-10-26T01:30:00.000Z'); // GMT again, not the second 01:30 of the 25th
  });

  it('handles half-hour zones and southern-hemisphere DST (Adelaide, 2026-04-05)', () => {
    // Adelaide leaves daylight time (UTC+10:30 -> +9:30) at 03:00 local on 2026-04-05.
    const due = nextDueAt({ days: DAILY, time: '09:00', timeZone: 'Australia/Adelaide' }, at('2026-04-04T12:00:00Z'));
    expect(iso(due)).to.equal('2026-04-04T23:30:00.000Z');
  });

  it('refuses bad input', () => {
    expect(() => nextDueAt({ days: [], time: '09:00', timeZone: 'UTC' }, 0)).to.throw(RangeError);
    expect(() => nextDueAt({ days: DAILY, time: '25:00', timeZone: 'UTC' }, 0)).to.throw(RangeError);
    expect(() => nextDueAt({ days: DAILY, time: '09:00', timeZone: 'Mars/Olympus' }, 0)).to.throw(RangeError);
  });

  it('always lands on a wanted day at the wanted local time, within eight days (property)', () => {
    const zones = ['UTC', 'Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago', 'Pacific/Chatham'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 15, 30, 45),
        fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') }),
        (timeZone, days, hour, minute, after) => {
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const due = nextDueAt({ days, time, timeZone }, after);
          expect(due).to.be.greaterThan(after);
          expect(due - after).to.be.at.most(8 * 86_400_000);
          const wall = new Date(wallClock(due, timeZone));
          // The wanted local time, or later the same day when it fell in a DST gap.
          expect(days).to.include(wall.getUTCDay());
          const wallMinutes = wall.getUTCHours() * 60 + wall.getUTCMinutes();
          expect(wallMinutes).to.be.within(hour * 60 + minute, hour * 60 + minute + 60);
          // Nothing earlier matches exactly: the previous minute-aligned candidate is not after `after`.
          expect(instantOf(wallClock(due, timeZone), timeZone)).to.equal(due);
        },
      ),
      { numRuns: 300 },
    );
  });
});
