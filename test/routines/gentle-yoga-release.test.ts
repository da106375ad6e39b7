import { expect } from 'chai';
import { holdSeconds, type Routine, type SafetyTag } from '../../src/core/routine.js';
import { describeSpeakability, expectEstimateNear, routineById, routineText, SCHEMA_LINE, spokenTexts, stepOf as step } from './content.js';

const SEED = '003_92571bc51a1a83b0.txt';

const text = routineText('gentle-yoga-release');

/** Index of the first step at or after `from` whose name matches. */
function indexFrom(r: Routine, re: RegExp, from: number): number {
  return r.steps.findIndex((s, i) => i >= from && re.test(s.name));
}

const SECTIONS = [
  'Warm up on the back',
  'Right leg: strap series and hip',
  'Left leg: strap series and hip',
  'Building up to the lunge',
  'Cool down',
  'Final relaxation',
];

/** The leg series, as the teacher runs it on each side. */
const LEG_SERIES = [
  'knee-to-chest',
  'strap-hamstring',
  'strap-open',
  'strap-across',
  'strap-open-across',
  'curl-up',
  'figure-four-rocking',
  'figure-four-thread',
  'ankle-circles',
  'rest',
];

describe('routine: gentle-yoga-release (Alana, seed 003)', () => {
  const r = routineById('gentle-yoga-release');

  it('validates and credits the source', () => {
    expect(text.startsWith(`${SCHEMA_LINE}\n`)).to.equal(true);
    expect(r.id).to.equal('gentle-yoga-release');
    expect(r.source.author).to.equal('Alana Mitnick');
    expect(r.source.kind).to.equal('class transcript');
    expect(r.source.seed).to.equal(SEED);
    expect(r.source.title).to.match(/^Low Back Release/);
    expect(r.level).to.equal('gentle');
    expect(r.statedMinutes).to.equal(40);
    expect(r.startingPosition).to.match(/on your back/i);
    expect(r.synonyms.map((s) => s.toLowerCase())).to.include('the yoga class');
  });

  it("follows the class's main sections, in order, each in one run", () => {
    for (const s of r.steps) expect(s.section, s.id).to.be.a('string');
    const runs = r.steps.map((s) => s.section).filter((s, i, all) => i === 0 || s !== all[i - 1]);
    expect(runs).to.deep.equal(SECTIONS);
  });

  it('has the key poses in the order of the class', () => {
    const poses: RegExp[] = [
      /^rocking/i,
      /^knee circles/i,
      /^pelvic tilts/i,
      /^windshield wipers/i,
      /^knee to chest, right/i,
      /^strap hamstring stretch, right/i,
      /out to the side, right/i,
      /across the body, right/i,
      /curl up toward the right/i,
      /^figure four rocking, right/i,
      /^figure four, drawing the left thigh in/i,
      /^knee to chest, left/i,
      /^strap hamstring stretch, left/i,
      /^figure four, drawing the right thigh in/i,
      /^cat and cow/i,
      /^downward dog/i,
      /^child's pose/i,
      /^low lunge/i,
      /^downward dog/i,
      /^baby cobra/i,
      /^locust/i,
      /^child's pose/i,
      /crescent lunge/i,
      /^downward dog/i,
      /^baby cobra/i,
      /^locust/i,
      /^reverse windshield wipers/i,
      /^bridge/i,
      /^alternating knees/i,
      /^side-lying twist/i,
      /^final relaxation/i,
    ];
    let at = 0;
    for (const re of poses) {
      const i = indexFrom(r, re, at);
      expect(i, `${re} after step ${at}`).to.be.greaterThan(-1);
      at = i + 1;
    }
  });

  it('runs the whole leg series on the right, then the whole series on the left', () => {
    const right = r.steps.filter((s) => s.section === SECTIONS[1]).map((s) => s.id);
    const left = r.steps.filter((s) => s.section === SECTIONS[2]).map((s) => s.id);
    expect(right).to.deep.equal(LEG_SERIES.map((id) => `${id}-right`));
    expect(left).to.deep.equal(LEG_SERIES.map((id) => `${id}-left`));
    for (const s of r.steps.filter((x) => x.section === SECTIONS[1] || x.section === SECTIONS[2])) {
      expect(s.sides, s.id).to.equal('none');
      expect(spokenTexts(s).join(' '), s.id).to.not.match(/\{(side|otherSide)\}/);
    }
    // The working leg is named, and the strap moves between hands as the teacher says.
    expect(step(r, 'strap-hamstring-right').instructions.join(' ')).to.match(/right foot/);
    expect(step(r, 'strap-hamstring-left').instructions.join(' ')).to.match(/left foot/);
    expect(step(r, 'strap-open-right').instructions.join(' ')).to.match(/strap into your right hand[\s\S]*out to the right/);
    expect(step(r, 'strap-across-right').instructions.join(' ')).to.match(/strap across into your left hand/);
    expect(step(r, 'strap-open-left').instructions.join(' ')).to.match(/strap into your left hand[\s\S]*out to the left/);
    expect(step(r, 'strap-across-left').instructions.join(' ')).to.match(/strap across into your right hand/);
    expect(step(r, 'figure-four-rocking-right').instructions.join(' ')).to.match(/cross your right ankle over your left thigh/);
    expect(step(r, 'figure-four-rocking-left').instructions.join(' ')).to.match(/cross your left ankle over your right thigh/);
  });

  it('starts every side-to-side move and every sided pose on the right', () => {
    const sided = r.steps.filter((s) => s.sides !== 'none');
    expect(sided.map((s) => s.id)).to.deep.equal(['low-lunge', 'crescent-lunge', 'side-lying-twist']);
    for (const s of sided) expect(s.sides, s.id).to.equal('right-then-left');
    for (const id of ['windshield-wipers', 'down-dog-pedal', 'alternating-knees']) {
      const t = step(r, id).instructions.join(' ').toLowerCase();
      expect(t.indexOf('right'), id).to.be.greaterThan(-1);
      expect(t.indexOf('right'), id).to.be.lessThan(t.indexOf('left'));
    }
    // Lying on the right side first, the chest turns to the left.
    expect(step(r, 'side-lying-twist').instructions.join(' ')).to.match(/onto your \{side\} side[\s\S]*toward the \{otherSide\}/);
  });

  it("keeps the teacher's counts and holds", () => {
    expect(step(r, 'knee-circles').repeats, 'one way, then the other').to.equal(2);
    expect(step(r, 'knee-circles').instructions.join(' ')).to.match(/other way/);
    for (const id of ['knee-to-chest-right', 'knee-to-chest-left']) {
      expect(step(r, id).hold, id).to.deep.include({ unit: 'reps', count: 3 }); // "one more time": three in all
    }
    for (const id of ['strap-open-across-right', 'strap-open-across-left']) {
      expect(step(r, id).hold, id).to.deep.include({ unit: 'reps', count: 3 });
    }
    for (const id of ['curl-up-right', 'curl-up-left']) expect(step(r, id).hold, id).to.deep.include({ unit: 'reps', count: 1 });
    for (const id of ['baby-cobra', 'baby-cobra-again']) expect(step(r, id).hold, id).to.deep.include({ unit: 'reps', count: 2 });
    // Final relaxation is a real rest: several minutes.
    const rest = step(r, 'final-relaxation');
    expect(rest.hold.unit).to.equal('seconds');
    expect(holdSeconds(rest.hold)).to.be.at.least(180);
    // Slow movements are paced slower than the default.
    for (const id of ['knee-circles', 'pelvic-tilts', 'windshield-wipers', 'cat-cow']) {
      expect(step(r, id).hold.pace ?? 0, id).to.be.at.least(8);
    }
    // The long holds of the class last longer than the passing moves.
    expect(holdSeconds(step(r, 'low-lunge').hold)).to.be.greaterThan(holdSeconds(step(r, 'down-dog').hold));
  });

  it('lists the equipment with substitutes, blocks and blanket optional', () => {
    const byId = Object.fromEntries(r.equipment.map((e) => [e.id, e]));
    expect(Object.keys(byId)).to.have.members(['mat', 'strap', 'block', 'blanket']);
    expect(byId.strap!.substitutes).to.include.members(['a belt', 'a towel']);
    expect(byId.block!.name).to.match(/two blocks/);
    expect(byId.block!.substitutes.join(' ')).to.match(/books/);
    expect(byId.block!.substitutes.join(' ')).to.match(/cushions/);
    expect(byId.block!.optional).to.equal(true); // "not necessary but helpful"
    expect(byId.blanket!.optional).to.equal(true);
    expect(byId.strap!.optional).to.equal(false);
    for (const s of r.steps.filter((x) => /^strap-/.test(x.id))) expect(s.equipment, s.id).to.include('strap');
    for (const id of ['low-lunge', 'crescent-lunge']) expect(step(r, id).equipment, id).to.include('block');
  });

  it('marks the optional parts and carries the cautions', () => {
    expect(r.steps.filter((s) => s.optional).map((s) => s.id)).to.deep.equal(['curl-up-right', 'curl-up-left']);
    expect(r.cautions.join(' ')).to.match(/never a sharp or painful/i);
    // Options the teacher offers become variants.
    expect(step(r, 'strap-hamstring-right').deeper?.instructions.join(' ')).to.match(/left leg long/);
    expect(step(r, 'strap-hamstring-left').deeper?.instructions.join(' ')).to.match(/right leg long/);
    expect(step(r, 'figure-four-thread-left').deeper?.instructions.join(' ')).to.match(/strap/);
    expect(step(r, 'crescent-lunge').deeper?.instructions.join(' ')).to.match(/arms up/);
    expect(step(r, 'locust').deeper?.instructions.join(' ')).to.match(/legs and arms/);
    expect(step(r, 'alternating-knees').deeper?.instructions.join(' ')).to.match(/head/);
    expect(step(r, 'final-relaxation').easier?.instructions.join(' ')).to.match(/knees bent/);
    for (const id of ['figure-four-thread-right', 'figure-four-thread-left']) {
      expect(step(r, id).deeper?.instructions.join(' '), id).to.match(/blanket or a pillow/);
    }
  });

  it('tags every technique of safety section 2, and checks in after the deep ones', () => {
    const tags: Record<string, SafetyTag[]> = {
      'windshield-wipers': ['twist'],
      'rock-and-wipers': ['twist'],
      'side-lying-twist': ['twist'],
      'reverse-windshield-wipers': ['twist', 'prone-back-bend'],
      'figure-four-rocking-right': ['hip-opener'],
      'figure-four-thread-right': ['hip-opener'],
      'figure-four-rocking-left': ['hip-opener'],
      'figure-four-thread-left': ['hip-opener'],
      'down-dog-pedal': ['forward-fold'],
      'down-dog': ['forward-fold'],
      'down-dog-again': ['forward-fold'],
      'childs-pose': ['forward-fold'],
      'childs-pose-wide': ['forward-fold'],
      'low-lunge': ['forward-fold'], // the half split over the front leg
      'crescent-lunge': ['forward-fold'],
      'baby-cobra': ['prone-back-bend'],
      'baby-cobra-again': ['prone-back-bend'],
      locust: ['prone-back-bend'],
      'locust-again': ['prone-back-bend'],
      bridge: ['bridge'],
      'final-relaxation': ['lying-flat'],
    };
    for (const side of ['right', 'left']) {
      for (const id of ['strap-hamstring', 'strap-open', 'strap-across']) tags[`${id}-${side}`] = ['strap-leg-stretch'];
      tags[`strap-open-across-${side}`] = ['strap-leg-stretch', 'twist'];
    }
    // Lying on the back for long (safety.md section 2, pregnancy): the warm-up, both strap series and the cool-down.
    const onTheBack = ['rocking', 'knee-circles', 'pelvic-tilts', 'windshield-wipers', 'bridge', 'alternating-knees', 'rock-and-wipers'];
    for (const side of ['right', 'left']) {
      for (const id of ['knee-to-chest', 'strap-hamstring', 'strap-open', 'strap-across', 'strap-open-across', 'curl-up', 'figure-four-rocking', 'figure-four-thread', 'ankle-circles', 'rest']) onTheBack.push(`${id}-${side}`);
      // Curl-ups are loaded spinal flexion (osteoporosis, recent surgery).
      tags[`curl-up-${side}`] = ['curl-up'];
    }
    for (const id of onTheBack) tags[id] = [...(tags[id] ?? []), 'lying-flat'];
    for (const s of r.steps) expect(s.tags, s.id).to.have.members(tags[s.id] ?? []);
    const checkIns = r.steps.filter((s) => s.checkIn).map((s) => s.id);
    expect(checkIns).to.include.members([
      'figure-four-thread-right',
      'figure-four-thread-left',
      'locust',
      'locust-again',
    ]);
    for (const id of checkIns) expect(step(r, id).tags.length, id).to.be.greaterThan(0);
  });

  it('estimates within 30% of the stated 40 minutes', () => {
    expectEstimateNear(r, 40);
  });

  it("makes the teacher's first stage the pose and her next stage the deeper way (the figure four)", () => {
    // "You might stay with this, or weave your arm through": the thigh drawn in without hands is the pose,
    // threading the arm is deeper, and staying with the rocking figure four is easier.
    for (const [side, other] of [['right', 'left'], ['left', 'right']] as const) {
      const s = step(r, `figure-four-thread-${side}`);
      expect(s.instructions.join(' '), s.id).to.match(new RegExp(`draw your ${other} thigh in toward you, no hands`));
      expect(s.instructions.join(' '), s.id).to.not.match(/thread/i);
      expect(s.deeper?.instructions.join(' '), s.id).to.match(new RegExp(`Thread your ${side} arm`));
      expect(s.easier?.instructions.join(' '), s.id).to.match(new RegExp(`${other} foot down`));
    }
  });

  it('says what comes after a hold after it: the way out of the twist, the bridge, the lunges', () => {
    expect(step(r, 'side-lying-twist').release.join(' ')).to.match(/top leg lead/);
    expect(step(r, 'bridge').release.join(' ')).to.match(/roll your spine down/);
    expect(step(r, 'low-lunge').release.join(' ')).to.match(/step your \{side\} leg back/);
    for (const s of r.steps) expect(s.cues.join(' '), s.id).to.not.match(/to (come out|come down|finish)/i);
  });

  it('gives the five-minute rest a cue at least every minute', () => {
    const rest = step(r, 'final-relaxation');
    expect(holdSeconds(rest.hold) / (rest.cues.length + 1)).to.be.at.most(60);
  });

  describeSpeakability(r, { maxChars: 2000, cues: [1, 4] });
});
