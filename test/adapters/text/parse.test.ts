import { expect } from 'chai';
import { parseText } from '../../../src/adapters/text/parse.js';
import type { Intent } from '../../../src/core/intents.js';
import type { Expect } from '../../../src/core/reply.js';

/** What a person types, what the coach was waiting for, and the intent it must become. */
const cases: Array<[text: string, expect: Expect, intent: Intent]> = [
  // Numbers: pain scores, except when a routine is expected.
  ['5', 'painScore', { type: 'painScore', score: 5 }],
  ['5', 'command', { type: 'painScore', score: 5 }],
  ['7/10', 'painScore', { type: 'painScore', score: 7 }],
  ['pain 7 out of 10', 'painScore', { type: 'painScore', score: 7 }],
  ['0', 'painScore', { type: 'painScore', score: 0 }],
  ['11', 'painScore', { type: 'painScore', score: 11 }],
  ['-1', 'painScore', { type: 'painScore', score: -1 }],
  ['5', 'routine', { type: 'start', routine: '5' }],

  // Kinds of hurt: bare words only when the kind is asked; emergency signs always.
  ['sharp', 'hurtKind', { type: 'hurts', kind: 'sharp' }],
  ['sharp', 'command', { type: 'unknown', text: 'sharp' }],
  ['mild', 'command', { type: 'unknown', text: 'mild' }],
  ['shooting', 'hurtKind', { type: 'hurts', kind: 'sharp' }],
  ['tingling down my leg', 'hurtKind', { type: 'hurts', kind: 'spreading' }],
  ['numb', 'hurtKind', { type: 'hurts', kind: 'numbness' }],
  ['just a bit of a stretch', 'hurtKind', { type: 'hurts', kind: 'mild' }],
  ['bleeding', 'hurtKind', { type: 'hurts', kind: 'pregnancy' }],
  ['numb around my seat', 'hurtKind', { type: 'hurts', kind: 'saddle' }],
  ['numb around my seat', 'command', { type: 'hurts', kind: 'saddle' }],
  ['my seat is numb', 'painScore', { type: 'hurts', kind: 'saddle' }],
  ['both legs are weak', 'command', { type: 'hurts', kind: 'saddle' }],
  ['I feel faint', 'command', { type: 'hurts', kind: 'chest' }],
  ['chest pain', 'command', { type: 'hurts', kind: 'chest' }],
  ['knee to chest', 'command', { type: 'unknown', text: 'knee to chest' }],
  ['this hurts', 'command', { type: 'hurts' }],
  ['ouch', 'command', { type: 'hurts' }],
  ['it hurts, sharp', 'command', { type: 'hurts', kind: 'sharp' }],
  ['shooting pain down my leg', 'command', { type: 'hurts', kind: 'spreading' }],
  ['I feel dizzy', 'command', { type: 'dizzy' }],
  ['woozy', 'command', { type: 'dizzy' }],

  // Answers.
  ['Yes!', 'yesNo', { type: 'yes' }],
  ['yeah', 'yesNoUnsure', { type: 'yes' }],
  ['nope', 'yesNo', { type: 'no' }],
  ['No.', 'yesNoUnsure', { type: 'no' }],
  ['not sure', 'yesNoUnsure', { type: 'unsure' }],
  ["I don't know", 'yesNoUnsure', { type: 'unsure' }],

  // Commands.
  ['next', 'command', { type: 'next' }],
  ['Done', 'command', { type: 'next' }],
  ['go back', 'command', { type: 'back' }],
  ['again', 'command', { type: 'repeat' }],
  ['skip it', 'command', { type: 'skip' }],
  ['skip', 'painScore', { type: 'skip' }],
  ['hold on', 'command', { type: 'pause' }],
  ['keep going', 'command', { type: 'resume' }],
  ['start over', 'command', { type: 'startOver' }],
  ['make it easier', 'command', { type: 'easier' }],
  ['where am I?', 'command', { type: 'progress' }],
  ['how many left', 'command', { type: 'progress' }],
  ['help', 'command', { type: 'help' }],
  ['quit', 'command', { type: 'stop' }],
  ['list routines', 'command', { type: 'list' }],
  ['what routines do you have?', 'routine', { type: 'list' }],
  ['surprise me', 'routine', { type: 'recommend' }],
  ['my history', 'command', { type: 'history' }],
  ['forget me', 'command', { type: 'forgetMe' }],
  ['delete my data', 'command', { type: 'forgetMe' }],
  ['reminders off', 'command', { type: 'reminderOff' }],

  // Reminders.
  ['remind me weekdays at 3pm', 'command', { type: 'setReminder', days: 'weekdays', time: '15:00' }],
  ['Remind me at 3pm', 'command', { type: 'setReminder', days: 'daily', time: '15:00' }],
  ['remind me every day at 15:00', 'command', { type: 'setReminder', time: '15:00' }],
  ['remind me on monday and friday at 9am', 'command', { type: 'setReminder', days: 'monday and friday', time: '09:00' }],
  ['remind me weekdays at 25:00', 'command', { type: 'setReminder', days: 'weekdays' }],
  ['remind me tomorrow', 'command', { type: 'setReminder' }],

  // Choosing: minutes, equipment, names.
  ['I have 5 minutes', 'command', { type: 'recommend', minutes: 5 }],
  ['10 mins', 'routine', { type: 'recommend', minutes: 10 }],
  ['no strap', 'command', { type: 'recommend', without: ['strap'] }],
  ['no strap', 'routine', { type: 'recommend', without: ['strap'] }],
  ['10 minutes without a strap', 'routine', { type: 'recommend', minutes: 10, without: ['strap'] }],
  ["I don't have a foam roller", 'routine', { type: 'recommend', without: ['foam roller'] }],
  ['no belt and no blocks', 'routine', { type: 'recommend', without: ['belt', 'blocks'] }],
  ['start five moves', 'command', { type: 'start', routine: 'five moves' }],
  ["let's do the back break", 'command', { type: 'start', routine: 'back break' }],
  ['the foam roller one', 'routine', { type: 'start', routine: 'the foam roller one' }],

  // Nonsense.
  ['blorp', 'command', { type: 'unknown', text: 'blorp' }],
  ['the foam roller one', 'command', { type: 'unknown', text: 'the foam roller one' }],
  ['3pm', 'command', { type: 'unknown', text: '3pm' }],
  ['   ', 'command', { type: 'unknown', text: '   ' }],
  ['purple monkey dishwasher', 'yesNoUnsure', { type: 'unknown', text: 'purple monkey dishwasher' }],
];

describe('text intent parser', () => {
  for (const [text, expected, intent] of cases) {
    it(`"${text}" (expecting ${expected}) -> ${JSON.stringify(intent)}`, () => expect(parseText(text, expected)).to.deep.equal(intent));
  }
});

describe('text parsing: no pain', () => {
  it('"I have no pain" at a pain question is a zero, and never a hurt', () => {
    expect(parseText('I have no pain', 'painScore')).to.deep.equal({ type: 'painScore', score: 0 });
    expect(parseText('no pain', 'painScore')).to.deep.equal({ type: 'painScore', score: 0 });
    expect(parseText('pain free', 'painScore')).to.deep.equal({ type: 'painScore', score: 0 });
    expect(parseText('no pain', 'command')).to.deep.equal({ type: 'no' });
  });
});

describe('text parsing: words every text surface shares', () => {
  const cases: Array<[string, Expect, Intent]> = [
    ['forget', 'command', { type: 'forgetMe' }],
    ['hello', 'command', { type: 'launch' }],
    ['hi', 'routine', { type: 'launch' }],
    ['I am dizzy', 'command', { type: 'dizzy' }],
    ['easier version', 'command', { type: 'easier' }],
    ['seven', 'painScore', { type: 'painScore', score: 7 }],
    ['pain five', 'command', { type: 'painScore', score: 5 }],
    ['zero out of 10', 'painScore', { type: 'painScore', score: 0 }],
    ['constructor', 'painScore', { type: 'unknown', text: 'constructor' }],
  ];
  for (const [text, expect_, intent] of cases) {
    it(`"${text}" (${expect_})`, () => expect(parseText(text, expect_)).to.deep.equal(intent));
  }
});
