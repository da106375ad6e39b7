import { expect } from 'chai';
import { describeDays, describeTime, EVERY_DAY, parseDays, parseTime, WEEKDAYS } from '../../src/core/reminder.js';

describe('reminder days', () => {
  const cases: Array<[string | undefined, number[] | undefined]> = [
    [undefined, EVERY_DAY],
    ['', EVERY_DAY],
    ['daily', EVERY_DAY],
    ['every day', EVERY_DAY],
    ['everyday', EVERY_DAY],
    ['each day', EVERY_DAY],
    ['weekdays', WEEKDAYS],
    ['on workdays', WEEKDAYS],
    ['weekends', [0, 6]],
    ['the weekend', [0, 6]],
    ['mon wed fri', [1, 3, 5]],
    ['Friday, Monday', [1, 5]],
    ['tues thurs', [2, 4]],
    ['tuesday and thursday', [2, 4]],
    ['sundays', [0]],
    ['Saturday', [6]],
    ['wednesdays', [3]],
    ['every monday', [1]],
    ['banana', undefined],
    ['tomorrow', undefined],
  ];
  for (const [text, days] of cases) it(`parseDays(${JSON.stringify(text)}) = ${JSON.stringify(days)}`, () => expect(parseDays(text)).to.deep.equal(days));
});

describe('reminder times', () => {
  const cases: Array<[string | undefined, string | undefined]> = [
    ['3pm', '15:00'],
    ['3 pm', '15:00'],
    ['3 p.m.', '15:00'],
    ['3 p m', '15:00'],
    ['3:30 pm', '15:30'],
    ['15:00', '15:00'],
    ['9', '09:00'],
    ['9am', '09:00'],
    ['07:05', '07:05'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
    ['AF', '15:00'],
    ['af', '15:00'],
    ['MO', '09:00'],
    ['EV', '19:00'],
    ['NI', '21:00'],
    ['25:00', undefined],
    ['24', undefined],
    ['13pm', undefined],
    ['0am', undefined],
    ['3:60', undefined],
    ['3:5', undefined],
    ['noon', undefined],
    ['three', undefined],
    ['-3', undefined],
    ['', undefined],
    [undefined, undefined],
  ];
  for (const [text, time] of cases) it(`parseTime(${JSON.stringify(text)}) = ${JSON.stringify(time)}`, () => expect(parseTime(text)).to.equal(time));
});

describe('reminders said aloud', () => {
  const days: Array<[number[], string]> = [
    [EVERY_DAY, 'every day'],
    [[6, 5, 4, 3, 2, 1, 0], 'every day'],
    [WEEKDAYS, 'on weekdays'],
    [[0, 6], 'at weekends'],
    [[1], 'on Mondays'],
    [[0], 'on Sundays'],
    [[1, 5], 'on Mondays and Fridays'],
    [[1, 3, 5], 'on Mondays, Wednesdays and Fridays'],
  ];
  for (const [d, text] of days) it(`describeDays(${JSON.stringify(d)}) = "${text}"`, () => expect(describeDays(d)).to.equal(text));

  const times: Array<[string, string]> = [
    ['15:00', '3 PM'],
    ['09:30', '9:30 AM'],
    ['00:00', '12 AM'],
    ['12:00', '12 PM'],
    ['12:05', '12:05 PM'],
    ['23:45', '11:45 PM'],
    ['07:05', '7:05 AM'],
  ];
  for (const [t, text] of times) it(`describeTime("${t}") = "${text}"`, () => expect(describeTime(t)).to.equal(text));

  it('a parsed time reads back as said', () => {
    expect(describeTime(parseTime('3:30 pm')!)).to.equal('3:30 PM');
    expect(describeDays(parseDays('mon wed fri')!)).to.equal('on Mondays, Wednesdays and Fridays');
  });
});

describe('parseDays: no near-misses', () => {
  it('"thus" is not Thursday, "thurs" is', () => {
    expect(parseDays('thus')).to.equal(undefined);
    expect(parseDays('thurs')).to.deep.equal([4]);
  });
});
