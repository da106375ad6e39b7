import { expect } from 'chai';
import type { Intent } from '../../src/core/intents.js';
import { runOf } from '../../src/core/session.js';
import {
  begin,
  DAY,
  dizzy,
  effectsWith,
  headings,
  HOUR,
  hurts,
  iso,
  newcomer,
  next,
  no,
  pain,
  person,
  resume,
  run,
  skip,
  start,
  stop,
  yes,
  type Until,
} from './harness.js';

/** safety.md sections 1 to 4, as a person meets them: clearance, pain before, today's left-out moves, care. */

const cleared: Intent = { type: 'cleared' };
const walk: Until = { until: 'painAfter', send: next };

describe('safety: a doctor has checked it (tier B clearance)', () => {
  run([
    {
      name: 'the urgent advice says how to record a doctor\'s check, and which answer it follows',
      world: { profile: newcomer() },
      turns: [start('back break'), no, yes, no, no, yes],
      moment: 'urgent',
      says: ['You told me about ever having had cancer.', "Please don't exercise today.", 'tell me: a doctor has checked it'],
      end: true,
    },
    {
      name: '"a doctor has checked it": stored with its date, the day is lifted, and the screening goes on where it stopped',
      world: { profile: newcomer() },
      turns: [start('back break'), no, yes, no, no, yes, cleared],
      moment: 'screening',
      says: ["I've noted that a doctor has checked it", 'Do you take steroid tablets long term'],
      check: (c) => {
        expect(c.profile.screening?.cleared?.bCancer).to.equal(iso(0));
        expect(c.session?.blocked, 'no longer blocked').to.equal(undefined);
      },
    },
    {
      name: 'after the clearance, the rest of the screening and then the routine',
      world: { profile: newcomer() },
      turns: [start('back break'), no, yes, no, no, yes, cleared, no, no, no, no],
      moment: 'equipment',
      check: (c) => expect(c.profile.screening?.answers.bCancer).to.equal('yes'),
    },
    {
      name: 'a cleared stable trait is not asked again at the next full screening, weeks later',
      world: { profile: newcomer() },
      turns: [start('back break'), no, yes, no, no, yes, cleared, no, no, no, no, stop, { wait: 40 * DAY }, start('back break'), no],
      moment: 'screening',
      says: ['Any of these: a fever or chills, weight loss without trying, long-term steroids or weak immunity, or new back pain and over 50 or under 20?'],
      saysNot: ['cancer'],
    },
    {
      name: 'a tier A day is never lifted by a clearance',
      turns: [start('back break'), yes, yes, cleared, start('back break')],
      moment: 'emergency',
      says: ["Don't exercise.", 'Call 911 now.'],
      end: true,
    },
    {
      name: '"a doctor has checked it" with nothing waiting on a check: said so, nothing stored',
      turns: [start('back break'), cleared],
      moment: 'screening',
      says: ["There's nothing waiting on a doctor's check."],
      noEffects: ['saveProfile'],
    },
  ]);
});

describe('safety: pain before starting (safety.md section 4)', () => {
  run([
    {
      name: '10 out of 10: no exercise now, advice to rest and get help, the conversation closes',
      turns: [start('five moves'), no, yes, pain(10)],
      moment: 'goodbye',
      says: ["please don't exercise now", 'see a doctor', 'call 911 now'],
      never: ['Step 1 of'],
      end: true,
    },
    {
      name: '10 out of 10 in the UK: NHS 111',
      world: { profile: person({ locale: 'en-GB' }) },
      turns: [start('five moves'), no, yes, pain(10)],
      says: ['call NHS 111', 'call 999 now'],
    },
    {
      name: '8 out of 10 with the foam roller routine: only the gentlest routine, with the advice',
      turns: [start('spinal love'), no, yes, pain(8)],
      moment: 'step',
      says: ["let's keep to the gentlest routine today: Back break", 'see a doctor or physiotherapist', 'Step 1 of 6'],
      check: (c) => expect(runOf(c.session)?.routineId).to.equal('back-break'),
    },
    {
      name: '9 out of 10 with the gentlest routine already: it goes ahead, very gently, with the advice',
      turns: [start('back break'), no, yes, pain(9)],
      moment: 'step',
      says: ["we'll keep it very gentle", 'Step 1 of 6'],
      check: (c) => expect(runOf(c.session)?.painBefore).to.equal(9),
    },
    {
      name: '7 out of 10: the routine asked for',
      turns: [start('spinal love'), no, yes, pain(7)],
      moment: 'step',
      saysNot: ['gentlest'],
      check: (c) => expect(runOf(c.session)?.routineId).to.equal('spinal-love'),
    },
  ]);
});

describe('safety: what is left out stays out for the day (safety.md section 3)', () => {
  run([
    {
      name: 'dizzy in a move, stop, and the same routine again later that day: the move stays out, the reason said',
      turns: [...begin('back break'), next, dizzy, no, stop, { wait: 2 * HOUR }, ...begin('back break'), walk],
      check: (c) => {
        const restart = c.turns.findIndex((t, i) => i > 5 && t.intent.type === 'start');
        expect(headings(c, restart)).to.not.include('Seated around the world');
        expect(c.turns.some((t, i) => i > restart && t.speech.includes('I leave out what bothered you earlier today.'))).to.equal(true);
      },
    },
    {
      name: 'the next day the move is back',
      turns: [...begin('back break'), next, dizzy, no, stop, { wait: DAY }, ...begin('back break'), walk],
      check: (c) => {
        const restart = c.turns.findIndex((t, i) => i > 5 && t.intent.type === 'start');
        expect(headings(c, restart)).to.include('Seated around the world');
      },
    },
    {
      name: 'sharp pain spreading down the right leg in a strap stretch: the other right-leg strap stretches go, the left ones stay',
      turns: [...begin('five moves'), next, next, hurts('spreading'), skip, walk],
      check: (c) => {
        const shown = headings(c);
        expect(shown).to.not.include('Strap stretch out to the side, right leg');
        expect(shown).to.not.include('Strap stretch across, right leg');
        expect(shown).to.include('Strap stretch up, left leg');
        expect(c.profile.leftOutToday?.techniques).to.deep.equal([{ tag: 'strap-leg-stretch', side: 'right' }]);
      },
    },
    {
      name: 'and a restart the same day leaves them out too',
      turns: [...begin('five moves'), next, next, hurts('spreading'), stop, { wait: HOUR }, ...begin('five moves'), walk],
      check: (c) => {
        const restart = c.turns.findIndex((t, i) => i > 6 && t.intent.type === 'start');
        const shown = headings(c, restart);
        expect(shown.filter((h) => /right leg/.test(h) && /Strap/.test(h))).to.deep.equal([]);
        expect(shown).to.include('Strap stretch across, left leg');
      },
    },
  ]);
});

describe('safety: hard moments answered with care', () => {
  run([
    {
      name: 'sharp pain: sympathy, stop, and a check for symptoms in both legs or the seat',
      turns: [...begin('back break'), hurts('sharp')],
      moment: 'hurtChoice',
      says: ["I'm sorry.", 'Stop this exercise now.', 'spreads into both legs, or your seat feels numb, tell me straight away'],
    },
    {
      name: 'after a routine that flared: care, and no reminder offer in the same breath',
      turns: [...begin('back break'), hurts('sharp'), skip, walk, pain(4)],
      moment: 'finished',
      says: ['Go easy for the rest of today.'],
      saysNot: ['reminder'],
      end: true,
    },
    {
      // Found walking five moves: "How was that? Rate your back from 0 to 10" then at once "How is your back now?".
      name: 'one pain question at the end: the last step asks no question of its own before it',
      turns: [...begin('five moves', 4), walk],
      moment: 'painAfter',
      says: ['How is your back now'],
      never: ['How was that?'],
    },
    {
      name: 'more pain at the end than at the start: care instead of the reminder offer, and the last step, which asked how it felt, is noted',
      turns: [...begin('five moves', 3), walk, pain(7)],
      moment: 'finished',
      says: ['Go easy for the rest of today.'],
      saysNot: ['reminder'],
      effects: [{ type: 'safetyEvent', kind: 'painRise', routineId: 'five-moves', stepId: 'legs-30-60-90' }],
      end: true,
    },
    {
      name: 'a routine with nothing flared still ends with the reminder offer',
      turns: [...begin('back break'), walk, pain(2)],
      moment: 'finished',
      says: ['reminder'],
      end: false,
    },
  ]);
});

describe('safety: every stop sign can be pressed', () => {
  run([
    {
      name: 'a step offers "I feel dizzy" beside "This hurts"',
      turns: [...begin('back break')],
      check: (c) => expect(c.reply.choices.map((x) => x.label)).to.include.members(['This hurts', 'I feel dizzy']),
    },
    {
      name: 'the kinds of hurt include the emergency signs, and no pregnancy signs for someone not pregnant',
      turns: [...begin('back break'), hurts()],
      check: (c) => {
        const kinds = c.reply.choices.map((x) => (x.intent.type === 'hurts' ? x.intent.kind : undefined));
        expect(kinds).to.include.members(['saddle', 'bladder', 'bothLegs', 'chest', 'faint']);
        expect(kinds).to.not.include('pregnancy');
      },
    },
    {
      name: 'for a pregnant person, the pregnancy warning signs too',
      world: { profile: person({ answers: { cPregnant: 'yes' } }) },
      turns: [...begin('back break'), hurts()],
      check: (c) => expect(c.reply.choices.some((x) => x.intent.type === 'hurts' && x.intent.kind === 'pregnancy')).to.equal(true),
    },
    {
      name: 'a pressed emergency sign: the emergency path, audited once',
      turns: [...begin('back break'), hurts(), hurts('bladder'), resume],
      moment: 'emergency',
      check: (c) => expect(effectsWith(c.all, { type: 'safetyEvent' })).to.have.length(1),
    },
  ]);
});

describe('safety: "did your back settle?" however the session begins (safety.md section 4)', () => {
  const unsettled = { history: [{ routineId: 'five-moves', startedAt: iso(-DAY - HOUR), finishedAt: iso(-DAY), completed: true, stepsDone: 5, stepsSkipped: 0 }] };
  run([
    {
      name: 'a one-shot start (Slack button, "Alexa, ask back break to start five moves"): the settle question first',
      world: unsettled,
      turns: [start('five moves')],
      moment: 'settled',
      says: ['Did your back settle within a day after your last routine?'],
    },
    {
      name: '"yes": on to the routine asked for, its screening',
      world: unsettled,
      turns: [start('five moves'), yes],
      moment: 'screening',
      effects: [{ type: 'markSettled', settled: true }],
      check: (c) => expect(c.session && 'routineId' in c.session ? c.session.routineId : undefined).to.equal('five-moves'),
    },
    {
      name: '"no": something gentler and shorter instead, with the full screening again',
      world: unsettled,
      turns: [start('five moves'), no],
      moment: 'screening',
      says: ["Today let's go shorter and gentler", 'I suggest Back break', 'First, a few safety questions'],
      effects: [{ type: 'markSettled', settled: false }],
    },
  ]);
});

describe('safety: a routine picked up on a new day asks the emergency question first', () => {
  run([
    {
      name: 'paused yesterday, resumed today: the emergency question, then the step where it was left',
      turns: [...begin('back break'), next, next, { type: 'pause' }, { wait: DAY }, resume],
      moment: 'screening',
      says: ['Do you have any of these: numbness around your seat'],
    },
    {
      name: '"no" to it: back to step 3, where it was left',
      turns: [...begin('back break'), next, next, { type: 'pause' }, { wait: DAY }, resume, no],
      moment: 'step',
      says: ['Step 3 of 6'],
    },
    {
      name: 'a tier A "yes" to it: the emergency path, no step',
      turns: [...begin('back break'), next, next, { type: 'pause' }, { wait: DAY }, resume, yes, yes],
      moment: 'emergency',
    },
    {
      name: 'resumed the same day: no question, straight back in',
      turns: [...begin('back break'), next, next, { type: 'pause' }, { wait: 2 * HOUR }, resume],
      moment: 'step',
      says: ['Step 3 of 6'],
    },
  ]);
});
