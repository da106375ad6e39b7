import { expect } from 'chai';
import type { Intent as AlexaIntent, Slot } from 'ask-sdk-model';
import { Intent } from '../../../src/core/intents.js';
import { hurtKindOf, parseNumber, parseTime, readSlot, toCoreIntent, UNREADABLE_SCORE } from '../../../src/adapters/alexa/understand.js';

function slot(name: string, value?: string, id?: string): Slot {
  return {
    name,
    value,
    confirmationStatus: 'NONE',
    ...(value !== undefined
      ? {
          resolutions: {
            resolutionsPerAuthority: [
              id
                ? { authority: 'amzn1.er-authority.echo-sdk.x.T', status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id, name: value } }] }
                : { authority: 'amzn1.er-authority.echo-sdk.x.T', status: { code: 'ER_SUCCESS_NO_MATCH' } },
            ],
          },
        }
      : {}),
  } as Slot;
}

function intent(name: string, ...slots: Slot[]): AlexaIntent {
  return { name, confirmationStatus: 'NONE', slots: Object.fromEntries(slots.map((s) => [s.name, s])) };
}

describe('alexa intents -> core intents', () => {
  const cases: Array<[string, AlexaIntent, Intent]> = [
    ['Yes', intent('AMAZON.YesIntent'), { type: 'yes' }],
    ['No', intent('AMAZON.NoIntent'), { type: 'no' }],
    ['NotSure', intent('NotSureIntent'), { type: 'unsure' }],
    ['Next', intent('AMAZON.NextIntent'), { type: 'next' }],
    ['Previous', intent('AMAZON.PreviousIntent'), { type: 'back' }],
    ['Repeat', intent('AMAZON.RepeatIntent'), { type: 'repeat' }],
    ['Pause', intent('AMAZON.PauseIntent'), { type: 'pause' }],
    ['Resume', intent('AMAZON.ResumeIntent'), { type: 'resume' }],
    ['StartOver', intent('AMAZON.StartOverIntent'), { type: 'startOver' }],
    ['Skip', intent('SkipIntent'), { type: 'skip' }],
    ['Easier', intent('EasierIntent'), { type: 'easier' }],
    ['Dizzy', intent('DizzyIntent'), { type: 'dizzy' }],
    ['Progress', intent('ProgressIntent'), { type: 'progress' }],
    ['List', intent('ListRoutinesIntent'), { type: 'list' }],
    ['History', intent('HistoryIntent'), { type: 'history' }],
    ['ForgetMe', intent('ForgetMeIntent'), { type: 'forgetMe' }],
    ['ReminderOff', intent('ReminderOffIntent'), { type: 'reminderOff' }],
    ['Help', intent('AMAZON.HelpIntent'), { type: 'help' }],
    ['Stop', intent('AMAZON.StopIntent'), { type: 'stop' }],
    ['Cancel', intent('AMAZON.CancelIntent'), { type: 'stop' }],
    ['NavigateHome', intent('AMAZON.NavigateHomeIntent'), { type: 'stop' }],
    ['Fallback', intent('AMAZON.FallbackIntent'), { type: 'unknown', text: '' }],
    ['an intent we never declared', intent('AMAZON.MoreIntent'), { type: 'unknown', text: 'AMAZON.MoreIntent' }],
    ['start, resolved', intent('StartRoutineIntent', slot('routine', 'foam roller', 'spinal-love')), { type: 'start', routine: 'spinal-love' }],
    ['start, unknown name as heard', intent('StartRoutineIntent', slot('routine', 'pilates for cats')), { type: 'start', routine: 'pilates for cats' }],
    ['start, no name', intent('StartRoutineIntent', slot('routine')), { type: 'start' }],
    ['recommend by minutes and equipment', intent('RecommendIntent', slot('minutes', '5'), slot('equipment', 'belt', 'strap')), { type: 'recommend', minutes: 5, without: ['strap'] }],
    ['recommend, nothing said', intent('RecommendIntent', slot('minutes'), slot('equipment')), { type: 'recommend' }],
    ['recommend, unreadable minutes', intent('RecommendIntent', slot('minutes', '?')), { type: 'recommend' }],
    ['hurts, resolved kind', intent('HurtsIntent', slot('kind', 'shooting', 'sharp')), { type: 'hurts', kind: 'sharp' }],
    ['hurts, no kind', intent('HurtsIntent', slot('kind')), { type: 'hurts' }],
    ['hurts, kind read by its words', intent('HurtsIntent', slot('kind', 'tingling all the way down my leg')), { type: 'hurts', kind: 'spreading' }],
    ['pain score', intent('PainScoreIntent', slot('score', '7')), { type: 'painScore', score: 7 }],
    ['pain score in words', intent('PainScoreIntent', slot('score', 'seven')), { type: 'painScore', score: 7 }],
    ['pain score out of range goes to the core', intent('PainScoreIntent', slot('score', '42')), { type: 'painScore', score: 42 }],
    ['pain score "?" goes to the core to re-ask', intent('PainScoreIntent', slot('score', '?')), { type: 'painScore', score: UNREADABLE_SCORE }],
    ['pain score missing goes to the core to re-ask', intent('PainScoreIntent', slot('score')), { type: 'painScore', score: UNREADABLE_SCORE }],
    ['reminder', intent('SetReminderIntent', slot('time', '15:00'), slot('days', 'weekdays', 'weekdays')), { type: 'setReminder', time: '15:00', days: 'weekdays' }],
    ['reminder, spoken time and raw days', intent('SetReminderIntent', slot('time', '3 pm'), slot('days', 'mondays and thursdays')), { type: 'setReminder', time: '15:00', days: 'mondays and thursdays' }],
    ['reminder, part of day left to the core', intent('SetReminderIntent', slot('time', 'EV')), { type: 'setReminder', time: 'EV' }],
    ['reminder, nothing said', intent('SetReminderIntent', slot('time'), slot('days')), { type: 'setReminder' }],
    // Values the model does not know (ER_SUCCESS_NO_MATCH) go as heard; the core ignores or re-asks them.
    ['recommend, equipment the model does not know', intent('RecommendIntent', slot('equipment', 'trampoline')), { type: 'recommend', without: ['trampoline'] }],
    ['reminder, days the model does not know', intent('SetReminderIntent', slot('time', '09:00'), slot('days', 'fortnightly')), { type: 'setReminder', time: '09:00', days: 'fortnightly' }],
    ['reminder, a time that is not one', intent('SetReminderIntent', slot('time', 'whenever')), { type: 'setReminder', time: 'whenever' }],
    ['hurts, a kind neither the model nor its words know', intent('HurtsIntent', slot('kind', 'weird')), { type: 'hurts' }],
    ['pain score below zero in words', intent('PainScoreIntent', slot('score', 'minus three')), { type: 'painScore', score: UNREADABLE_SCORE }],
    ['start, without any slots object', { name: 'StartRoutineIntent', confirmationStatus: 'NONE' }, { type: 'start' }],
    ['an undeclared intent with slots', intent('OrderPizzaIntent', slot('size', 'large')), { type: 'unknown', text: 'OrderPizzaIntent' }],
  ];
  for (const [name, alexa, core] of cases) {
    it(name, () => {
      const mapped = toCoreIntent(alexa);
      expect(mapped).to.deep.equal(core);
      expect(Intent.safeParse(mapped).success, 'a valid core intent').to.equal(true);
    });
  }
});

describe('alexa slot values', () => {
  it('prefers the entity resolution id over what was heard', () => {
    expect(readSlot(slot('routine', 'the roller one', 'spinal-love'))).to.deep.equal({ id: 'spinal-love', heard: 'the roller one' });
    expect(readSlot(slot('routine', 'tai chi'))).to.deep.equal({ heard: 'tai chi' });
    expect(readSlot(undefined)).to.deep.equal({});
  });

  it('takes only a match with a value as resolved; other statuses keep what was heard', () => {
    const withAuthorities = (...authorities: object[]) =>
      ({ name: 'routine', value: ' the roller one ', confirmationStatus: 'NONE', resolutions: { resolutionsPerAuthority: authorities } }) as Slot;
    const match = (id?: string) => ({ authority: 'a', status: { code: 'ER_SUCCESS_MATCH' }, values: id ? [{ value: { id, name: 'x' } }] : [] });
    expect(readSlot(withAuthorities(match()))).to.deep.equal({ heard: 'the roller one' });
    expect(readSlot(withAuthorities({ authority: 'a', status: { code: 'ER_ERROR_TIMEOUT' } }))).to.deep.equal({ heard: 'the roller one' });
    expect(readSlot(withAuthorities({ authority: 'a', status: { code: 'ER_SUCCESS_NO_MATCH' } }, match('spinal-love')))).to.deep.equal({
      id: 'spinal-love',
      heard: 'the roller one',
    });
    const blank = readSlot({ name: 'routine', value: '   ', confirmationStatus: 'NONE' } as Slot);
    expect([blank.id, blank.heard]).to.deep.equal([undefined, undefined]);
  });

  it('reads numbers in digits and words', () => {
    expect(parseNumber('0')).to.equal(0);
    expect(parseNumber('ten')).to.equal(10);
    expect(parseNumber('twenty five')).to.equal(25);
    expect(parseNumber('?')).to.equal(undefined);
    expect(parseNumber('lots')).to.equal(undefined);
    expect(parseNumber('')).to.equal(undefined);
  });

  it('reads clock times', () => {
    expect(parseTime('15:00')).to.equal('15:00');
    expect(parseTime('07:30')).to.equal('07:30');
    expect(parseTime('3 pm')).to.equal('15:00');
    expect(parseTime('12 am')).to.equal('00:00');
    expect(parseTime('nine am')).to.equal('09:00');
    expect(parseTime('noon')).to.equal('12:00');
    expect(parseTime('25:00')).to.equal(undefined);
    expect(parseTime('EV')).to.equal(undefined);
    expect(parseTime("three o'clock")).to.equal('03:00');
    expect(parseTime("9 o'clock")).to.equal('09:00');
    expect(parseTime('3 p.m.')).to.equal('15:00');
    expect(parseTime('13 pm')).to.equal(undefined);
    expect(parseTime('lunchtime')).to.equal(undefined);
    expect(parseTime(undefined)).to.equal(undefined);
  });

  it('maps hurt words to the core kinds, the most serious first', () => {
    const kinds: Array<[string, string | undefined]> = [
      ['sharp', 'sharp'],
      ['shooting', 'sharp'],
      ['spreading down my leg', 'spreading'],
      ['pins and needles', 'spreading'],
      ['numb', 'numbness'],
      ['a mild stretch', 'mild'],
      ['chest pain', 'chest'],
      ['numb around my seat', 'saddle'],
      ['sharp pain in my chest', 'chest'],
      ['bleeding', 'pregnancy'],
      ['weird', undefined],
    ];
    for (const [heard, kind] of kinds) expect(hurtKindOf({ heard }), heard).to.equal(kind);
    expect(hurtKindOf({ id: 'mild', heard: 'sharp' })).to.equal('mild');
  });
});
