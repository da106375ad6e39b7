import { z } from 'zod';

/**
 * A routine is data: what the coach walks a person through, step by step.
 * Authors write it as YAML in routines/; this schema is the single source of truth
 * (routines/schema.json is generated from it for editors).
 */

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case slug like "pelvic-tilts"');

/** Sentences the coach speaks: short, one idea each. `{side}` and `{otherSide}` are filled in per side. */
const spoken = z.string().trim().min(1);

/**
 * Safety tags map a technique onto the per-technique cautions of the safety spec (section 2).
 * The core decides, from a person's screening answers, which tagged steps to skip or adapt.
 */
export const SafetyTag = z.enum([
  'foam-roller-spine', // lying lengthwise on a foam roller
  'head-hang', // head rolls or head hang off the end of the roller
  'traction', // sacral traction
  'forward-bend-test', // the standing bend-forward test
  'twist', // supine twists, knees side to side, windshield wipers
  'sacral-thumps',
  'strap-leg-stretch', // hamstring, inner thigh, IT band with a strap
  'hip-opener', // half pigeon, figure four, deep gluteal
  'forward-fold', // forward folds, down dog, child's pose
  'prone-back-bend', // cobra, locust: lying face down
  'lying-flat', // lying flat on the back for a long time
  'leg-lowering', // 30/60/90 legs
  'curl-up', // curl-ups, head and shoulder lifts: loaded spinal flexion
  'bridge',
]);
export type SafetyTag = z.infer<typeof SafetyTag>;

export const HoldUnit = z.enum(['breaths', 'seconds', 'reps']);
export type HoldUnit = z.infer<typeof HoldUnit>;

export const Hold = z
  .object({
    unit: HoldUnit,
    count: z.number().int().positive(),
    /** Seconds one unit takes, when it differs from the default pace (a breath: 5 s, a rep: 5 s). */
    pace: z.number().positive().max(60).optional(),
  })
  .strict();
export type Hold = z.infer<typeof Hold>;

/** Which sides a step runs on, in order. The safety spec and the sources start on the right. */
export const Sides = z.enum(['none', 'right-then-left', 'left-then-right']);
export type Sides = z.infer<typeof Sides>;
export type Side = 'right' | 'left';

/** Seconds to get into position before a hold, unless a step says otherwise. */
export const SET_UP_SECONDS = 5;
/** Seconds of rest between steps, unless a step says otherwise. */
export const REST_SECONDS = 5;

export const Variant = z
  .object({
    instructions: z.array(spoken).min(1),
    hold: Hold.optional(),
    /** How to come out of this variant, when it differs from the step's own release. */
    release: z.array(spoken).optional(),
  })
  .strict();
export type Variant = z.infer<typeof Variant>;

export const EquipmentId = z.enum(['foam-roller', 'strap', 'block', 'blanket', 'mat', 'pillow']);
export type EquipmentId = z.infer<typeof EquipmentId>;

export const Equipment = z
  .object({
    id: EquipmentId,
    name: spoken,
    /** What works instead, e.g. a belt or a towel for a strap. */
    substitutes: z.array(spoken).default([]),
    optional: z.boolean().default(false),
  })
  .strict();
export type Equipment = z.infer<typeof Equipment>;

export const Step = z
  .object({
    id: slug,
    name: spoken,
    /** A section heading of the source, where it has them (the yoga class). */
    section: spoken.optional(),
    instructions: z.array(spoken).min(1),
    hold: Hold,
    sides: Sides.default('none'),
    /** The one side a step is written for, where the source walks a whole side before the other. */
    side: z.enum(['right', 'left']).optional(),
    /** Rounds of the whole step on each side (e.g. circles one way, then the other). */
    repeats: z.number().int().positive().max(20).default(1),
    /** Spoken during the hold, spread through it. */
    cues: z.array(spoken).default([]),
    easier: Variant.optional(),
    deeper: Variant.optional(),
    tags: z.array(SafetyTag).default([]),
    optional: z.boolean().default(false),
    /** Ask the person how that felt after the step. */
    checkIn: z.boolean().default(false),
    /** A caution of the source for this step, spoken before it. */
    caution: spoken.optional(),
    equipment: z.array(EquipmentId).default([]),
    // Pacing: how the coach moves a person through the step, beyond the words of the instructions.
    /** Seconds to get into position once the instructions are said, before the hold or the first count starts. */
    setUp: z.number().int().min(0).max(60).default(SET_UP_SECONDS),
    /** Count the repetitions aloud ("one ... two ..."), where the source counts them. */
    countAloud: z.boolean().default(false),
    /** Said after the hold, to come out of the pose ("lay your right leg down beside the left"). */
    release: z.array(spoken).default([]),
    /** Seconds of rest after the step, before "next up"; 0 where the next step follows straight on. */
    rest: z.number().int().min(0).max(60).default(REST_SECONDS),
  })
  .strict();
export type Step = z.infer<typeof Step>;

export const Source = z
  .object({
    title: spoken,
    author: spoken,
    kind: z.enum(['video transcript', 'article', 'class transcript', 'handout', 'composed']),
    /** The file in shared/seeds the routine was written from (absent for composed routines). */
    seed: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/).optional(),
  })
  .strict();
export type Source = z.infer<typeof Source>;

export const Level = z.enum(['gentle', 'intermediate']);
export type Level = z.infer<typeof Level>;

export const Prerequisite = z.enum([
  /** Offer only to people who have finished a gentle routine, or say they are at ease with back stretches. */
  'gentle-routine-first',
]);
export type Prerequisite = z.infer<typeof Prerequisite>;

export const Routine = z
  .object({
    id: slug,
    title: spoken,
    summary: spoken,
    /** Other ways a person names it: "the foam roller one". */
    synonyms: z.array(spoken).default([]),
    source: Source,
    level: Level,
    /** The length the source states, in minutes, where it states one. */
    statedMinutes: z.number().positive().optional(),
    equipment: z.array(Equipment).default([]),
    startingPosition: spoken,
    cautions: z.array(spoken).default([]),
    prerequisites: z.array(Prerequisite).default([]),
    /** The technique the routine is for: when a person's cautions leave it out, the routine is not offered. */
    mainTechnique: SafetyTag.optional(),
    steps: z.array(Step).min(1),
  })
  .strict()
  .superRefine((routine, ctx) => {
    const seen = new Set<string>();
    routine.steps.forEach((step, i) => {
      if (seen.has(step.id)) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `duplicate step id "${step.id}"` });
      }
      seen.add(step.id);
      const known = new Set(routine.equipment.map((e) => e.id));
      step.equipment.forEach((id, j) => {
        if (!known.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, 'equipment', j],
            message: `equipment "${id}" is not listed in the routine's equipment`,
          });
        }
      });
    });
  });
export type Routine = z.infer<typeof Routine>;
/** What an author writes (defaults not yet applied). */
export type RoutineInput = z.input<typeof Routine>;

/** Pace assumed when turning holds into time: one slow breath is about 5 seconds. */
export const SECONDS_PER_BREATH = 5;
export const SECONDS_PER_REP = 5;
/** Time to hear a step's instructions and get into position, per side. */
export const SECONDS_TO_SET_UP = 15;

export function holdSeconds(hold: Hold): number {
  const pace = hold.pace ?? (hold.unit === 'breaths' ? SECONDS_PER_BREATH : hold.unit === 'reps' ? SECONDS_PER_REP : 1);
  return hold.count * pace;
}

export function sidesOf(step: Pick<Step, 'sides'>): Side[] | [undefined] {
  switch (step.sides) {
    case 'right-then-left':
      return ['right', 'left'];
    case 'left-then-right':
      return ['left', 'right'];
    default:
      return [undefined];
  }
}

/** Seconds a step takes: each side, each round, the hold plus time to set up. */
export function stepSeconds(step: Step): number {
  return sidesOf(step).length * step.repeats * (holdSeconds(step.hold) + SECONDS_TO_SET_UP);
}

export function estimatedMinutes(routine: Routine): number {
  const seconds = routine.steps.reduce((sum, s) => sum + stepSeconds(s), 0);
  return Math.max(1, Math.round(seconds / 60));
}
