import { expect } from 'chai';
import { localDay } from '../../src/core/calendar.js';

describe('localDay', () => {
  const instant = '2026-11-21T02:30:00Z';
  it('is the day in the person time zone', () => {
    expect(localDay(instant, 'America/Los_Angeles')).to.equal('2026-11-20');
    expect(localDay(instant, 'Europe/London')).to.equal('2026-11-21');
  });
  it('falls back to UTC for an unknown or invalid zone', () => {
    expect(localDay(instant, undefined)).to.equal('2026-11-21');
    expect(localDay(instant, 'Not/AZone')).to.equal('2026-11-21');
  });
});
