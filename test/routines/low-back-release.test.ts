import { expect } from 'chai';
import type { SafetyTag, Step } from '../../src/core/routine.js';
import { describeSpeakability, expectEstimateNear, routineById, routineText, SCHEMA_LINE, spokenTexts, stepOf as step } from './content.js';

const SEED = '002_05e9ee8c3dc0450d.txt';

const text = routineText('low-back-release');

/** The step ids in source order: the ten poses, the strap series on the right and then on the left. */
const ORDER = [
  'gluteal-massage', // 1
  'sacral-massage', // 2
  'spinal-twist', // 3
  'core-knees-side-to-side', // 4
  'hamstring-psoas-stretch-right', // 5
  'inner-thigh-stretch-right', // 6
  'it-band-stretch-right', // 7
  'hamstring-again-right',
  'hamstring-psoas-stretch-left',
  'inner-thigh-stretch-left',
  'it-band-stretch-left',
  'hamstring-again-left',
  'half-pigeon-on-back', // 8
  'deep-gluteal-piriformis', // 9
  'sacral-thumps', // 10
];

describe('routine: low-back-release (Sandy, seed 002)', () => {
  const r = routineById('low-back-release');

  it('validates and credits the source', () => {
    expect(text.startsWith(`${SCHEMA_LINE}\n`)).to.equal(true);
    expect(r.id).to.equal('low-back-release');
    expect(r.source).to.deep.equal({ title: 'Low Back Release', author: 'Sandy', kind: 'handout', seed: SEED });
    expect(r.level).to.equal('gentle');
    expect(r.statedMinutes).to.equal(30);
    expect(r.startingPosition).to.match(/on your back/i);
    expect(r.synonyms.map((s) => s.toLowerCase())).to.include('low back release');
  });

  it('has the steps in source order', () => {
    expect(r.steps.map((s) => s.id)).to.deep.equal(ORDER);
  });

  it('covers the ten named poses, in order', () => {
    const poses: RegExp[] = [
      /^gluteal massage$/i,
      /^sacral massage$/i,
      /^spinal twist$/i,
      /^core strengthening/i,
      /^hamstring and psoas stretch/i,
      /^inner thigh stretch/i,
      /^it band stretch/i,
      /half pigeon/i,
      /deep gluteal and piriformis/i,
      /^sacral thumps$/i,
    ];
    const firsts = poses.map((re) => r.steps.findIndex((s) => re.test(s.name)));
    expect(firsts, 'every pose has a step').to.not.include(-1);
    expect([...firsts].sort((a, b) => a - b)).to.deep.equal(firsts);
    expect(new Set(firsts).size).to.equal(10);
  });

  it('runs the strap series as a whole on the right, then as a whole on the left', () => {
    const strap = r.steps.filter((s) => s.equipment.includes('strap'));
    expect(strap.map((s) => s.id)).to.deep.equal(ORDER.slice(4, 12));
    const sideOf = (s: Step) => (/\bright leg\b/i.test(s.name) ? 'right' : /\bleft leg\b/i.test(s.name) ? 'left' : '?');
    expect(strap.map(sideOf)).to.deep.equal(['right', 'right', 'right', 'right', 'left', 'left', 'left', 'left']);
    for (const s of strap) {
      // Written out per side, so the side is in the words, not in placeholders.
      expect(s.sides, s.id).to.equal('none');
      expect(spokenTexts(s).join(' '), s.id).to.not.match(/\{(side|otherSide)\}/);
      expect(s.instructions.join(' '), s.id).to.match(new RegExp(`\\b${sideOf(s)} (leg|foot)\\b`));
    }
    // The strap goes on the working foot, and the strap moves from hand to hand as the source says.
    expect(step(r, 'hamstring-psoas-stretch-right').instructions.join(' ')).to.match(/right knee in and hook the strap around the ball of that foot/);
    expect(step(r, 'inner-thigh-stretch-right').instructions.join(' ')).to.match(/gather it into your right hand/);
    expect(step(r, 'it-band-stretch-right').instructions.join(' ')).to.match(/strap to your left hand/);
    expect(step(r, 'hamstring-psoas-stretch-left').instructions.join(' ')).to.match(/left knee in and hook the strap around the ball of that foot/);
    expect(step(r, 'inner-thigh-stretch-left').instructions.join(' ')).to.match(/gather it into your left hand/);
    expect(step(r, 'it-band-stretch-left').instructions.join(' ')).to.match(/strap to your right hand/);
  });

  it('does the one-sided poses right first, then left', () => {
    const sided = r.steps.filter((s) => s.sides !== 'none').map((s) => s.id);
    expect(sided).to.deep.equal(['spinal-twist', 'half-pigeon-on-back', 'deep-gluteal-piriformis']);
    for (const id of sided) expect(step(r, id).sides, id).to.equal('right-then-left');
    // Stacking the hips: they shift away from the side the knees drop to.
    const twist = step(r, 'spinal-twist').instructions.join(' ');
    expect(twist).to.match(/to the \{otherSide\} by two inches/);
    expect(twist).to.match(/knees drop to the \{side\}/);
    // The core work starts to the right.
    const core = step(r, 'core-knees-side-to-side').instructions.join(' ');
    expect(core.indexOf('to the right')).to.be.greaterThan(-1);
    expect(core.indexOf('to the right')).to.be.lessThan(core.indexOf('to the left'));
  });

  it("keeps the source's counts", () => {
    const holds = Object.fromEntries(r.steps.map((s) => [s.id, [s.hold.unit, s.hold.count, s.repeats]]));
    expect(holds).to.deep.equal({
      'gluteal-massage': ['reps', 5, 2], // 5 circles, then reversed
      'sacral-massage': ['reps', 5, 2],
      'spinal-twist': ['breaths', 5, 1],
      'core-knees-side-to-side': ['reps', 10, 1], // 10 cycles
      'hamstring-psoas-stretch-right': ['breaths', 5, 1],
      'inner-thigh-stretch-right': ['breaths', 5, 1],
      'it-band-stretch-right': ['breaths', 5, 1],
      'hamstring-again-right': ['breaths', 3, 1],
      'hamstring-psoas-stretch-left': ['breaths', 5, 1],
      'inner-thigh-stretch-left': ['breaths', 5, 1],
      'it-band-stretch-left': ['breaths', 5, 1],
      'hamstring-again-left': ['breaths', 3, 1],
      'half-pigeon-on-back': ['breaths', 10, 1],
      'deep-gluteal-piriformis': ['breaths', 10, 1],
      'sacral-thumps': ['reps', 10, 1],
    });
    // The massages reverse direction between rounds, and are slow.
    for (const id of ['gluteal-massage', 'sacral-massage']) {
      expect(step(r, id).instructions.join(' '), id).to.match(/other way/);
      expect(step(r, id).hold.pace, id).to.be.at.least(8);
    }
  });

  it('lists the strap and the optional head support with their substitutes', () => {
    const byId = Object.fromEntries(r.equipment.map((e) => [e.id, e]));
    expect(Object.keys(byId)).to.have.members(['strap', 'block']);
    expect(byId.strap!.optional).to.equal(false);
    expect(byId.strap!.substitutes).to.include.members(['a belt', 'a towel']);
    expect(byId.block!.optional).to.equal(true);
    expect(byId.block!.substitutes.join(' ')).to.match(/towel/);
  });

  it('carries over the cautions', () => {
    const all = r.cautions.join(' ');
    expect(all).to.match(/slowly/i);
    expect(all).to.match(/chin juts up/i);
    expect(all).to.match(/can't be forced/i);
    expect(step(r, 'spinal-twist').caution).to.match(/ribs/);
    expect(step(r, 'it-band-stretch-right').caution).to.match(/few inches/);
    expect(step(r, 'it-band-stretch-right').instructions.join(' ')).to.match(/four to six inches/);
    expect(step(r, 'half-pigeon-on-back').caution).to.match(/flexed/);
    expect(step(r, 'deep-gluteal-piriformis').caution).to.match(/feet flexed/);
    expect(step(r, 'spinal-twist').release.join(' ')).to.match(/knees up one at a time.*back in the middle/);
    expect(step(r, 'sacral-thumps').caution).to.match(/two inches/);
    expect(step(r, 'sacral-thumps').instructions.join(' ')).to.match(/one or two inches/);
  });

  it('offers the easier and deeper ways the source gives', () => {
    expect(step(r, 'core-knees-side-to-side').easier?.instructions.join(' ')).to.match(/closer to your chest/);
    // Half pigeon: the source's gentle start ("consider staying right here") is the pose; each "to go deeper" is the deeper way.
    const pigeon = step(r, 'half-pigeon-on-back');
    expect(pigeon.instructions.join(' ')).to.match(/hand on your \{side\} thigh/);
    expect(pigeon.instructions.join(' ')).to.not.match(/knee in toward your chest|behind the/);
    expect(pigeon.easier, 'the gentle start is the pose itself').to.equal(undefined);
    expect(pigeon.deeper?.instructions.join(' ')).to.match(/\{otherSide\} knee in toward your chest[\s\S]*behind the \{otherSide\} knee[\s\S]*\{otherSide\} shin/);
    expect(step(r, 'deep-gluteal-piriformis').deeper?.instructions.join(' ')).to.match(/shins[\s\S]*feet/);
    expect(step(r, 'hamstring-psoas-stretch-right').easier?.instructions.join(' ')).to.match(/couple of feet off the floor/);
    // Nothing in this sequence is optional as a whole: the options are variants.
    expect(r.steps.filter((s) => s.optional)).to.deep.equal([]);
  });

  it('tags every technique of safety section 2, and checks in after the deep ones', () => {
    const tags: Record<string, SafetyTag[]> = {
      'spinal-twist': ['twist'],
      'core-knees-side-to-side': ['twist'],
      'hamstring-psoas-stretch-right': ['strap-leg-stretch'],
      'inner-thigh-stretch-right': ['strap-leg-stretch'],
      'it-band-stretch-right': ['strap-leg-stretch'],
      'hamstring-again-right': ['strap-leg-stretch'],
      'hamstring-psoas-stretch-left': ['strap-leg-stretch'],
      'inner-thigh-stretch-left': ['strap-leg-stretch'],
      'it-band-stretch-left': ['strap-leg-stretch'],
      'hamstring-again-left': ['strap-leg-stretch'],
      'half-pigeon-on-back': ['hip-opener'],
      'deep-gluteal-piriformis': ['hip-opener'],
      'sacral-thumps': ['sacral-thumps'],
    };
    // The whole sequence is on the back: lying flat for long (the pregnancy rule of safety.md section 2).
    for (const s of r.steps) expect(s.tags, s.id).to.have.members([...(tags[s.id] ?? []), 'lying-flat']);
    expect(r.steps.filter((s) => s.checkIn).map((s) => s.id)).to.deep.equal([
      'half-pigeon-on-back',
      'deep-gluteal-piriformis',
      'sacral-thumps',
    ]);
  });

  it('estimates within 30% of the stated 30 minutes', () => {
    expectEstimateNear(r, 30);
  });

  describeSpeakability(r, { maxChars: 2000, cues: [1, 3] });
});
