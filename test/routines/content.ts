import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { estimatedMinutes, type Routine, type SafetyTag, type Step } from '../../src/core/routine.js';
import { formatProblem, parseRoutine, ROUTINES_DIR } from '../../src/routines/load.js';

/**
 * Shared helpers of the routine content tests: loading a routine and its seed, the words the coach
 * speaks, the "no run of 8 words copied from the seed" check and the speakability checks.
 * The per-routine expectations stay in each routine's test file.
 */

/** shared/seeds sits beside the repository root (SEEDS_DIR overrides); only `npm run test:seeds` reads it. */
export const SEEDS_DIR = process.env.SEEDS_DIR ?? fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

/** The first line of every routine file, so editors validate it against the schema. */
export const SCHEMA_LINE = '# yaml-language-server: $schema=./schema.json';

/** The text of routines/<id>.yaml. */
export function routineText(id: string): string {
  return readFileSync(join(ROUTINES_DIR, `${id}.yaml`), 'utf8');
}

/** Parses and validates routines/<id>.yaml; throws naming every problem. */
export function routineById(id: string): Routine {
  const file = `${id}.yaml`;
  const parsed = parseRoutine(file, routineText(id));
  if (!parsed.ok) throw new Error(`${file} does not validate:\n${parsed.problems.map(formatProblem).join('\n')}`);
  return parsed.routine;
}

/** The step with this id; throws if there is none. */
export function stepOf(routine: Routine, id: string): Step {
  const found = routine.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step "${id}" in ${routine.id}`);
  return found;
}

/** The ids of the steps with this safety tag, in order. */
export function idsTagged(routine: Routine, tag: SafetyTag): string[] {
  return routine.steps.filter((s) => s.tags.includes(tag)).map((s) => s.id);
}

/** The text of a seed file in shared/seeds. */
export function seedText(file: string): string {
  return readFileSync(join(SEEDS_DIR, file), 'utf8');
}

/** Lower-case words, curly apostrophes made straight; everything else separates words. */
export function words(t: string): string[] {
  return t.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z0-9']+/g) ?? [];
}

/** Every run of n consecutive words of a text. */
export function wordRuns(t: string, n = 8): string[] {
  const w = words(t);
  const out: string[] = [];
  for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n).join(' '));
  return out;
}

/** The runs of n words of one or more seed files, for the copy check. */
export function seedRuns(files: readonly string[], n = 8): Set<string> {
  return new Set(files.flatMap((f) => wordRuns(seedText(f), n)));
}

/** The runs of n words the texts share with a seed, each once, in order. */
export function copiedRuns(texts: readonly string[], seed: ReadonlySet<string>, n = 8): string[] {
  return [...new Set(texts.flatMap((t) => wordRuns(t, n)).filter((r) => seed.has(r)))];
}

/** Fills the side placeholders of a text. */
export function fillSides(t: string, side: 'right' | 'left', otherSide: 'right' | 'left'): string {
  return t.replaceAll('{side}', side).replaceAll('{otherSide}', otherSide);
}

/** Everything the coach says for a step, variants included, placeholders as written. */
export function spokenTexts(s: Step): string[] {
  return [s.name, ...(s.caution ? [s.caution] : []), ...s.instructions, ...s.cues, ...(s.easier?.instructions ?? []), ...(s.deeper?.instructions ?? [])];
}

/** Splits a text into sentences at ., ? or ! followed by space. */
export function sentencesOf(t: string): string[] {
  return t.split(/(?<=[.?!])\s+/);
}

/** Every sentence the coach says for a step, variants included. */
export function spokenSentences(s: Step): string[] {
  return spokenTexts(s).flatMap(sentencesOf);
}

/**
 * Every text of a routine that is said or shown, labelled with where it is: each step's spoken texts
 * with the placeholders filled both ways (right first and left first), then the summary, the starting
 * position and the cautions.
 */
export function routineTexts(routine: Routine): { where: string; text: string }[] {
  const fillings = [['right', 'left'], ['left', 'right']] as const;
  return [
    ...routine.steps.flatMap((s) =>
      spokenTexts(s).flatMap((t) => fillings.map(([side, other]) => ({ where: s.id, text: fillSides(t, side, other) }))),
    ),
    ...[routine.summary, routine.startingPosition, ...routine.cautions].map((text) => ({ where: 'routine', text })),
  ];
}

/** Runs of n words a routine copies from a seed, as `where: "run"`. */
export function copiesIn(routine: Routine, seed: ReadonlySet<string>, n = 8): string[] {
  return [...new Set(routineTexts(routine).flatMap(({ where, text }) => copiedRuns([text], seed, n).map((r) => `${where}: "${r}"`)))];
}

/** The estimate is within `tolerance` (a fraction) of the given minutes. */
export function expectEstimateNear(routine: Routine, minutes: number, tolerance = 0.3): void {
  const estimate = estimatedMinutes(routine);
  expect(Math.abs(estimate - minutes) / minutes, `${routine.id}: estimated ${estimate} min, against ${minutes}`).to.be.at.most(tolerance);
}

/** A step's side placeholders fit its sides: {side} in the instructions of a sided step, none elsewhere, none in a caution. */
export function expectSidesSpoken(s: Step): void {
  const texts = spokenTexts(s);
  if (s.sides === 'none') expect(texts.join(' '), `${s.id} has no sides, so no placeholder`).to.not.match(/\{(side|otherSide)\}/);
  else expect(s.instructions.some((i) => i.includes('{side}')), `${s.id} names {side}`).to.equal(true);
  // A caution is spoken once before the step, so it carries no side placeholder.
  expect(s.caution ?? '', `${s.id} caution`).to.not.match(/\{(side|otherSide)\}/);
}

/** Sentences under 30 words, and all a step says under `maxChars` characters (placeholders as written). */
export function expectStepSpeakable(s: Step, maxChars: number): void {
  const texts = spokenTexts(s);
  expect(texts.join(' ').length, s.id).to.be.lessThan(maxChars);
  for (const sentence of spokenSentences(s)) expect(words(sentence).length, `${s.id}: ${sentence}`).to.be.lessThan(30);
}

export interface SpeakabilityOptions {
  /** All a step says stays under this many characters (Alexa's limit is 2,000). */
  maxChars: number;
  /** Each step has between min and max cues, when given. */
  cues?: [number, number];
}

/** Registers the speakability case: short sentences, short steps, side placeholders where they belong. */
export function describeSpeakability(routine: Routine, { maxChars, cues }: SpeakabilityOptions): void {
  it(`keeps every step speakable: sentences under 30 words, under ${maxChars} characters, {side} only in sided steps`, () => {
    for (const s of routine.steps) {
      expectStepSpeakable(s, maxChars);
      if (cues) expect(s.cues.length, `${s.id} cues`).to.be.within(cues[0], cues[1]);
      expectSidesSpoken(s);
    }
  });
}

export interface CopyCheckOptions {
  /** The seed files the routine's words are checked against. */
  seeds: readonly string[];
  /** A sentence copied from the seeds, to show the check can fail. */
  copied: string;
  /** The seeds have more runs than this (so the check runs against real text). */
  minSeedRuns: number;
}

/** Registers the copy check (no run of 8 words from the seeds) and its self-test. */
export function describeNoCopies(routine: Routine, { seeds, copied, minSeedRuns }: CopyCheckOptions): void {
  const seed = seedRuns(seeds);

  it('finds a copied sentence (the copy check can fail)', () => {
    expect(copiedRuns([copied], seed)).to.not.be.empty;
  });

  it('copies no run of 8 or more words from its source', () => {
    if (routine.source.seed) expect(seeds, 'checked against the seed it names').to.include(routine.source.seed);
    expect(seed.size, 'runs in the seeds').to.be.greaterThan(minSeedRuns);
    expect(copiesIn(routine, seed)).to.deep.equal([]);
  });
}
