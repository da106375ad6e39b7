import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimatedMinutes, type Routine, type SafetyTag, type Step } from '../../src/core/routine.js';
import { formatProblem, parseRoutine, ROUTINES_DIR } from '../../src/routines/load.js';
import { words } from './similar.js';

export { words };

/**
 * Shared helpers of the routine content tests: loading a routine, the words the coach
 * speaks and the speakability checks. The checks against the source documents are in test/seeds/.
 * The per-routine expectations stay in each routine's test file.
 */

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

/** Fills the side placeholders of a text. */
export function fillSides(t: string, side: 'right' | 'left', otherSide: 'right' | 'left'): string {
  return t.replaceAll('{side}', side).replaceAll('{otherSide}', otherSide);
}

/** Everything the coach says for a step, variants included, placeholders as written. */
export function spokenTexts(s: Step): string[] {
  const variants = [s.easier, s.deeper].flatMap((v) => (v ? [...v.instructions, ...(v.release ?? [])] : []));
  return [s.name, ...(s.caution ? [s.caution] : []), ...s.instructions, ...s.cues, ...s.release, ...variants];
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
