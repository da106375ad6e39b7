import { expect } from 'chai';
import { describeSpeakability, expectEstimateNear, routineById, routineText, SCHEMA_LINE, spokenTexts, stepOf } from './content.js';

// Content checks of routines/back-break.yaml: a short break at a desk, composed from moves of three sources.
const text = routineText('back-break');
const routine = routineById('back-break');
const step = (id: string) => stepOf(routine, id);

/** Where each move comes from: the routine written from the source, the step there, and the source seed. */
const BORROWED = [
  { steps: ['seated-pelvic-tilts'], from: 'spinal-love', step: 'pelvic-tilts', named: /pelvic tilts from Spinal Love/i },
  { steps: ['seated-circles', 'seated-circles-reverse'], from: 'five-moves', step: 'around-the-world', named: /around-the-world circles from Five Moves/i },
  { steps: ['standing-knee-lifts'], from: 'sacral-traction', step: 'knee-lifts', named: /knee lifts.*from Sacral Traction/i },
  { steps: ['standing-torso-twists'], from: 'sacral-traction', step: 'torso-twists', named: /torso twists.*from Sacral Traction/i },
  { steps: ['shake-out'], from: 'sacral-traction', step: 'shake-out', named: /shake-out from Sacral Traction/i },
];

describe('routine back-break (composed for a break at work)', () => {
  const sources = BORROWED.map((b) => b.from).filter((f, i, all) => all.indexOf(f) === i).map(routineById);

  it('validates, names its file, and is credited as composed by Back Break, with no seed', () => {
    expect(text.split('\n')[0]).to.equal(SCHEMA_LINE);
    expect(routine.id).to.equal('back-break');
    expect(routine.source).to.deep.equal({ title: 'Back Break', author: 'Back Break', kind: 'composed' });
    expect(routine.synonyms).to.include('a back break');
  });

  it('keeps the order: seated moves first, then standing up', () => {
    expect(routine.steps.map((s) => s.id)).to.deep.equal(BORROWED.flatMap((b) => b.steps));
    expect(routine.startingPosition).to.match(/chair/);
    expect(step('standing-knee-lifts').instructions[0]).to.match(/stand up slowly/i);
  });

  it('borrows every move from a routine written from a source, and says which in the summary', () => {
    for (const b of BORROWED) {
      const source = sources.find((r) => r.id === b.from)!;
      expect(source.steps.map((s) => s.id), `${b.from} has ${b.step}`).to.include(b.step);
      expect(routine.summary).to.match(b.named);
    }
  });

  it('keeps the counts of the moves it borrows: ten pelvic tilts, circles both ways', () => {
    const tilts = stepOf(routineById('spinal-love'), 'pelvic-tilts');
    expect(step('seated-pelvic-tilts').hold).to.deep.equal(tilts.hold);
    expect(step('seated-circles').hold).to.deep.equal(step('seated-circles-reverse').hold);
    const first = step('seated-circles').instructions.join(' ');
    expect(first.indexOf('right')).to.be.lessThan(first.indexOf('left'));
    const back = step('seated-circles-reverse').instructions.join(' ');
    expect(back.indexOf('left')).to.be.lessThan(back.indexOf('right'));
    const lifts = step('standing-knee-lifts').instructions.join(' ');
    expect(lifts.indexOf('right knee')).to.be.greaterThan(-1).and.lessThan(lifts.indexOf('left'));
  });

  it('needs no equipment, no floor and no roller', () => {
    expect(routine.equipment).to.deep.equal([]);
    for (const s of routine.steps) {
      expect(s.equipment, s.id).to.deep.equal([]);
      const said = spokenTexts(s).join(' ');
      expect(said, s.id).to.not.match(/\b(lie|lying|roller|strap|mat|hands and knees|kneel)\b/i);
    }
  });

  it('is gentle and fits everyone screened in: only the gentle twist is tagged, nothing to skip', () => {
    expect(routine.level).to.equal('gentle');
    expect(routine.prerequisites).to.deep.equal([]);
    expect(routine.steps.flatMap((s) => s.tags)).to.deep.equal(['twist']);
    expect(step('standing-torso-twists').tags).to.deep.equal(['twist']);
    expect(step('standing-torso-twists').instructions.join(' ')).to.match(/small and easy/);
    expect(routine.steps.filter((s) => s.optional)).to.deep.equal([]);
    expect(routine.cautions.join(' ')).to.match(/stop any move that hurts/i);
  });

  it('offers something to hold on to while standing on one leg', () => {
    expect(step('standing-knee-lifts').instructions.join(' ')).to.match(/desk or chair for balance/);
  });

  it('takes about five minutes, and says so with "about"', () => {
    expect(routine.statedMinutes, 'no source states its length').to.equal(undefined);
    expect(routine.summary).to.match(/^About five minutes/);
    expectEstimateNear(routine, 5);
  });

  describeSpeakability(routine, { maxChars: 1000 });
});
