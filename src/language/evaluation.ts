import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distance } from 'fastest-levenshtein';
import { parse } from 'yaml';
import { z } from 'zod';
import type { HurtKind, Intent } from '../core/intents.js';
import { LANGUAGE_DIR } from './corpus.js';
import { EMERGENCY_KINDS } from './labels.js';
import type { Sample } from './training.js';
import { normalise } from './text.js';
import type { Expectation, Understanding } from './understand.js';

/**
 * The labelled evaluation of the typed understanding (language/eval/en.yaml): each case is words said at a
 * moment and the core intent they mean. Scored by npm run nlu:eval and by a test, with the thresholds of
 * issue 9: accuracy at least 95%, every safety statement acted on, false emergencies at most 1%.
 */

export const EVAL_PATH = join(LANGUAGE_DIR, 'eval', 'en.yaml');
/** No case may be this close to a training sample (edit distance on normalised text). */
export const MIN_DISTANCE = 4;

const EvalFile = z.strictObject({
  moments: z.array(
    z.strictObject({
      at: z.string(),
      expect: z.enum(['yesNo', 'yesNoUnsure', 'painScore', 'hurtKind', 'routine', 'command', 'time']),
      cases: z.record(z.string().min(1), z.string().regex(/^[a-zA-Z]+( [a-zA-Z]+=[\w:-]+)*( or [a-zA-Z]+( [a-zA-Z]+=[\w:-]+)*)*$/)),
    }),
  ),
});

export interface EvalCase {
  at: string;
  expect: Expectation;
  text: string;
  /** "hurts kind=saddle", "painScore score=7", "unknown"; "resume or next" where the moment treats both alike. */
  meaning: string;
  /** The first meaning: what the per-intent figures and the confusion table count it as. */
  want: Meaning;
  /** Every meaning that is right here. */
  wants: Meaning[];
}

export interface Meaning {
  type: string;
  slots: Record<string, string>;
}

function meaningOf(text: string): Meaning {
  const [type, ...pairs] = text.split(' ');
  return { type: type!, slots: Object.fromEntries(pairs.map((p) => p.split('=') as [string, string])) };
}

export function loadEval(path = EVAL_PATH): EvalCase[] {
  const file = EvalFile.parse(parse(readFileSync(path, 'utf8')));
  return file.moments.flatMap((m) =>
    Object.entries(m.cases).map(([text, meaning]) => {
      const wants = meaning.split(' or ').map(meaningOf);
      return { at: m.at, expect: m.expect, text, meaning, want: wants[0]!, wants };
    }),
  );
}

/** Kinds of hurt the core treats as an emergency: every tier A sign (labels.ts). */
export function isEmergency(i: { type: string; kind?: string }): boolean {
  return i.type === 'hurts' && i.kind !== undefined && EMERGENCY_KINDS.has(i.kind as HurtKind);
}

function isSafety(type: string): boolean {
  return type === 'hurts' || type === 'dizzy';
}

/** A safety path, or the clarifying safety question ("Did you mean you feel dizzy?"). */
function isSafetyHeard(i: Intent): boolean {
  return isSafety(i.type) || (i.type === 'unknown' && i.maybe !== undefined);
}

/** The intent in the evaluation's words ("hurts kind=saddle"), for the confusion table. */
export function describe(i: Intent): string {
  const slots = Object.entries(i).filter(([k, v]) => k !== 'type' && k !== 'text' && v !== undefined && k !== 'candidates' && k !== 'maybe');
  if (i.type === 'unknown' && i.maybe) slots.push(['maybe', describe(i.maybe).replace(' ', ':')]);
  return [i.type, ...slots.map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`)].join(' ');
}

/**
 * Meanings the coach treats alike at a moment (src/core/conversation.ts): "yes" in a step moves on as "next"
 * does, "no" to the pain question skips it. A case meaning one of them is right with any of them.
 */
const SAME_AT: Record<string, ReadonlyArray<readonly string[]>> = {
  step: [['next', 'yes']],
  paused: [['resume', 'next', 'yes', 'repeat']],
  painBefore: [['skip', 'no', 'next']],
  painAfter: [['skip', 'no', 'next']],
  checkIn: [['next', 'skip', 'yes', 'no']],
  reminderTime: [['no', 'skip', 'reminderOff']],
};

function sameAt(at: string, want: string, got: string): boolean {
  return want === got || (SAME_AT[at] ?? []).some((group) => group.includes(want) && group.includes(got));
}

/** One of the case's meanings holds: same type (or one the moment treats alike), and every slot it names has that value. */
export function matches(c: EvalCase, got: Intent): boolean {
  return c.wants.some((want) => {
    if (!sameAt(c.at, want.type, got.type)) return false;
    const g = got as Record<string, unknown>;
    return Object.entries(want.slots).every(([k, v]) => {
      const value = g[k];
      if (Array.isArray(value)) return value.includes(v);
      return String(value) === v;
    });
  });
}

export interface EvalResult {
  cases: number;
  correct: number;
  safety: { statements: number; actedOn: number; missed: string[] };
  /** Cases that are no emergency (ordinary talk and every other meaning): none may be read as one. */
  emergencies: { ordinary: number; falseAlarms: number; listed: string[] };
  /** Cases of ordinary talk that means nothing at that moment ("my chest is lifted"). */
  talk: number;
  /** Cases that are no safety statement, answered with a clarifying safety question. */
  questions: string[];
  perIntent: Record<string, { cases: number; correct: number }>;
  confusion: Record<string, Record<string, number>>;
  wrong: Array<{ at: string; text: string; want: string; got: string }>;
}

export function evaluate(understanding: Understanding, cases: readonly EvalCase[]): EvalResult {
  const result: EvalResult = {
    cases: cases.length,
    correct: 0,
    safety: { statements: 0, actedOn: 0, missed: [] },
    emergencies: { ordinary: 0, falseAlarms: 0, listed: [] },
    talk: cases.filter((c) => c.want.type === 'unknown').length,
    questions: [],
    perIntent: {},
    confusion: {},
    wrong: [],
  };
  for (const c of cases) {
    const got = understanding.understand(c.text, c.expect);
    const ok = matches(c, got);
    const per = (result.perIntent[c.want.type] ??= { cases: 0, correct: 0 });
    per.cases++;
    if (ok) {
      per.correct++;
      result.correct++;
    } else result.wrong.push({ at: c.at, text: c.text, want: c.meaning, got: describe(got) });
    const row = (result.confusion[c.want.type] ??= {});
    row[got.type] = (row[got.type] ?? 0) + 1;
    const wantKind = c.want.slots.kind;
    const gotKind = got.type === 'hurts' ? got.kind : undefined;
    if (isSafety(c.want.type)) {
      result.safety.statements++;
      // A sign of an emergency must take the emergency path; any other hurt or dizziness, a safety path.
      const acted = isEmergency({ type: c.want.type, ...(wantKind ? { kind: wantKind } : {}) }) ? isEmergency({ type: got.type, ...(gotKind ? { kind: gotKind } : {}) }) : isSafetyHeard(got);
      if (acted) result.safety.actedOn++;
      else result.safety.missed.push(`[${c.at}] "${c.text}" -> ${describe(got)} (want ${c.meaning})`);
    }
    if (!isSafety(c.want.type) && got.type === 'unknown' && got.maybe) result.questions.push(`[${c.at}] "${c.text}" -> did you mean ${describe(got.maybe)}? (want ${c.meaning})`);
    if (!isEmergency({ type: c.want.type, ...(wantKind ? { kind: wantKind } : {}) })) {
      result.emergencies.ordinary++;
      if (isEmergency({ type: got.type, ...(gotKind ? { kind: gotKind } : {}) })) {
        result.emergencies.falseAlarms++;
        result.emergencies.listed.push(`[${c.at}] "${c.text}" -> ${describe(got)} (want ${c.meaning})`);
      }
    }
  }
  return result;
}

/** Cases too close to a training sample: an evaluation must be of words the model has not seen. */
export function tooClose(cases: readonly EvalCase[], samples: readonly Sample[]): Array<{ text: string; sample: string; distance: number }> {
  const trained = [...new Set(samples.map((s) => s.plain))];
  const out: Array<{ text: string; sample: string; distance: number }> = [];
  for (const c of cases) {
    const text = normalise(c.text);
    for (const sample of trained) {
      if (Math.abs(sample.length - text.length) >= MIN_DISTANCE) continue;
      const d = distance(text, sample);
      if (d < MIN_DISTANCE) {
        out.push({ text: c.text, sample, distance: d });
        break;
      }
    }
  }
  return out;
}
