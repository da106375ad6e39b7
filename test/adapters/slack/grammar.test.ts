import { expect } from 'chai';
import fc from 'fast-check';
import { copy } from '../../../src/adapters/slack/copy.js';
import { type Command, parseCommand } from '../../../src/adapters/slack/grammar.js';
import { daysText, describeDays, parseReminderPhrase } from '../../../src/adapters/slack/reminders/phrase.js';
import { parseText } from '../../../src/adapters/text/parse.js';
import { parseDays, parseTime } from '../../../src/core/reminder.js';
import { Intent } from '../../../src/core/intents.js';

const turn = (intent: Intent): Command => ({ kind: 'turn', intent });

describe('slack /backbreak grammar', () => {
  it('no text is the menu', () => {
    expect(parseCommand('')).to.deep.equal({ kind: 'menu' });
    expect(parseCommand('   ')).to.deep.equal({ kind: 'menu' });
  });

  const table: Array<[string, Command]> = [
    ['start', turn({ type: 'start' })],
    ['start five moves', turn({ type: 'start', routine: 'five moves' })],
    ['Start the foam roller routine', turn({ type: 'start', routine: 'foam roller' })],
    ['start spinal-love', turn({ type: 'start', routine: 'spinal-love' })],
    ['start 5', turn({ type: 'start', minutes: 5 })],
    ['start 10 minutes', turn({ type: 'start', minutes: 10 })],
    ['start five min', turn({ type: 'start', minutes: 5 })],
    ['start no strap', turn({ type: 'start', without: ['strap'] })],
    ['next', turn({ type: 'next' })],
    ['NEXT!', turn({ type: 'next' })],
    ['back', turn({ type: 'back' })],
    ['repeat', turn({ type: 'repeat' })],
    ['pause', turn({ type: 'pause' })],
    ['resume', turn({ type: 'resume' })],
    ['stop', turn({ type: 'stop' })],
    ['skip', turn({ type: 'skip' })],
    ['easier', turn({ type: 'easier' })],
    ['start over', turn({ type: 'startOver' })],
    ['history', turn({ type: 'history' })],
    ['forget', turn({ type: 'forgetMe' })],
    ['help', turn({ type: 'help' })],
    ['where am i', turn({ type: 'progress' })],
    ['this hurts', turn({ type: 'hurts' })],
    ['it hurts, sharp', turn({ type: 'hurts', kind: 'sharp' })],
    ['sharp', turn({ type: 'hurts', kind: 'sharp' })],
    ['i feel dizzy', turn({ type: 'dizzy' })],
    ['yes', turn({ type: 'yes' })],
    ['not sure', turn({ type: 'unsure' })],
    ['4', turn({ type: 'painScore', score: 4 })],
    ['pain 7/10', turn({ type: 'painScore', score: 7 })],
    ['I have 10 minutes', turn({ type: 'start', minutes: 10 })],
    ['go ahead', turn({ type: 'yes' })],
    ['remind weekdays 15:00', turn({ type: 'setReminder', days: 'weekdays', time: '15:00' })],
    ['remind daily 9am', turn({ type: 'setReminder', days: 'daily', time: '09:00' })],
    ['remind mon wed fri 12:30', turn({ type: 'setReminder', days: 'mon wed fri', time: '12:30' })],
    ['remind every day at 7:45 pm', turn({ type: 'setReminder', days: 'daily', time: '19:45' })],
    ['remind tuesdays, thursdays at noon', turn({ type: 'setReminder', days: 'tue thu', time: '12:00' })],
    ['remind mon-fri 8:15', turn({ type: 'setReminder', days: 'weekdays', time: '08:15' })],
    ['remind 3pm', turn({ type: 'setReminder', time: '15:00' })],
    ['remind workday 9 a.m.', turn({ type: 'setReminder', days: 'weekdays', time: '09:00' })],
    ['remind off', turn({ type: 'reminderOff' })],
    ['handsfree on', { kind: 'handsFree', on: true }],
    ['hands-free off', { kind: 'handsFree', on: false }],
    ['hands free on', { kind: 'handsFree', on: true }],
    ['hello', turn({ type: 'launch' })],
    ['i am dizzy', turn({ type: 'dizzy' })],
    ['pain five', turn({ type: 'painScore', score: 5 })],
    ['10', turn({ type: 'painScore', score: 10 })],
    ['15', turn({ type: 'start', minutes: 15 })],
    ['please next', turn({ type: 'next' })],
  ];
  for (const [text, want] of table) {
    it(`"${text}"`, () => expect(parseCommand(text)).to.deep.equal(want));
  }

  it('unknown text gets a usage line, never an error', () => {
    for (const text of ['flibbertigibbet', 'constructor', '__proto__', 'toString', '<script>', 'remind sometime soon', 'handsfree maybe']) {
      const got = parseCommand(text);
      expect(got.kind, text).to.equal('usage');
      if (got.kind === 'usage') expect(got.text).to.match(/\/backbreak/);
    }
  });

  it('the words of the conversation are the shared text parser\'s', () => {
    for (const text of ['next', 'done', 'continue', 'ready', 'go back', 'skip this one', 'hold on', 'keep going', 'restart', 'make it easier', 'how far', 'cancel', 'what routines do you have', 'surprise me', 'my history', 'forget me', 'stop reminders', 'lightheaded', 'yeah', 'nope', 'dunno', 'no strap', 'i feel faint', 'numb around my seat', 'pain spreading down my leg', '7 out of 10', '3.5']) {
      expect(parseCommand(text), text).to.deep.equal(turn(parseText(text)));
    }
  });

  it('a subcommand with a bad argument gets that subcommand\'s usage line, and no turn', () => {
    const usage = (text: string) => ({ kind: 'usage', text });
    for (const text of ['remind daily 25:00', 'remind 13pm', 'remind 5', 'remind weekdays at teatime', 'remind mon-funday 9am', 'remind daily 9:00 10:00']) {
      expect(parseCommand(text), text).to.deep.equal(usage(copy.usageRemind));
    }
    for (const text of ['handsfree', 'handsfree maybe', 'hands-free yes please', 'hands free', 'handsfree on off', 'hands free off on']) {
      expect(parseCommand(text), text).to.deep.equal(usage(copy.usageHandsFree));
    }
  });

  it('never throws, and every turn it makes is a valid intent (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const got = parseCommand(text);
        if (got.kind === 'turn') expect(Intent.safeParse(got.intent).success).to.equal(true);
      }),
      { numRuns: 500 },
    );
  });

  it('reminder days and times read back the same way the core reads them', () => {
    for (const phrase of ['weekdays 15:00', 'daily 9am', 'mon wed fri 12:30', 'weekends 10:00', 'sat 08:00']) {
      const parsed = parseReminderPhrase(phrase);
      expect(parsed.ok, phrase).to.equal(true);
      if (!parsed.ok) continue;
      expect(parseDays(daysText(parsed.phrase.days!))).to.deep.equal(parsed.phrase.days);
      expect(parseTime(parsed.phrase.time)).to.equal(parsed.phrase.time);
    }
  });

  it('refuses impossible times', () => {
    for (const phrase of ['daily 25:00', 'daily 13pm', 'daily 9:75', 'daily 0am']) {
      const parsed = parseReminderPhrase(phrase);
      expect(parsed.ok && parsed.phrase.time !== undefined, phrase).to.equal(false);
    }
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
