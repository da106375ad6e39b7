import { expect } from 'chai';
import type { SafetyTag } from '../../src/core/routine.js';
import { describeSpeakability, expectEstimateNear, idsTagged as tagged, routineById, routineText, SCHEMA_LINE, stepOf } from './content.js';
import { tagCautionsAt } from './voice.js';

// Content checks of routines/sacral-traction.yaml against its source, shared/seeds/001 ("Joint Relief", no author named).
const SEED = '001_465ed3c5ab6b4b32.txt';

const text = routineText('sacral-traction');
const routine = routineById('sacral-traction');
const step = (id: string) => stepOf(routine, id);
const idsTagged = (tag: SafetyTag): string[] => tagged(routine, tag);

describe('routine sacral-traction (from Sacral Traction)', () => {
  it('validates, names its file, and credits its source', () => {
    expect(text.split('\n')[0]).to.equal(SCHEMA_LINE);
    expect(routine.id).to.equal('sacral-traction');
    expect(routine.source).to.deep.include({ title: 'Sacral Traction', kind: 'article', seed: SEED });
  });

  it('is not a starting point: intermediate, offered only after a gentle routine', () => {
    expect(routine.level).to.equal('intermediate');
    expect(routine.prerequisites).to.deep.equal(['gentle-routine-first']);
    expect(routine.cautions.join(' ')).to.match(/n't a starting point/i);
    expect(routine.cautions.join(' ')).to.match(/mild discomfort only/i);
  });

  it('keeps the steps in the order of the source: test, traction, move, retest', () => {
    const test = ['forward-bend-test'];
    const traction = ['roller-under-sacrum', 'lengthen-low-back', 'press-and-wait', 'remove-roller'];
    const move = ['knee-lifts', 'torso-twists', 'shake-out'];
    const retest = ['forward-bend-retest'];
    expect(routine.steps.map((s) => s.id)).to.deep.equal([...test, ...traction, ...move, ...retest]);
  });

  it('tests the forward bend first and last, rolling down from the head, and tags both', () => {
    expect(idsTagged('forward-bend-test')).to.deep.equal(['forward-bend-test', 'forward-bend-retest']);
    const test = step('forward-bend-test').instructions.join(' ');
    expect(test).to.match(/not a hip hinge/i);
    expect(test.indexOf('neck')).to.be.lessThan(test.indexOf('mid back'));
    expect(test.indexOf('mid back')).to.be.lessThan(test.indexOf('then your low back'));
    expect(step('forward-bend-retest').instructions.join(' ')).to.match(/compare/i);
  });

  it('needs a foam roller, lengthwise under the sacrum, for every traction step', () => {
    expect(routine.equipment.map((e) => e.id)).to.deep.equal(['foam-roller']);
    expect(step('roller-under-sacrum').instructions.join(' ')).to.match(/lengthwise/);
    const roller = routine.steps.filter((s) => s.equipment.includes('foam-roller')).map((s) => s.id);
    expect(roller).to.deep.equal(['roller-under-sacrum', 'lengthen-low-back', 'press-and-wait', 'remove-roller']);
    expect(idsTagged('traction')).to.deep.equal(roller);
  });

  it('turns "if this hurts, disregard" into a caution said once, and checks in after the traction', () => {
    // The traction tag's caution, before the first traction step; the steps after it said it again twice.
    const first = routine.steps.findIndex((s) => s.tags.includes('traction'));
    expect(tagCautionsAt(routine, first).join(' ')).to.match(/if this hurts, stop/i);
    const press = step('press-and-wait');
    expect(press.caution).to.match(/gentle pressure only/i);
    expect(press.checkIn).to.equal(true);
  });

  it('presses gently toward the feet with both hands and waits for the sacrum to give, to a new end', () => {
    const said = step('press-and-wait').instructions.join(' ');
    expect(said).to.match(/toward your feet/);
    expect(said).to.match(/both hands/);
    expect(said).to.match(/wait/);
    expect(said).to.match(/new stop/);
    expect(step('press-and-wait').hold.unit).to.equal('breaths');
  });

  it('stands, lifts the knees right then left, twists gently (tagged), and shakes out', () => {
    const lifts = step('knee-lifts').instructions.join(' ');
    expect(lifts).to.match(/stand up slowly/i);
    expect(lifts.indexOf('right knee')).to.be.greaterThan(-1).and.lessThan(lifts.indexOf('left'));
    expect(idsTagged('twist')).to.deep.equal(['torso-twists']);
    expect(step('torso-twists').instructions.join(' ')).to.match(/gently/);
    expect(step('shake-out').hold).to.deep.include({ unit: 'seconds' });
  });

  it('marks nothing optional (the source has no optional part)', () => {
    expect(routine.steps.filter((s) => s.optional)).to.deep.equal([]);
  });

  it('states no length (the source states none) and takes about five minutes', () => {
    expect(routine.statedMinutes).to.equal(undefined);
    expect(routine.summary).to.match(/^About five minutes/);
    expectEstimateNear(routine, 5);
  });

  it('rolls back up after each bend test, not before its hold', () => {
    for (const id of ['forward-bend-test', 'forward-bend-retest']) {
      expect(step(id).release.join(' '), id).to.match(/roll slowly back up to standing/i);
      expect(step(id).instructions.join(' '), id).to.not.match(/back up/i);
    }
  });

  describeSpeakability(routine, { maxChars: 1000 });
});
