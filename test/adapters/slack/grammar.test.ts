import { expect } from 'chai';
import fc from 'fast-check';
import { copy } from '../../../src/adapters/slack/copy.js';
import { parseCommand } from '../../../src/adapters/slack/grammar.js';
import { describeDays } from '../../../src/adapters/slack/reminders/days.js';
import type { Intent } from '../../../src/core/intents.js';
import { type Expectation, loadUnderstanding } from '../../../src/language/index.js';
import { loadRoutines } from '../../../src/routines/load.js';

describe('slack /backbreak grammar', () => {
  it('no text is the menu', () => {
    expect(parseCommand('')).to.deep.equal({ kind: 'menu' });
    expect(parseCommand('   ')).to.deep.equal({ kind: 'menu' });
    expect(parseCommand('Menu')).to.deep.equal({ kind: 'menu' });
  });

  it('hands-free is Slack\'s own setting', () => {
    expect(parseCommand('handsfree on')).to.deep.equal({ kind: 'handsFree', on: true });
    expect(parseCommand('hands-free off')).to.deep.equal({ kind: 'handsFree', on: false });
    expect(parseCommand('hands free on')).to.deep.equal({ kind: 'handsFree', on: true });
    for (const text of ['handsfree', 'handsfree maybe', 'hands-free yes please', 'hands free', 'handsfree on off', 'hands free off on']) {
      expect(parseCommand(text), text).to.deep.equal({ kind: 'usage', text: copy.usageHandsFree });
    }
  });

  it('every other word is for the coach, as typed', () => {
    for (const text of ['next', 'start five moves', 'remind weekdays 15:00', 'it hurts, sharp', '7', 'flibbertigibbet', '__proto__']) {
      expect(parseCommand(text), text).to.deep.equal({ kind: 'words', text });
    }
  });

  it('never throws, and keeps at most 500 characters of words (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        const got = parseCommand(text);
        if (got.kind === 'words') expect(got.text.length).to.be.at.most(500);
      }),
      { numRuns: 500 },
    );
  });

  it('describes days for people', () => {
    expect(describeDays([1, 2, 3, 4, 5])).to.equal('weekdays');
    expect(describeDays([0, 1, 2, 3, 4, 5, 6])).to.equal('daily');
    expect(describeDays([0, 6])).to.equal('weekends');
    expect(describeDays([5, 1, 3])).to.equal('Mon, Wed, Fri');
  });
});

describe('/backbreak link', () => {
  it('without a code asks for one to enter elsewhere; with one, enters it as typed', () => {
    expect(parseCommand('link')).to.deep.equal({ kind: 'link' });
    expect(parseCommand('Link 123-456')).to.deep.equal({ kind: 'link', code: '123-456' });
    expect(parseCommand('link 123 456')).to.deep.equal({ kind: 'link', code: '123 456' });
  });
});

/** What people type after /backbreak (the grammar's old table), read by the one typed understanding. */
describe("slack's words, read by the typed understanding", () => {
  const u = loadUnderstanding(loadRoutines());
  const table: Array<[string, Expectation, Partial<Intent> & { type: Intent['type'] }]> = [
    ['start', 'routine', { type: 'start' }],
    ['start five moves', 'routine', { type: 'start', routine: 'five-moves' }],
    ['Start the foam roller routine', 'routine', { type: 'start', routine: 'spinal-love' }],
    ['start spinal-love', 'routine', { type: 'start', routine: 'spinal-love' }],
    ['start 5', 'routine', { type: 'recommend', minutes: 5 }],
    ['start 10 minutes', 'routine', { type: 'recommend', minutes: 10 }],
    ['start five min', 'routine', { type: 'recommend', minutes: 5 }],
    ['start no strap', 'routine', { type: 'recommend', without: ['strap'] }],
    ['I have 10 minutes', 'routine', { type: 'recommend', minutes: 10 }],
    ['15', 'routine', { type: 'recommend', minutes: 15 }],
    ['hello', 'routine', { type: 'launch' }],
    ['next', 'command', { type: 'next' }],
    ['NEXT!', 'command', { type: 'next' }],
    ['please next', 'command', { type: 'next' }],
    ['back', 'command', { type: 'back' }],
    ['repeat', 'command', { type: 'repeat' }],
    ['pause', 'command', { type: 'pause' }],
    ['resume', 'command', { type: 'resume' }],
    ['stop', 'command', { type: 'stop' }],
    ['skip', 'command', { type: 'skip' }],
    ['easier', 'command', { type: 'easier' }],
    ['start over', 'command', { type: 'startOver' }],
    ['history', 'command', { type: 'history' }],
    ['forget', 'command', { type: 'forgetMe' }],
    ['help', 'command', { type: 'help' }],
    ['where am i', 'command', { type: 'progress' }],
    ['this hurts', 'command', { type: 'hurts' }],
    ['it hurts, sharp', 'command', { type: 'hurts', kind: 'sharp' }],
    ['sharp', 'hurtKind', { type: 'hurts', kind: 'sharp' }],
    ['i feel dizzy', 'command', { type: 'dizzy' }],
    ['i am dizzy', 'command', { type: 'dizzy' }],
    ['yes', 'yesNoUnsure', { type: 'yes' }],
    ['go ahead', 'yesNo', { type: 'yes' }],
    ['not sure', 'yesNoUnsure', { type: 'unsure' }],
    ['4', 'painScore', { type: 'painScore', score: 4 }],
    ['pain 7/10', 'painScore', { type: 'painScore', score: 7 }],
    ['pain five', 'painScore', { type: 'painScore', score: 5 }],
    ['10', 'painScore', { type: 'painScore', score: 10 }],
    ['remind weekdays 15:00', 'command', { type: 'setReminder', days: 'weekdays', time: '15:00' }],
    ['remind daily 9am', 'command', { type: 'setReminder', days: 'daily', time: '09:00' }],
    ['remind mon wed fri 12:30', 'command', { type: 'setReminder', days: 'mon wed fri', time: '12:30' }],
    ['remind every day at 7:45 pm', 'command', { type: 'setReminder', days: 'daily', time: '19:45' }],
    ['remind tuesdays, thursdays at noon', 'command', { type: 'setReminder', days: 'tue thu', time: '12:00' }],
    ['remind mon-fri 8:15', 'command', { type: 'setReminder', days: 'weekdays', time: '08:15' }],
    ['remind 3pm', 'command', { type: 'setReminder', time: '15:00' }],
    ['remind workday 9 a.m.', 'command', { type: 'setReminder', days: 'weekdays', time: '09:00' }],
    ['remind off', 'command', { type: 'reminderOff' }],
  ];
  for (const [text, at, want] of table) {
    it(`"${text}" at ${at}`, () => expect(u.understand(text, at)).to.deep.include(want));
  }
});
