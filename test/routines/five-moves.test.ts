import { expect } from 'chai';
import { stepSeconds, type SafetyTag, type Step } from '../../src/core/routine.js';
import { describeSpeakability, expectEstimateNear, idsTagged as tagged, routineById, routineText, SCHEMA_LINE, stepOf } from './content.js';
import { tagCautionsAt } from './voice.js';

// Content checks of routines/five-moves.yaml against its source, shared/seeds/004 (Emily, The Changing Room).
const SEED = '004_fd58d049bc932aac.txt';

const text = routineText('five-moves');
const routine = routineById('five-moves');
const step = (id: string) => stepOf(routine, id);
const idsTagged = (tag: SafetyTag): string[] => tagged(routine, tag);

/** The source's five moves, as the steps that make each one up. */
const MOVES: Record<string, string[]> = {
  'knee circles': ['knee-circles', 'knee-circles-reverse'],
  // All three ways on the right leg, then on the left: sides run back to back, so these name the side.
  'three way leg stretch': ['right', 'left'].flatMap((leg) => ['up', 'out', 'across'].map((way) => `strap-${way}-${leg}`)),
  'around the world': ['around-the-world', 'around-the-world-reverse'],
  'pelvis stability bridge': ['stability-bridge'],
  '30/60/90 legs': ['legs-30-60-90'],
};
const STRAP_STEPS = MOVES['three way leg stretch']!;

describe('routine five-moves (from 5 moves to help fix your low back)', () => {
  it('validates, names its file, and credits Emily of The Changing Room', () => {
    expect(text.split('\n')[0]).to.equal(SCHEMA_LINE);
    expect(routine.id).to.equal('five-moves');
    expect(routine.source).to.deep.include({ kind: 'article', seed: SEED });
    expect(routine.source.author).to.match(/^Emily\b.*The Changing Room/);
    expect(routine.level).to.equal('gentle');
  });

  it('keeps the five moves in the order of the source', () => {
    expect(routine.steps.map((s) => s.id)).to.deep.equal(Object.values(MOVES).flat());
  });

  it('circles the knees five times each way, both directions', () => {
    for (const id of MOVES['knee circles']!) {
      expect(step(id).hold, id).to.deep.include({ unit: 'reps', count: 5 });
      expect(step(id).sides, id).to.equal('none');
    }
    expect(step('knee-circles-reverse').instructions.join(' ')).to.match(/other way/);
  });

  it('stretches the right leg up, out to the side, then across, ten breaths each, then the left leg', () => {
    for (const id of STRAP_STEPS) {
      const s = step(id);
      const leg = id.endsWith('-right') ? 'right' : 'left';
      expect(s.hold, id).to.deep.equal({ unit: 'breaths', count: 10 });
      expect(s.sides, id).to.equal('none');
      expect(s.name, id).to.include(`${leg} leg`);
      expect(s.instructions.join(' '), id).to.include(`your ${leg} foot`);
      expect(s.equipment, id).to.deep.equal(['strap']);
      expect(s.tags, id).to.include('strap-leg-stretch');
    }
    expect(step('strap-up-right').instructions.join(' ')).to.match(/right leg up toward the ceiling.*left leg stays long/s);
    expect(step('strap-out-right').instructions.join(' ')).to.match(/out to the right.*big toe.*inner thigh/s);
    expect(step('strap-across-right').instructions.join(' ')).to.match(/toward the left.*little toe.*outside of your leg/s);
    // Comparing the legs comes after the last hold on the right, not before it.
    expect(step('strap-across-right').release.join(' ')).to.match(/lay the leg down beside the left.*does the right leg feel longer/is);
    expect(step('strap-across-left').release.join(' ')).to.match(/down beside the right/);
    expect(step('strap-out-right').caution).to.match(/intense/);
  });

  it('does the left leg as the mirror of the right', () => {
    const mirror = (t: string) => t.replace(/\b(right|left)\b/g, (w) => (w === 'right' ? 'left' : 'right'));
    for (const way of ['up', 'out', 'across']) {
      const right = step(`strap-${way}-right`);
      const left = step(`strap-${way}-left`);
      expect(left.instructions.map(mirror), way).to.deep.equal(right.instructions);
      // After the right leg the two legs are compared; after the left, both are felt: the releases differ.
      const rest = (s: Step) => ({ ...s, id: '', name: '', side: undefined, instructions: [], release: [] });
      expect(rest(left), way).to.deep.equal(rest(right));
    }
  });

  it('tags only the strap stretches as strap leg stretches', () => {
    expect(idsTagged('strap-leg-stretch')).to.deep.equal(STRAP_STEPS);
  });

  it('lets a belt or a towel stand in for the strap', () => {
    const strap = routine.equipment.find((e) => e.id === 'strap');
    expect(strap?.optional).to.equal(false);
    expect(strap?.substitutes).to.include.members(['a belt', 'a towel']);
    const others = routine.equipment.filter((e) => e.id !== 'strap');
    expect(others.every((e) => e.optional), 'anything else is optional').to.equal(true);
  });

  it('goes around the world on hands and knees, forward then right first, then the other way', () => {
    const first = step('around-the-world').instructions.join(' ');
    expect(first).to.match(/hands and knees/);
    expect(first.indexOf('forward')).to.be.lessThan(first.indexOf('right'));
    expect(first.indexOf('right')).to.be.lessThan(first.indexOf('heels'));
    expect(first.indexOf('heels')).to.be.lessThan(first.indexOf('left'));
    const back = step('around-the-world-reverse').instructions.join(' ');
    expect(back.indexOf('left')).to.be.lessThan(back.indexOf('right'));
    // Hips back toward the heels is a child's pose shape: the forward-fold rule applies.
    expect(idsTagged('forward-fold')).to.deep.equal(MOVES['around the world']);
  });

  it('lifts the right leg with the left arm in the bridge, then the other side; easier without the arms', () => {
    const bridge = step('stability-bridge');
    expect(bridge.sides).to.equal('right-then-left');
    expect(bridge.instructions.join(' ')).to.include('{side} leg and {otherSide} arm');
    expect(bridge.tags).to.deep.equal(['bridge', 'lying-flat']);
    expect(bridge.easier?.instructions.join(' ')).to.match(/arms on the floor/i);
  });

  it('makes the 30/60/90 legs optional and tagged, cautioned once, with a check-in and both variants', () => {
    const legs = step('legs-30-60-90');
    expect(legs.optional).to.equal(true);
    expect(legs.tags).to.deep.equal(['leg-lowering', 'lying-flat']);
    expect(legs.checkIn).to.equal(true);
    // The leg-lowering caution is the tag's, said before the step; a caution of the step's own said it a second time.
    const said = tagCautionsAt(routine, routine.steps.indexOf(legs)).join(' ');
    expect(said).to.match(/stop if your back pain increases/i);
    expect(said).to.match(/low back lifts/i);
    expect(legs.caution).to.equal(undefined);
    expect(legs.easier?.instructions.join(' ')).to.match(/as far as you still feel strong/);
    const moves = legs.instructions.join(' ');
    expect(moves.indexOf('90 degrees')).to.be.lessThan(moves.indexOf('60 degrees'));
    expect(moves.indexOf('60 degrees')).to.be.lessThan(moves.indexOf('almost to the floor'));
    expect(legs.easier?.instructions.join(' ')).to.match(/hands under your hips/i);
    expect(legs.deeper?.instructions.join(' ')).to.match(/arms overhead/i);
    expect(routine.steps.filter((s) => s.optional).map((s) => s.id)).to.deep.equal(['legs-30-60-90']);
  });

  it('gives each move at least about a minute, as the source asks', () => {
    for (const [move, ids] of Object.entries(MOVES)) {
      const seconds = ids.map(step).reduce((sum, s) => sum + stepSeconds(s), 0);
      expect(seconds, move).to.be.at.least(50);
    }
  });

  it('states no length (the source asks for about a minute a move, nothing more), and takes about ten minutes', () => {
    expect(routine.statedMinutes).to.equal(undefined);
    expectEstimateNear(routine, 10);
  });

  describeSpeakability(routine, { maxChars: 1000 });
});
