import { z } from 'zod';
import { SafetyTag } from './routine.js';

/**
 * What the core knows about a person, passed in on every turn. Screening answers are health data:
 * kept as small as serves the person, never logged.
 */

export const Answer = z.enum(['yes', 'no', 'unsure']);
export type Answer = z.infer<typeof Answer>;

export const Screening = z
  .object({
    /** Answers by question id (see core/safety.ts). */
    answers: z.record(z.string(), Answer),
    /** ISO time of the last full screening. */
    at: z.string(),
    /** When each answer was given (ISO), by question id; an answer without one dates from `at`. */
    answeredAt: z.record(z.string(), z.string()).optional(),
    /**
     * Tier B answers a doctor has checked ("a doctor has checked this and exercise is fine"), by question id,
     * with the ISO time the person said so. A cleared answer no longer blocks exercise; a new answer replaces it.
     */
    cleared: z.record(z.string(), z.string()).optional(),
  })
  .strict();
export type Screening = z.infer<typeof Screening>;

export const Preferences = z
  .object({
    /** Advance by itself when a hold ends (Slack, terminal). */
    handsFree: z.boolean().default(false),
    /** Said "I'm comfortable with back stretches" (opens intermediate routines). */
    comfortableWithStretches: z.boolean().default(false),
  })
  .strict();
export type Preferences = z.infer<typeof Preferences>;

export const LeftOutToday = z
  .object({
    /** The person's local day, YYYY-MM-DD. */
    day: z.string(),
    /** Steps left out, as `routineId/stepId`. */
    steps: z.array(z.string()).default([]),
    /** Techniques left out on one side (sharp or spreading pain): every step with the tag, on that side. */
    techniques: z.array(z.object({ tag: SafetyTag, side: z.enum(['right', 'left']).optional() }).strict()).default([]),
  })
  .strict();
export type LeftOutToday = z.infer<typeof LeftOutToday>;

export const Profile = z
  .object({
    v: z.literal(1),
    locale: z.string().default('en-US'),
    timeZone: z.string().optional(),
    createdAt: z.string(),
    /** The disclaimer has been given once (first session). */
    greeted: z.boolean().default(false),
    screening: Screening.optional(),
    prefs: Preferences.default({ handsFree: false, comfortableWithStretches: false }),
    /** Step ids that flared the back last time; left out next time unless the person asks. */
    flaredSteps: z.array(z.string()).default([]),
    /**
     * Moves left out for the rest of a day (dizziness, a pain rise, "this hurts"), across stops and restarts
     * (safety.md section 3). Stale once the person's local day has moved on.
     */
    leftOutToday: LeftOutToday.optional(),
    /** Per-surface data adapters keep (e.g. Slack DM channel and message ts). */
    surfaces: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  })
  .strict();
export type Profile = z.infer<typeof Profile>;

export function newProfile(now: Date, locale = 'en-US'): Profile {
  return Profile.parse({ v: 1, locale, createdAt: now.toISOString() });
}

/** A finished (or stopped) routine, with pain before and after where given. */
export const HistoryEntry = z
  .object({
    routineId: z.string(),
    startedAt: z.string(),
    finishedAt: z.string(),
    completed: z.boolean(),
    stepsDone: z.number().int().nonnegative(),
    stepsSkipped: z.number().int().nonnegative(),
    painBefore: z.number().int().min(0).max(10).optional(),
    painAfter: z.number().int().min(0).max(10).optional(),
    /** Answer to "did your back settle within a day?" asked the next time. */
    settled: z.boolean().optional(),
  })
  .strict();
export type HistoryEntry = z.infer<typeof HistoryEntry>;
