import { expect } from 'chai';
import { describeSpeakability, expectEstimateNear, routineById, routineText, SCHEMA_LINE, stepOf } from './content.js';
import { tagCautionsAt } from './voice.js';

// Content checks of routines/spinal-love.yaml against its source, shared/seeds/000 (Yogi Kait's video).
const SEED = '000_fe4125699336ad3b.txt';

const text = routineText('spinal-love');
const routine = routineById('spinal-love');
const step = (id: string) => stepOf(routine, id);

describe('routine spinal-love (from Spinal Love Top to Bottom)', () => {
  it('validates, names its file, and credits Yogi Kait', () => {
    expect(text.split('\n')[0]).to.equal(SCHEMA_LINE);
    expect(routine.id).to.equal('spinal-love');
    expect(routine.source).to.deep.include({ author: 'Yogi Kait', kind: 'video transcript', seed: SEED });
    expect(routine.level).to.equal('gentle');
    expect(routine.synonyms).to.include('the foam roller one');
  });

  it('keeps the steps in the order of the source', () => {
    expect(routine.steps.map((s) => s.id)).to.deep.equal([
      'settle', 'pelvic-tilts',
      'head-rolls', 'head-hang',
      'inchworm-to-sacrum', 'pelvic-curls',
      'arms-overhead', 'legs-long', 'knees-or-butterfly',
      'thigh-press-traction', 'roll-off-and-rest',
    ]);
  });

  it('does ten pelvic tilts, breathing out to flatten and in to arch', () => {
    const tilts = step('pelvic-tilts');
    expect(tilts.hold).to.deep.equal({ unit: 'reps', count: 10 });
    const said = tilts.instructions.join(' ');
    expect(said).to.match(/breathe out and press your low back flat/i);
    expect(said).to.match(/breathe in and let your low back arch/i);
  });

  it('needs a foam roller, lengthwise, for every step', () => {
    expect(routine.equipment.map((e) => e.id)).to.deep.equal(['foam-roller']);
    expect(routine.equipment[0]!.optional).to.equal(false);
    expect(routine.startingPosition).to.match(/lengthwise/);
    for (const s of routine.steps) {
      expect(s.equipment, s.id).to.deep.equal(['foam-roller']);
      expect(s.tags, s.id).to.include.members(['foam-roller-spine', 'lying-flat']);
    }
  });

  it('rolls the head slowly side to side, starting to the left as the source does', () => {
    const rolls = step('head-rolls');
    expect(rolls.sides).to.equal('none');
    const said = rolls.instructions.join(' ');
    expect(said).to.match(/occiput/i);
    expect(said.indexOf('to the left')).to.be.greaterThan(-1).and.lessThan(said.indexOf('to the right'));
  });

  it('tags the head rolls and head hang, checks in after them, and says to stop if woozy or dizzy', () => {
    const withHeadHang = routine.steps.filter((s) => s.tags.includes('head-hang')).map((s) => s.id);
    expect(withHeadHang).to.deep.equal(['head-rolls', 'head-hang']);
    for (const id of withHeadHang) expect(step(id).checkIn, id).to.equal(true);
    // Before the head rolls the tag's caution says it (the step's own said it a second time, in a row);
    // the head hang, a step later and deeper, says it again in its own words.
    const beforeRolls = tagCautionsAt(routine, routine.steps.indexOf(step('head-rolls'))).join(' ');
    expect(beforeRolls).to.match(/woozy or dizzy/i);
    expect(beforeRolls).to.match(/back onto the roller/i);
    expect(step('head-rolls').caution).to.match(/isn't for everyone/);
    const hang = step('head-hang').caution;
    expect(hang).to.match(/^stop/i);
    expect(hang).to.match(/woozy or dizzy/i);
    expect(hang).to.match(/onto the roller/i);
    expect(hang).to.match(/leave the hang out/i);
  });

  it('marks the head hang, arms overhead and legs long optional, and nothing else', () => {
    expect(routine.steps.filter((s) => s.optional).map((s) => s.id)).to.deep.equal(['head-hang', 'arms-overhead', 'legs-long']);
  });

  it('offers the full head hang as the deeper way and a small hang as the easier way', () => {
    const hang = step('head-hang');
    expect(hang.deeper?.instructions.join(' ')).to.match(/all the way back/i);
    expect(hang.easier?.instructions.join(' ')).to.match(/only a little/i);
  });

  it('finds the sacrum at the roller end before the pelvic curls', () => {
    expect(step('inchworm-to-sacrum').instructions.join(' ')).to.match(/sacrum rests at the roller's end/i);
    expect(step('pelvic-curls').instructions.join(' ')).to.match(/curl/i);
  });

  it('tags the thigh press as traction, with a caution and a check-in', () => {
    const press = step('thigh-press-traction');
    expect(press.tags).to.include('traction');
    expect(press.caution).to.match(/gentle/i);
    expect(tagCautionsAt(routine, routine.steps.indexOf(press)).join(' '), 'the traction caution, said once').to.match(/if this hurts, stop/i);
    expect(press.checkIn).to.equal(true);
    expect(routine.steps.filter((s) => s.tags.includes('traction')).map((s) => s.id)).to.deep.equal(['thigh-press-traction']);
  });

  it('carries over the cautions of the source, each said once where it belongs', () => {
    const all = routine.cautions.join(' ');
    expect(all).to.match(/feet wide/i);
    expect(all).to.match(/first few weeks/i);
    // Woozy or dizzy is said at the head rolls and head hang (above); getting up slowly, at the end.
    expect(step('roll-off-and-rest').release.join(' ')).to.match(/time getting up/i);
  });

  it('states no length (the source states none) and takes about ten minutes', () => {
    expect(routine.statedMinutes).to.equal(undefined);
    expect(routine.summary).to.match(/^About ten minutes/);
    expectEstimateNear(routine, 10);
  });

  describeSpeakability(routine, { maxChars: 1000 });
});
