import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { estimatedMinutes, type Routine, type Step } from '../../src/core/routine.js';
import { parseRoutine, ROUTINES_DIR } from '../../src/routines/load.js';

// Content checks of routines/back-break.yaml: a short break at a desk, composed from moves of three sources.
const FILE = 'back-break.yaml';
const SEEDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds');

function load(file: string): Routine {
  const parsed = parseRoutine(file, readFileSync(join(ROUTINES_DIR, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not validate: ${JSON.stringify(parsed.problems)}`);
  return parsed.routine;
}
const text = readFileSync(join(ROUTINES_DIR, FILE), 'utf8');
const routine = load(FILE);
const step = (id: string): Step => {
  const found = routine.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step "${id}" in ${FILE}`);
  return found;
};

/** Where each move comes from: the routine written from the source, the step there, and the source seed. */
const BORROWED = [
  { steps: ['seated-pelvic-tilts'], from: 'spinal-love', step: 'pelvic-tilts', named: /pelvic tilts from Spinal Love/i },
  { steps: ['seated-circles', 'seated-circles-reverse'], from: 'five-moves', step: 'around-the-world', named: /around-the-world circles from Five Moves/i },
  { steps: ['standing-knee-lifts'], from: 'sacral-traction', step: 'knee-lifts', named: /knee lifts.*from Sacral Traction/i },
  { steps: ['standing-torso-twists'], from: 'sacral-traction', step: 'torso-twists', named: /torso twists.*from Sacral Traction/i },
  { steps: ['shake-out'], from: 'sacral-traction', step: 'shake-out', named: /shake-out from Sacral Traction/i },
];

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
/** Runs of 8 or more words a text shares with a seed. */
const copiedFrom = (seed: Set<string>, t: string): string[] => runs(t).filter((r) => seed.has(r));

describe('routine back-break (composed for a break at work)', () => {
  const sources = BORROWED.map((b) => b.from).filter((f, i, all) => all.indexOf(f) === i).map((f) => load(`${f}.yaml`));
  const seedRuns = new Set(sources.flatMap((r) => runs(readFileSync(join(SEEDS_DIR, r.source.seed!), 'utf8'))));

  it('validates, names its file, and is credited as composed by Back Break, with no seed', () => {
    expect(text.split('\n')[0]).to.equal('# yaml-language-server: $schema=./schema.json');
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
    const tilts = load('spinal-love.yaml').steps.find((s) => s.id === 'pelvic-tilts')!;
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
      const said = spokenOf(s).join(' ');
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

  it('takes about five minutes', () => {
    expect(routine.statedMinutes, 'no source states its length').to.equal(undefined);
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
    expect(copiedFrom(seedRuns, 'Lift your knees, perform some gentle torso twists, and shake out your legs.')).to.not.be.empty;
  });

  it('copies no run of 8 or more words from the sources it borrows from', () => {
    for (const s of routine.steps) {
      for (const t of spokenOf(s)) expect(copiedFrom(seedRuns, t), `${s.id}: "${t}"`).to.deep.equal([]);
    }
    for (const t of [routine.summary, routine.startingPosition, ...routine.cautions]) {
      expect(copiedFrom(seedRuns, t), t).to.deep.equal([]);
    }
  });
});
