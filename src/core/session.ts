import { z } from 'zod';
import { HurtKind as KindOfHurt } from './intents.js';
import { Answer, HistoryEntry } from './profile.js';

/**
 * The conversation state: small, versioned, plain JSON, parsed with zod on every load. It is keyed by the
 * moment the person is in, and each moment carries exactly its data (a step has its run; a screening its
 * questions). A session that does not parse (corrupt, or an older version) is discarded and the coach
 * restarts politely. What each moment says and where it leads is in conversation.ts.
 */

/** 2: keyed by moment (1 kept a flat bag of optional fields beside a `phase`). */
export const SESSION_VERSION = 2;

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
    /** Items left out for today one by one: the same technique on the side that had sharp or spreading pain. */
    leftOut: z.array(z.number().int()).default([]),
    /** Something flared during the run (a hurt, a pain rise, dizziness): the end is gentler, with no reminder offer. */
    flared: z.boolean().default(false),
    /** Safety tags whose cautions have been said once this run. */
    cautioned: z.array(z.string()).default([]),
    /** Time spent in the routine so far, in ms: pauses, stops and days away do not count (see clock.ts). */
    spentMs: z.number().nonnegative().default(0),
    /** When the run last moved (ISO), to count the time since. */
    lastAt: z.string().optional(),
  })
  .strict();
export type RoutineRun = z.infer<typeof RoutineRun>;

/** The step a hurt or dizziness is about, and whether it was already done (said at the check-in after it). */
export const Subject = z.object({ stepId: z.string(), done: z.boolean() }).strict();
export type Subject = z.infer<typeof Subject>;

const moment = <M extends string, T extends z.ZodRawShape>(name: M, shape: T) => z.object({ moment: z.literal(name), ...shape }).strict();

// The moments a session can rest in. conversation.ts says what each one says and where each intent leads.
export const Choosing = moment('choosing', {});
/** "Shall we pick up where you left off?" */
export const ResumeOffer = moment('resumeOffer', { run: RoutineRun });
/** What a person asked to start, kept while the settle question is answered first. */
export const Wish = z
  .object({ routine: z.string().optional(), minutes: z.number().optional(), without: z.array(z.string()).optional(), gentle: z.boolean().optional() })
  .strict();
export type Wish = z.infer<typeof Wish>;
/** "Did your back settle within a day?"; then the resume offer when a run was left unfinished, or the routine asked for. */
export const Settled = moment('settled', { run: RoutineRun.optional(), wish: Wish.optional() });
export const Screening = moment('screening', {
  routineId: z.string(),
  /** Question ids still to ask, first is current. */
  queue: z.array(z.string()),
  answers: z.record(z.string(), Answer),
  full: z.boolean(),
  /** A routine picked up on a new day: the emergency question first, then the run where it was left. */
  run: RoutineRun.optional(),
});
/** "Have you done gentle back stretches before?" */
export const Prerequisite = moment('prerequisite', { routineId: z.string() });
/** "You'll need a strap"; `offered` when the routine is one offered instead, for lack of equipment. */
export const Equipment = moment('equipment', { routineId: z.string(), offered: z.boolean().default(false) });
export const PainBefore = moment('painBefore', { routineId: z.string() });
export const StepMoment = moment('step', { run: RoutineRun });
/** `dizzy`: resting after dizziness without neurological signs (the conversation stays open). */
export const Paused = moment('paused', { run: RoutineRun, dizzy: z.boolean().default(false) });
/** "How was that?" after `stepId`, the step just done. */
export const CheckIn = moment('checkIn', { run: RoutineRun, stepId: z.string() });
export const HurtKind = moment('hurtKind', { run: RoutineRun, subject: Subject });
export const HurtChoice = moment('hurtChoice', { run: RoutineRun, subject: Subject, hurt: z.enum(['sharp', 'mild']) });
/** Dizzy: "slurred speech, double vision ...?" */
export const DizzyCheck = moment('dizzyCheck', { run: RoutineRun });
/** The steps are over and recorded (`entry`); `minutes` spent in them. */
export const PainAfter = moment('painAfter', {
  entry: HistoryEntry,
  minutes: z.number().int().nonnegative(),
  flared: z.boolean().default(false),
  /** The last step asked how it felt: its question is this one, so a rise in the answer is put down to it. */
  checkedStep: z.string().optional(),
});
/** The summary, and the offer of a reminder. */
export const Finished = moment('finished', { entry: HistoryEntry, minutes: z.number().int().nonnegative(), flared: z.boolean().default(false) });
/** The sign advice follows: a screening sign id (core/screening.ts) or a stop rule ("neuro"), and whether "not sure". */
export const Because = z.object({ sign: z.string(), unsure: z.boolean().default(false) }).strict();
export type Because = z.infer<typeof Because>;
/** The screening left at a tier B answer, to go on with once a doctor's clearance is given. */
export const PendingScreening = z
  .object({ routineId: z.string(), queue: z.array(z.string()), answers: z.record(z.string(), Answer), full: z.boolean() })
  .strict();
export const Emergency = moment('emergency', { because: Because.optional() });
export const Urgent = moment('urgent', { because: Because.optional(), pending: PendingScreening.optional() });

/** The moments a side question can interrupt, and return to. */
const RESTING = [
  Choosing,
  ResumeOffer,
  Settled,
  Screening,
  Prerequisite,
  Equipment,
  PainBefore,
  StepMoment,
  Paused,
  CheckIn,
  HurtKind,
  HurtChoice,
  DizzyCheck,
  PainAfter,
  Finished,
  Emergency,
  Urgent,
] as const;
export const Resting = z.discriminatedUnion('moment', RESTING);
export type Resting = z.infer<typeof Resting>;

/** "What time?": a reminder being set, days chosen; `back` is where it was asked from. */
export const Reminder = moment('reminder', { days: z.array(z.number().int().min(0).max(6)), back: Resting.optional() });
/** "This erases everything ... Are you sure?" */
export const Forget = moment('forget', { back: Resting });
/** What a person may have meant about their safety, asked about before it is acted on. */
export const SafetyMeant = z.union([
  z.object({ type: z.literal('hurts'), kind: KindOfHurt.optional() }).strict(),
  z.object({ type: z.literal('dizzy') }).strict(),
]);
export type SafetyMeant = z.infer<typeof SafetyMeant>;
/** "Did you mean you feel dizzy?": words that only leaned towards a safety meaning; `back` is where they were said. */
export const Clarify = moment('clarify', { meant: SafetyMeant, back: Resting });
/**
 * The conversation closed. The next turn starts from `then`, where the session rests (choosing, or paused
 * with the run kept for next time, or no exercise today).
 */
export const Goodbye = moment('goodbye', { then: Resting });
/** A stop rule ended the routine with advice (feeling faint, pregnancy warning signs); next turn: choosing. */
export const Stopped = moment('stopped', { advice: z.enum(['faint', 'pregnancy']) });

const STATES = [...RESTING, Reminder, Forget, Clarify, Goodbye, Stopped] as const;

export const State = z.discriminatedUnion('moment', STATES);
/** Every moment, in order. */
export const MOMENTS = STATES.map((s) => s.shape.moment.value);
/** Where the person is, with exactly that moment's data. */
export type State = z.infer<typeof State>;
/** The one vocabulary for where the person is: session, table and reply all use it. */
export type StateMoment = State['moment'];
type ByMoment = { [S in State as S['moment']]: S };
/** The state of one moment (or of any of several). */
export type In<M extends StateMoment> = ByMoment[M];

/** What holds whatever the moment. */
const Common = z
  .object({
    v: z.literal(SESSION_VERSION),
    /** Counts turns; buttons carry it so stale clicks change nothing. */
    turn: z.number().int().nonnegative(),
    /** Full screening is due on the next start (the back did not settle). */
    screenFull: z.boolean().default(false),
    /** No exercise today, and why; with the day (YYYY-MM-DD) it was decided. Outlives every moment of that day. */
    blocked: z.object({ tier: z.enum(['A', 'B']), day: z.string() }).strict().optional(),
    /** The person's day (YYYY-MM-DD) the emergency question was last answered: a routine resumed another day asks it again. */
    screenedDay: z.string().optional(),
    /** When the last turn was (ISO): a hello within minutes of it is part of the same visit. */
    at: z.string().optional(),
  })
  .strict();
export type Common = z.infer<typeof Common>;

/** A stored session: the fields that hold whatever the moment, and the moment with its data. */
export type Session = Common & State;

/** The names of the fields that hold whatever the moment (one list, from the schema). */
const COMMON_KEYS = new Set<string>(Common.keyof().options);

/** A session's fields in two: those that hold whatever the moment, and the moment's own (undefined ones left out). */
function splitFields(session: Record<string, unknown>): { common: Record<string, unknown>; state: Record<string, unknown> } {
  const common: Record<string, unknown> = {};
  const state: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(session)) if (value !== undefined) (COMMON_KEYS.has(key) ? common : state)[key] = value;
  return { common, state };
}

/** The session's own fields split from its moment's. */
export function splitSession(session: Session): { common: Common; state: State } {
  const { common, state } = splitFields(session);
  return { common: common as Common, state: state as State };
}

/** The routine under way in a moment, also seen past a side question or a closed conversation. */
export function runOf(state: State | undefined): RoutineRun | undefined {
  if (!state) return undefined;
  if ('run' in state) return state.run;
  if (state.moment === 'goodbye') return runOf(state.then);
  if (state.moment === 'forget' || state.moment === 'reminder' || state.moment === 'clarify') return runOf(state.back);
  return undefined;
}

/** Identifies one presentation of the current item; a timer for an older presentation is stale. */
export function stepKeyOf(run: RoutineRun, turn: number): string {
  return `${run.routineId}:${run.index}:${turn}`;
}

export function newSession(): Session {
  return { v: SESSION_VERSION, turn: 0, screenFull: false, moment: 'choosing' };
}

/** Parses stored JSON; undefined when it is not a session of this version (the caller restarts politely). */
export function parseSession(stored: unknown): Session | undefined {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return undefined;
  const fields = splitFields(stored as Record<string, unknown>);
  const common = Common.safeParse(fields.common);
  const state = State.safeParse(fields.state);
  if (!common.success || !state.success) return undefined;
  return { ...common.data, ...state.data };
}
