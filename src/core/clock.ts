import type { State } from './session.js';

/**
 * Time spent in a routine: the time between turns while the person is in it (a step, a check-in, a hurt or
 * dizzy question), each gap at most MAX_GAP_MS. Time paused, stopped or away does not count, so a routine
 * picked up a week later does not say "you spent 10080 minutes".
 */

/** A longer gap between two turns of a step is not all exercise: the person went away (design choice). */
export const MAX_GAP_MS = 10 * 60_000;

const ACTIVE: ReadonlySet<State['moment']> = new Set(['step', 'checkIn', 'hurtKind', 'hurtChoice', 'dizzyCheck']);

/** The state with the time since the run last moved counted (when it was active) and the clock reset to now. */
export function tick(state: State, now: Date): State {
  if (!('run' in state) || !state.run) return state;
  const { run } = state;
  const last = run.lastAt === undefined ? Number.NaN : Date.parse(run.lastAt);
  const gap = ACTIVE.has(state.moment) && Number.isFinite(last) ? Math.min(Math.max(0, now.getTime() - last), MAX_GAP_MS) : 0;
  return { ...state, run: { ...run, spentMs: run.spentMs + gap, lastAt: now.toISOString() } };
}
