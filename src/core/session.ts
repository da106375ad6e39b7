import { z } from 'zod';
import { Answer } from './profile.js';

/**
 * The conversation state: small, versioned, plain JSON. Parsed with zod on every load; a session that
 * does not parse (corrupt, or an older version) is discarded and the coach restarts politely.
 */

export const SESSION_VERSION = 1;

/** One thing the coach presents during a routine: a step, on one side, in one round. */
export const PlanItem = z
  .object({
    stepId: z.string(),
    side: z.enum(['right', 'left']).optional(),
    /** 1-based round when the step repeats. */
    round: z.number().int().positive().default(1),
    /** Why the step is adapted for this person (a copy key), when it is. */
    adapted: z.string().optional(),
  })
  .strict();
export type PlanItem = z.infer<typeof PlanItem>;

export const RoutineRun = z
  .object({
    routineId: z.string(),
    items: z.array(PlanItem),
    index: z.number().int().nonnegative(),
    startedAt: z.string(),
    painBefore: z.number().int().min(0).max(10).optional(),
    /** Indexes of items done and skipped (a set, as arrays for JSON). */
    done: z.array(z.number().int()).default([]),
    skipped: z.array(z.number().int()).default([]),
    /** Showing the easier variant of the current item. */
    easier: z.boolean().default(false),
    /** Step ids left out for today (dizziness, pain rise, this hurts). */
    avoid: z.array(z.string()).default([]),
    /** Steps whose general cautions have been said once this run. */
    cautioned: z.array(z.string()).default([]),
  })
  .strict();
export type RoutineRun = z.infer<typeof RoutineRun>;

/** What the coach is waiting for. */
export const Phase = z.enum([
  'idle', // choosing a routine
  'resumeOffer', // "pick up where you left off?"
  'settled', // "did your back settle within a day after last time?"
  'screening',
  'prerequisite',
  'equipment',
  'painBefore',
  'step',
  'paused',
  'checkIn', // pain 0-10 after a step that asks
  'hurtKind', // "what kind of pain?"
  'hurtChoice', // skip, easier or go on
  'dizzyCheck', // neurological signs?
  'painAfter',
  'reminderOffer',
  'reminderTime',
  'forget',
  'blocked', // no exercise today: tier A or B
]);
export type Phase = z.infer<typeof Phase>;

/** What the person asked for before the safety checks ran. */
export const Request = z
  .object({
    routineId: z.string(),
  })
  .strict();

export const ScreeningRun = z
  .object({
    /** Question ids still to ask, first is current. */
    queue: z.array(z.string()),
    answers: z.record(z.string(), Answer),
    full: z.boolean(),
  })
  .strict();
export type ScreeningRun = z.infer<typeof ScreeningRun>;

export const Session = z
  .object({
    v: z.literal(SESSION_VERSION),
    /** Counts turns; buttons carry it so stale clicks change nothing. */
    turn: z.number().int().nonnegative(),
    phase: Phase,
    /** Where to return after a side question (help, progress, a hurt that settled). */
    resumePhase: Phase.optional(),
    request: Request.optional(),
    screening: ScreeningRun.optional(),
    run: RoutineRun.optional(),
    /** No exercise today, and why; with the day (YYYY-MM-DD) it was decided. */
    blocked: z.object({ tier: z.enum(['A', 'B']), day: z.string() }).strict().optional(),
    /** Full screening is due on the next start (pain new or worse). */
    screenFull: z.boolean().default(false),
    /** A reminder being set: days chosen, time still to ask. */
    reminderDays: z.array(z.number().int().min(0).max(6)).optional(),
    /** How bad the hurt was when the person is choosing what to do about it (hurtChoice). */
    hurt: z.enum(['sharp', 'mild']).optional(),
  })
  .strict();
export type Session = z.infer<typeof Session>;

/** Identifies one presentation of the current item; a timer for an older presentation is stale. */
export function stepKeyOf(session: Pick<Session, 'run' | 'turn'>): string {
  return `${session.run?.routineId}:${session.run?.index}:${session.turn}`;
}

export function newSession(): Session {
  return { v: SESSION_VERSION, turn: 0, phase: 'idle', screenFull: false };
}

/** Parses stored JSON; undefined when it is not a session of this version (the caller restarts politely). */
export function parseSession(stored: unknown): Session | undefined {
  const result = Session.safeParse(stored);
  return result.success ? result.data : undefined;
}
