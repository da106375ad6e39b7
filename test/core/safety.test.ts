import { expect } from 'chai';
import { copyFor } from '../../src/core/copy/en.js';
import type { Answer, Screening } from '../../src/core/profile.js';
import { Routine, SafetyTag, type RoutineInput } from '../../src/core/routine.js';
import { conditionsOf, leftOutToday, PainRules, planRoutine, TAG_CAUTIONS, type Condition } from '../../src/core/safety.js';
import {
  blockingAnswers,
  EVERY_SESSION,
  GROUPS,
  isCleared,
  needsFullScreening,
  partsOf,
  questionIds,
  screeningQueue,
  SIGNS,
  tierOf,
  withAnswers,
} from '../../src/core/screening.js';

const NOW = new Date('2025-03-12T09:00:00.000Z');
const DAY = 86_400_000;
const CONDITIONS: Condition[] = ['pregnant', 'surgery', 'surgeryBack', 'surgeryHip', 'surgeryBelly', 'osteoporosis', 'dizzy', 'neck'];

/** A routine of the given steps, with the schema's defaults. */
function routineOf(steps: Array<Partial<RoutineInput['steps'][number]> & { id: string }>): Routine {
  return Routine.parse({
    id: 'test',
    title: 'Test',
    summary: 'A routine for tests.',
    source: { title: 'Tests', author: 'Back Break', kind: 'composed' },
    level: 'gentle',
    startingPosition: 'Lie on your back.',
    steps: steps.map((s) => ({ name: s.id, instructions: ['Move.'], hold: { unit: 'breaths', count: 3 }, ...s })),
  });
}

/**
 * safety.md section 2, restated here independently of the code's table: what each tier C condition does to a
 * technique carrying each tag, and the sentence said about it. A missing entry: the step stays as it is.
 */
const surgery = (action: 'skip' | 'adapt', says: (kind: string) => string) => ({
  surgery: [action, says('').replace('your recent  surgery', 'recent surgery')] as ['skip' | 'adapt', string],
  surgeryBack: [action, says('back')] as ['skip' | 'adapt', string],
  surgeryHip: [action, says('hip')] as ['skip' | 'adapt', string],
  surgeryBelly: [action, says('belly')] as ['skip' | 'adapt', string],
});
const EXPECTED: Record<SafetyTag, Partial<Record<Condition, ['skip' | 'adapt', string]>>> = {
  'foam-roller-spine': {
    osteoporosis: ['skip', 'With fragile bones, I leave out lying on the foam roller.'],
    pregnant: ['skip', "In pregnancy, long spells flat on your back aren't advised."],
    surgeryBack: ['skip', 'After back surgery, lying on the roller waits until your surgeon says it is fine'],
    surgery: ['skip', 'After recent surgery, lying on the roller waits until your surgeon says it is fine'],
  },
  'head-hang': {
    neck: ['skip', 'With a neck condition, I leave out the head hang'],
    dizzy: ['skip', 'Because tilting your head back can make you dizzy'],
    osteoporosis: ['skip', 'With fragile bones'],
    surgeryBack: ['skip', 'After back surgery'],
    surgery: ['skip', 'After recent surgery'],
  },
  traction: {
    osteoporosis: ['skip', 'With fragile bones, sacral traction is not for you.'],
    pregnant: ['skip', 'In pregnancy, I leave out sacral traction.'],
    ...surgery('skip', (kind) => `After your recent ${kind} surgery, I leave this out.`),
  },
  'forward-bend-test': { osteoporosis: ['skip', 'I leave out the bend-forward test.'] },
  twist: {
    osteoporosis: ['adapt', 'twist slowly and stop well before your end range'],
    ...surgery('adapt', (kind) => `After your recent ${kind} surgery, keep twists small and slow.`),
  },
  'sacral-thumps': {
    osteoporosis: ['skip', 'I leave out the sacral thumps.'],
    ...surgery('skip', (kind) => `After your recent ${kind} surgery, I leave this out.`),
  },
  'strap-leg-stretch': {},
  'hip-opener': { surgeryHip: ['skip', 'After hip surgery, check with your surgeon'], surgery: ['skip', 'After recent surgery, check with your surgeon before deep hip stretches'] },
  'forward-fold': { osteoporosis: ['adapt', 'hinge at the hips and keep your back long'] },
  'prone-back-bend': {
    pregnant: ['skip', 'In pregnancy, I leave out poses lying face down.'],
    ...surgery('skip', (kind) => `After your recent ${kind} surgery, I leave this out.`),
  },
  'lying-flat': { pregnant: ['adapt', 'Lie on your side, or prop yourself up on a pillow.'] },
  'leg-lowering': {
    pregnant: ['skip', 'In pregnancy, I leave out the leg lowering.'],
    ...surgery('skip', (kind) => `After your recent ${kind} surgery, I leave this out.`),
  },
  'curl-up': {
    osteoporosis: ['skip', 'With fragile bones, I leave out curl-ups and head lifts.'],
    ...surgery('skip', (kind) => `After your recent ${kind} surgery, I leave this out.`),
  },
  bridge: { pregnant: ['adapt', 'keep bridges short'] },
};

describe('safety: planning a routine per condition and tag', () => {
  const copy = copyFor('en-US');
  it('the expected table covers every safety tag', () => expect(Object.keys(EXPECTED).sort()).to.deep.equal([...SafetyTag.options].sort()));

  for (const tag of SafetyTag.options) {
    for (const condition of CONDITIONS) {
      const expected = EXPECTED[tag][condition];
      it(`${tag} with ${condition}: ${expected ? expected[0] : 'unchanged'}`, () => {
        const routine = routineOf([{ id: 'before' }, { id: 'tagged', tags: [tag] }, { id: 'after' }]);
        const plan = planRoutine(routine, new Set([condition]));
        const tagged = plan.items.filter((i) => i.stepId === 'tagged');
        expect(plan.items.map((i) => i.stepId).filter((id) => id !== 'tagged')).to.deep.equal(['before', 'after']);
        if (!expected) {
          expect(tagged).to.deep.equal([{ stepId: 'tagged', round: 1 }]);
          expect(plan.left).to.deep.equal([]);
        } else if (expected[0] === 'skip') {
          expect(tagged).to.deep.equal([]);
          expect(plan.left).to.have.length(1);
          expect(plan.left[0]!.stepId).to.equal('tagged');
          expect(copy.reasons[plan.left[0]!.reason]).to.include(expected[1]);
        } else {
          expect(tagged).to.have.length(1);
          expect(plan.left).to.deep.equal([]);
          expect(copy.reasons[tagged[0]!.adapted!]).to.include(expected[1]);
        }
      });
    }
  }

  it('no conditions: every step as it is', () => {
    const routine = routineOf(SafetyTag.options.map((tag) => ({ id: tag, tags: [tag] })));
    const plan = planRoutine(routine, new Set());
    expect(plan.items.map((i) => i.stepId)).to.deep.equal([...SafetyTag.options]);
    expect(plan.items.every((i) => i.adapted === undefined)).to.equal(true);
  });

  it('skip beats adapt across tags and conditions', () => {
    const routine = routineOf([{ id: 'reverse-wipers', tags: ['twist', 'prone-back-bend'] }]);
    expect(planRoutine(routine, new Set(['surgeryBelly'])).items).to.deep.equal([]);
    expect(planRoutine(routine, new Set(['osteoporosis'])).items).to.deep.equal([{ stepId: 'reverse-wipers', round: 1, adapted: 'twistBones' }]);
    const roller = routineOf([{ id: 'settle', tags: ['lying-flat', 'foam-roller-spine'] }]);
    expect(planRoutine(roller, new Set(['pregnant'])).left).to.deep.equal([{ stepId: 'settle', reason: 'lyingFlatPregnant' }]);
  });

  it("today's left-out steps stay out (keyed by routine), whatever the conditions", () => {
    const routine = routineOf([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    const plan = planRoutine(routine, new Set(), new Set(), { steps: ['test/b', 'other-routine/c'], techniques: [] });
    expect(plan.items.map((i) => i.stepId)).to.deep.equal(['a', 'c']);
    expect(plan.left).to.deep.equal([{ stepId: 'b', reason: 'leftToday' }]);
    expect(copy.reasons.leftToday).to.match(/earlier today/);
  });

  it('a technique left out on one side today: its steps on that side go, the other side stays', () => {
    const routine = routineOf([
      { id: 'strap-both', tags: ['strap-leg-stretch'], sides: 'right-then-left' },
      { id: 'strap-right', tags: ['strap-leg-stretch'], side: 'right' },
      { id: 'strap-left', tags: ['strap-leg-stretch'], side: 'left' },
      { id: 'twist', tags: ['twist'], sides: 'right-then-left' },
    ]);
    const plan = planRoutine(routine, new Set(), new Set(), { steps: [], techniques: [{ tag: 'strap-leg-stretch', side: 'right' }] });
    expect(plan.items.map((i) => `${i.stepId}${i.side ? `:${i.side}` : ''}`)).to.deep.equal(['strap-both:left', 'strap-left', 'twist:right', 'twist:left']);
    expect(plan.left).to.deep.equal([{ stepId: 'strap-right', reason: 'leftToday' }]);
    const bothSides = planRoutine(routine, new Set(), new Set(), { steps: [], techniques: [{ tag: 'strap-leg-stretch' }] });
    expect(bothSides.items.map((i) => i.stepId)).to.deep.equal(['twist', 'twist']);
  });

  it("today's left-out moves lapse when the person's day moves on", () => {
    const profile = { leftOutToday: { day: '2025-03-12', steps: ['test/a'], techniques: [] } };
    expect(leftOutToday(profile, '2025-03-12')).to.deep.equal(profile.leftOutToday);
    expect(leftOutToday(profile, '2025-03-13')).to.equal(undefined);
    expect(leftOutToday({}, '2025-03-12')).to.equal(undefined);
  });

  it('sides and rounds: right then left, each round', () => {
    const routine = routineOf([
      { id: 'twist', sides: 'right-then-left', repeats: 2 },
      { id: 'other', sides: 'left-then-right' },
    ]);
    expect(planRoutine(routine, new Set()).items).to.deep.equal([
      { stepId: 'twist', side: 'right', round: 1 },
      { stepId: 'twist', side: 'left', round: 1 },
      { stepId: 'twist', side: 'right', round: 2 },
      { stepId: 'twist', side: 'left', round: 2 },
      { stepId: 'other', side: 'left', round: 1 },
      { stepId: 'other', side: 'right', round: 1 },
    ]);
  });

  it('an adapted sided step carries its reason on each side', () => {
    const routine = routineOf([{ id: 'twist', sides: 'right-then-left', tags: ['twist'] }]);
    expect(planRoutine(routine, new Set(['surgeryHip'])).items.map((i) => i.adapted)).to.deep.equal(['twistSurgeryHip', 'twistSurgeryHip']);
  });

  it('steps that flared are left out as "flared"; a condition\'s reason comes first', () => {
    const routine = routineOf([{ id: 'a' }, { id: 'b', tags: ['hip-opener'] }, { id: 'c' }]);
    const plan = planRoutine(routine, new Set(['surgeryHip']), new Set(['a', 'b']));
    expect(plan.items.map((i) => i.stepId)).to.deep.equal(['c']);
    expect(plan.left).to.deep.equal([
      { stepId: 'a', reason: 'flared' },
      { stepId: 'b', reason: 'hipSurgery' },
    ]);
    expect(copy.reasons.flared).to.match(/flared your back last time/);
  });

  it('every tag caution has words', () => {
    for (const key of Object.values(TAG_CAUTIONS)) expect(copy.tagCautions[key!], key).to.be.a('string').and.not.equal('');
  });
});

describe('safety: conditions from screening answers', () => {
  const cases: Array<[Record<string, Answer>, Condition[]]> = [
    [{}, []],
    [{ cPregnant: 'yes' }, ['pregnant']],
    [{ cSurgery: 'unsure' }, ['surgery']], // kind not named: every surgery rule, no kind named
    [{ cSurgery: 'yes', cSurgeryHip: 'yes', cSurgeryBack: 'no', cSurgeryBelly: 'no' }, ['surgeryHip']],
    [{ cSurgery: 'yes', cSurgeryBelly: 'unsure' }, ['surgeryBelly']],
    [{ cOsteoporosis: 'no', cDizzy: 'yes', cNeck: 'yes' }, ['dizzy', 'neck']],
    [{ bFever: 'yes', aSaddle: 'yes', cOsteoporosis: 'yes' }, ['osteoporosis']],
  ];
  for (const [answers, conditions] of cases) {
    it(`${JSON.stringify(answers)} -> ${JSON.stringify(conditions)}`, () => {
      expect([...conditionsOf({ screening: { answers, at: NOW.toISOString() } })].sort()).to.deep.equal([...conditions].sort());
    });
  }
  it('no screening: no conditions', () => expect(conditionsOf({}).size).to.equal(0));
});

describe('safety: pain rules', () => {
  // 2 points or 30% of the start, whichever is larger (safety.md section 4, revised: 3 -> 2 is no longer meaningful).
  const meaningful: Array<[number, number, boolean]> = [
    [6, 4, true], // 2 points, 33%
    [4, 3, false], // 1 point
    [3, 2, false], // 1 point, though 33%: under 2 points
    [10, 8, false], // 2 points, but 30% of 10 is 3
    [10, 7, true], // 3 points, 30%
    [10, 9, false],
    [8, 6, false], // 2 points, 30% of 8 is 2.4
    [8, 5, true],
    [5, 4, false],
    [5, 3, true],
    [2, 4, true], // a rise counts too
    [0, 1, false],
    [0, 2, true],
    [7, 7, false],
  ];
  for (const [before, after, yes] of meaningful) {
    it(`${before} -> ${after} is ${yes ? '' : 'not '}a meaningful change`, () => expect(PainRules.meaningful(before, after)).to.equal(yes));
  }

  const light: Array<[number, 'green' | 'amber' | 'red']> = [
    [0, 'green'],
    [3, 'green'],
    [4, 'amber'],
    [5, 'amber'],
    [6, 'red'],
    [10, 'red'],
  ];
  for (const [score, colour] of light) it(`${score} is ${colour}`, () => expect(PainRules.light(score)).to.equal(colour));

  const before: Array<[number, ReturnType<typeof PainRules.before>]> = [
    [0, 'ok'],
    [7, 'ok'],
    [8, 'gentlestOnly'],
    [9, 'gentlestOnly'],
    [10, 'noExercise'],
  ];
  for (const [score, advice] of before) it(`${score} before starting: ${advice}`, () => expect(PainRules.before(score)).to.equal(advice));

  // Against the person's own start; at or below the start is never a rise (safety.md section 4, revised).
  const tooHigh: Array<[number, number | undefined, boolean]> = [
    [6, undefined, true], // no start: above 5
    [5, undefined, false],
    [5, 3, true], // 2 above the start
    [4, 3, false],
    [2, 0, true],
    [1, 5, false],
    [6, 8, false], // started at 8, now 6: better, not a rise
    [8, 8, false], // the same, however high
    [10, 10, false],
    [9, 8, true], // above 5 and above the start
    [6, 5, true], // above 5 and above the start
    [5, 4, false], // one point, not above 5
  ];
  for (const [score, start, yes] of tooHigh) {
    it(`${score} after starting at ${start ?? 'no score'} ${yes ? 'stops' : 'does not stop'} the technique`, () =>
      expect(PainRules.tooHigh(score, start)).to.equal(yes));
  }
});

const iso = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();

describe('safety: answers with their dates, and clearance', () => {
  it('withAnswers dates each answer given, keeps the others with theirs, and moves the full-screening date only when full', () => {
    const first = withAnswers(undefined, { bFever: 'no', cNeck: 'yes' }, new Date(iso(-10 * DAY)), true);
    expect(first.at).to.equal(iso(-10 * DAY));
    expect(first.answeredAt).to.deep.equal({ bFever: iso(-10 * DAY), cNeck: iso(-10 * DAY) });
    const later = withAnswers(first, { bFever: 'yes' }, NOW, false);
    expect(later.answers).to.deep.equal({ bFever: 'yes', cNeck: 'yes' });
    expect(later.answeredAt).to.deep.equal({ bFever: NOW.toISOString(), cNeck: iso(-10 * DAY) });
    expect(later.at, 'not a full screening').to.equal(iso(-10 * DAY));
  });

  it('a positive tier B answer blocks until a doctor has checked it; a newer answer needs a new clearance', () => {
    const s: Screening = { answers: { bCancer: 'yes', bNight: 'unsure', bFever: 'no' }, at: iso(-2 * DAY) };
    expect(blockingAnswers(s).sort()).to.deep.equal(['bCancer', 'bNight']);
    const cleared = { ...s, cleared: { bCancer: iso(-DAY) } };
    expect(isCleared(cleared, 'bCancer')).to.equal(true);
    expect(blockingAnswers(cleared)).to.deep.equal(['bNight']);
    const askedAgain = withAnswers(cleared, { bCancer: 'yes' }, NOW, true);
    expect(isCleared(askedAgain, 'bCancer'), 'the clearance is older than the new answer').to.equal(false);
  });
});

describe('safety: when to screen in full', () => {
  const allNo: Record<string, Answer> = Object.fromEntries([...questionIds('B'), ...questionIds('C')].map((id) => [id, 'no' as const]));
  const screened = (daysAgo: number, answers: Record<string, Answer> = allNo): Screening => ({
    answers,
    at: new Date(NOW.getTime() - daysAgo * DAY).toISOString(),
  });
  const cases: Array<[string, Screening | undefined, boolean, boolean]> = [
    ['never screened', undefined, false, true],
    ['screened yesterday', screened(1), false, false],
    ['screened 29 days ago', screened(29), false, false],
    ['screened exactly 30 days ago', screened(30), false, false],
    ['screened 31 days ago', screened(31), false, true],
    ['screened yesterday, pain new or worse', screened(1), true, true],
    ['screened yesterday with a tier B "yes"', screened(1, { ...allNo, bNight: 'yes' }), false, true],
    ['screened yesterday with a tier B "not sure"', screened(1, { ...allNo, bCancer: 'unsure' }), false, true],
    ['screened yesterday with a tier C "yes" only', screened(1, { ...allNo, cNeck: 'yes' }), false, false],
    ['a screening dated in the future', screened(-2), false, true],
    ['a screening with a broken date', { answers: allNo, at: 'not a date' }, false, true],
    ['a tier B "yes" a doctor has checked since', { ...screened(1, { ...allNo, bCancer: 'yes' }), cleared: { bCancer: iso(0) } }, false, false],
    [
      'a tier B "yes" given again after an older clearance',
      { ...screened(5, { ...allNo, bNight: 'yes' }), answeredAt: { bNight: iso(-1 * DAY) }, cleared: { bNight: iso(-3 * DAY) } },
      false,
      true,
    ],
  ];
  for (const [name, screening, worse, full] of cases) {
    it(`${name}: ${full ? 'full' : 'quick'}`, () => expect(needsFullScreening(screening, NOW, worse)).to.equal(full));
  }

  it('a full screening is four combined questions (A, body-wide B, pain-pattern B, C); a quick one is the A question alone', () => {
    expect(screeningQueue(true)).to.deep.equal(['aAny', 'bBody', 'bPattern', 'cAny']);
    expect(screeningQueue(false)).to.deep.equal([EVERY_SESSION]);
    expect(GROUPS.aAny.map(tierOf)).to.deep.equal(Array(6).fill('A'));
    expect([...GROUPS.bBody, ...GROUPS.bPattern].map(tierOf)).to.deep.equal(Array(9).fill('B'));
    expect(GROUPS.cAny.map(tierOf)).to.deep.equal(Array(5).fill('C'));
  });

  it('the combined questions cover every sign of safety.md, each once', () => {
    const covered = [...GROUPS.aAny, ...GROUPS.bBody, ...GROUPS.bPattern, ...GROUPS.cAny, ...GROUPS.cSurgery].sort();
    expect(covered).to.deep.equal(Object.keys(SIGNS).sort());
    expect(questionIds('A')).to.have.length(6);
  });

  it('cleared stable traits (cancer, steroids, age) are not asked again; changing ones are', () => {
    const s: Screening = {
      answers: { bCancer: 'yes', bSteroids: 'yes', bAge: 'unsure', bFever: 'yes' },
      at: iso(-40 * DAY),
      cleared: { bCancer: iso(-39 * DAY), bSteroids: iso(-39 * DAY), bAge: iso(-39 * DAY), bFever: iso(-39 * DAY) },
    };
    expect(partsOf('bBody', s)).to.deep.equal(['bFever', 'bWeightLoss']);
    expect(screeningQueue(true, s)).to.deep.equal(['aAny', 'bBody', 'bPattern', 'cAny']);
    const uncleared = { ...s, cleared: {} };
    expect(partsOf('bBody', uncleared)).to.deep.equal(GROUPS.bBody);
  });

  it('every question has words: single ones under about 20 words, combined ones in one breath (about 30)', () => {
    const copy = copyFor('en-US');
    for (const id of Object.keys(SIGNS) as Array<keyof typeof SIGNS>) {
      expect(copy.signs[id].ask.split(/\s+/).length, id).to.be.at.most(20);
      expect(copy.signs[id].phrase.split(/\s+/).length, id).to.be.at.most(10);
    }
    for (const group of ['aAny', 'bBody', 'bPattern', 'cAny'] as const) {
      const text = copy.combinedQuestion(group, GROUPS[group].map((id) => copy.signs[id].phrase));
      expect(text.split(/\s+/).length, text).to.be.at.most(34);
    }
  });
});
