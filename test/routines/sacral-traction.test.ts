import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { estimatedMinutes, type Routine, type Step } from '../../src/core/routine.js';
import { parseRoutine, ROUTINES_DIR } from '../../src/routines/load.js';

// Content checks of routines/sacral-traction.yaml against its source, shared/seeds/001 ("Joint Relief", no author named).
const FILE = 'sacral-traction.yaml';
const SEED = '001_465ed3c5ab6b4b32.txt';
const SEEDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds');

const text = readFileSync(join(ROUTINES_DIR, FILE), 'utf8');
const parsed = parseRoutine(FILE, text);
if (!parsed.ok) throw new Error(`${FILE} does not validate: ${JSON.stringify(parsed.problems)}`);
const routine: Routine = parsed.routine;
const step = (id: string): Step => {
  const found = routine.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step "${id}" in ${FILE}`);
  return found;
};
const idsTagged = (tag: Step['tags'][number]): string[] => routine.steps.filter((s) => s.tags.includes(tag)).map((s) => s.id);

/** Everything the coach says for a step, with the side placeholders filled in. */
function spokenOf(s: Step): string[] {
  const texts = [s.name, s.caution ?? '', ...s.instructions, ...s.cues, ...(s.easier?.instructions ?? []), ...(s.deeper?.instructions ?? [])];
  return texts.filter(Boolean).map((t) => t.replaceAll('{side}', 'right').replaceAll('{otherSide}', 'left'));
}
const words = (t: string): string[] => t.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z0-9']+/g) ?? [];
function runs(t: string, n = 8): string[] {
  const w = words(t);
  return w.slice(0, Math.max(0, w.length - n + 1)).map((_, i) => w.slice(i, i + n).join(' '));
}
/** Runs of 8 or more words a text shares with the seed. */
const copiedFrom = (seed: Set<string>, t: string): string[] => runs(t).filter((r) => seed.has(r));

describe('routine sacral-traction (from Sacral Traction)', () => {
  const seedRuns = new Set(runs(readFileSync(join(SEEDS_DIR, SEED), 'utf8')));

  it('validates, names its file, and credits its source', () => {
    expect(text.split('\n')[0]).to.equal('# yaml-language-server: $schema=./schema.json');
    expect(routine.id).to.equal('sacral-traction');
    expect(routine.source).to.deep.include({ title: 'Sacral Traction', kind: 'article', seed: SEED });
  });

  it('is not a starting point: intermediate, offered only after a gentle routine', () => {
    expect(routine.level).to.equal('intermediate');
    expect(routine.prerequisites).to.deep.equal(['gentle-routine-first']);
    expect(routine.cautions.join(' ')).to.match(/not a starting point/i);
  });

  it('keeps the steps in the order of the source: test, traction, move, retest', () => {
    expect(routine.steps.map((s) => s.id)).to.deep.equal([
      'forward-bend-test',
      'roller-under-sacrum',
      'lengthen-low-back',
      'press-and-wait',
      'remove-roller',
      'knee-lifts',
      'torso-twists',
      'shake-out',
      'forward-bend-retest',
    ]);
  });

  it('tests the forward bend first and last, rolling down from the head, and tags both', () => {
    expect(idsTagged('forward-bend-test')).to.deep.equal(['forward-bend-test', 'forward-bend-retest']);
    const test = step('forward-bend-test').instructions.join(' ');
    expect(test).to.match(/not a hip hinge/i);
    expect(test.indexOf('neck')).to.be.lessThan(test.indexOf('mid back'));
    expect(test.indexOf('mid back')).to.be.lessThan(test.indexOf('then low back'));
    expect(step('forward-bend-retest').instructions.join(' ')).to.match(/compare/i);
  });

  it('needs a foam roller, lengthwise under the sacrum, for every traction step', () => {
    expect(routine.equipment.map((e) => e.id)).to.deep.equal(['foam-roller']);
    expect(step('roller-under-sacrum').instructions.join(' ')).to.match(/lengthwise/);
    const roller = routine.steps.filter((s) => s.equipment.includes('foam-roller')).map((s) => s.id);
    expect(roller).to.deep.equal(['roller-under-sacrum', 'lengthen-low-back', 'press-and-wait', 'remove-roller']);
    expect(idsTagged('traction')).to.deep.equal(roller);
  });

  it('turns "if this hurts, disregard" into cautions and checks in after the traction', () => {
    expect(step('lengthen-low-back').caution).to.match(/if this hurts, stop/i);
    const press = step('press-and-wait');
    expect(press.caution).to.match(/stop if it hurts/i);
    expect(press.checkIn).to.equal(true);
    expect(routine.cautions.join(' ')).to.match(/stop if it hurts/i);
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

  it('estimates within 30% of the five minutes stated', () => {
    expect(routine.statedMinutes).to.equal(5);
    const minutes = estimatedMinutes(routine);
    expect(Math.abs(minutes - 5) / 5, `estimated ${minutes} min`).to.be.at.most(0.3);
  });

  it('keeps every step speakable: short sentences, well under 2,000 characters', () => {
    for (const s of routine.steps) {
      const spoken = spokenOf(s);
      expect(spoken.join(' ').length, s.id).to.be.lessThan(1000);
      for (const sentence of spoken.flatMap((t) => t.split(/(?<=[.?!])\s+/))) {
        expect(words(sentence).length, sentence).to.be.lessThan(30);
      }
    }
  });

  it('finds a copied sentence (the check below can fail)', () => {
    expect(copiedFrom(seedRuns, 'Relax your legs and hips as fully as possible, please.')).to.not.be.empty;
  });

  it('copies no run of 8 or more words from the source', () => {
    for (const s of routine.steps) {
      for (const t of spokenOf(s)) expect(copiedFrom(seedRuns, t), `${s.id}: "${t}"`).to.deep.equal([]);
    }
    for (const t of [routine.summary, routine.startingPosition, ...routine.cautions]) {
      expect(copiedFrom(seedRuns, t), t).to.deep.equal([]);
    }
  });
});
