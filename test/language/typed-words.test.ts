import { expect } from 'chai';
import type { Intent } from '../../src/core/intents.js';
import { type Expectation, loadUnderstanding } from '../../src/language/index.js';
import { loadRoutines } from '../../src/routines/load.js';

/**
 * What a person types, what the coach was waiting for, and the intent it becomes: the cases the old word
 * tables (text/parse.ts) were held to, now read by the one typed understanding. Where the understanding reads
 * more than the tables did, the case says so ("sharp" alone in a step is a sharp pain, not "didn't catch that").
 */
const cases: Array<[text: string, expect: Expectation, intent: Partial<Intent> & { type: Intent['type'] }]> = [
  // Numbers: pain scores where one is asked; minutes where a routine is chosen.
  ['5', 'painScore', { type: 'painScore', score: 5 }],
  ['7/10', 'painScore', { type: 'painScore', score: 7 }],
  ['pain 7 out of 10', 'painScore', { type: 'painScore', score: 7 }],
  ['0', 'painScore', { type: 'painScore', score: 0 }],
  ['11', 'painScore', { type: 'painScore', score: 11 }],
  ['-1', 'painScore', { type: 'painScore', score: -1 }],
  ['seven', 'painScore', { type: 'painScore', score: 7 }],
  ['zero out of 10', 'painScore', { type: 'painScore', score: 0 }],
  ['5', 'routine', { type: 'recommend', minutes: 5 }],
  // Kinds of hurt, asked for or said in a step; emergency signs whatever was asked.
  ['sharp', 'hurtKind', { type: 'hurts', kind: 'sharp' }],
  ['sharp', 'command', { type: 'hurts', kind: 'sharp' }],
  ['shooting', 'hurtKind', { type: 'hurts', kind: 'sharp' }],
  ['tingling down my leg', 'hurtKind', { type: 'hurts', kind: 'spreading' }],
  ['numb', 'hurtKind', { type: 'hurts', kind: 'numbness' }],
  ['just a bit of a stretch', 'hurtKind', { type: 'hurts', kind: 'mild' }],
  ['bleeding', 'hurtKind', { type: 'hurts', kind: 'pregnancy' }],
  ['numb around my seat', 'hurtKind', { type: 'hurts', kind: 'saddle' }],
  ['numb around my seat', 'command', { type: 'hurts', kind: 'saddle' }],
  ['my seat is numb', 'painScore', { type: 'hurts', kind: 'saddle' }],
  ['both legs are weak', 'command', { type: 'hurts', kind: 'bothLegs' }],
  ['I feel faint', 'command', { type: 'hurts', kind: 'faint' }],
  ['chest pain', 'command', { type: 'hurts', kind: 'chest' }],
  ['knee to chest', 'command', { type: 'unknown' }],
  ['this hurts', 'command', { type: 'hurts' }],
  ['ouch', 'command', { type: 'hurts' }],
  ['it hurts, sharp', 'command', { type: 'hurts', kind: 'sharp' }],
  ['shooting pain down my leg', 'command', { type: 'hurts', kind: 'spreading' }],
  ['I feel dizzy', 'command', { type: 'dizzy' }],
  ['woozy', 'command', { type: 'dizzy' }],
  ['I am dizzy', 'command', { type: 'dizzy' }],
  // Answers.
  ['Yes!', 'yesNo', { type: 'yes' }],
  ['yeah', 'yesNoUnsure', { type: 'yes' }],
  ['nope', 'yesNo', { type: 'no' }],
  ['No.', 'yesNoUnsure', { type: 'no' }],
  ['not sure', 'yesNoUnsure', { type: 'unsure' }],
  ["I don't know", 'yesNoUnsure', { type: 'unsure' }],
  ['I have no pain', 'painScore', { type: 'painScore', score: 0 }],
  ['no pain', 'painScore', { type: 'painScore', score: 0 }],
  ['pain free', 'painScore', { type: 'painScore', score: 0 }],
  ['no pain', 'yesNo', { type: 'no' }],
  // Commands.
  ['next', 'command', { type: 'next' }],
  ['Done', 'command', { type: 'next' }],
  ['go back', 'command', { type: 'back' }],
  ['again', 'command', { type: 'repeat' }],
  ['skip it', 'command', { type: 'skip' }],
  ['skip', 'painScore', { type: 'skip' }],
  ['hold on', 'command', { type: 'pause' }],
  ['keep going', 'command', { type: 'next' }],
  ['start over', 'command', { type: 'startOver' }],
  ['make it easier', 'command', { type: 'easier' }],
  ['easier version', 'command', { type: 'easier' }],
  ['where am I?', 'command', { type: 'progress' }],
  ['how many left', 'command', { type: 'progress' }],
  ['help', 'command', { type: 'help' }],
  ['quit', 'command', { type: 'stop' }],
  ['list routines', 'command', { type: 'list' }],
  ['what routines do you have?', 'routine', { type: 'list' }],
  ['surprise me', 'routine', { type: 'recommend' }],
  ['my history', 'command', { type: 'history' }],
  ['forget me', 'command', { type: 'forgetMe' }],
  ['forget', 'command', { type: 'forgetMe' }],
  ['delete my data', 'command', { type: 'forgetMe' }],
  ['reminders off', 'command', { type: 'reminderOff' }],
  ['hello', 'command', { type: 'launch' }],
  ['hi', 'routine', { type: 'launch' }],
  // Reminders.
  ['remind me weekdays at 3pm', 'command', { type: 'setReminder', days: 'weekdays', time: '15:00' }],
  ['Remind me at 3pm', 'command', { type: 'setReminder', time: '15:00' }],
  ['remind me every day at 15:00', 'command', { type: 'setReminder', time: '15:00', days: 'daily' }],
  ['remind me on monday and friday at 9am', 'command', { type: 'setReminder', days: 'mon fri', time: '09:00' }],
  ['remind me weekdays at 25:00', 'command', { type: 'setReminder', days: 'weekdays', time: '25:00' }],
  // Choosing: minutes, equipment, names.
  ['I have 5 minutes', 'command', { type: 'recommend', minutes: 5 }],
  ['10 mins', 'routine', { type: 'recommend', minutes: 10 }],
  ['no strap', 'command', { type: 'recommend', without: ['strap'] }],
  ['no strap', 'routine', { type: 'recommend', without: ['strap'] }],
  ['10 minutes without a strap', 'routine', { type: 'recommend', minutes: 10, without: ['strap'] }],
  ["I don't have a foam roller", 'routine', { type: 'recommend', without: ['foam-roller'] }],
  ['start five moves', 'command', { type: 'start', routine: 'five-moves' }],
  ["let's do the back break", 'command', { type: 'start', routine: 'back-break' }],
  ['the foam roller one', 'routine', { type: 'start', routine: 'spinal-love' }],
  // Nonsense.
  ['blorp', 'command', { type: 'unknown' }],
  ['   ', 'command', { type: 'unknown' }],
  ['purple monkey dishwasher', 'yesNoUnsure', { type: 'unknown' }],
  ['constructor', 'painScore', { type: 'unknown' }],
];

describe('typed words, as every text surface reads them', () => {
  const u = loadUnderstanding(loadRoutines());
  for (const [text, at, want] of cases) {
    it(`"${text}" (expecting ${at}) -> ${JSON.stringify(want)}`, () => expect(u.understand(text, at)).to.deep.include(want));
  }

  it('"no belt and no blocks": a choice without either', () => {
    const got = u.understand('no belt and no blocks', 'routine');
    expect(got).to.deep.include({ type: 'recommend' });
    expect((got as { without?: string[] }).without).to.have.members(['strap', 'block']);
  });
});
