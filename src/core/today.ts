import type { Draft } from './draft.js';
import type { LeftOutToday } from './profile.js';
import type { RoutineRun } from './session.js';
import type { SafetyTag, Side } from './routine.js';
import { leftOutToday } from './safety.js';

/**
 * What is left out for the rest of the person's day (safety.md section 3): kept on the profile, so it holds
 * across stops, restarts and other routines, and lapses when their local day moves on.
 */

/**
 * Postures, not techniques: sharp pain in one move on the back (or on the roller) does not leave out every move
 * made lying there.
 */
const POSTURES: ReadonlySet<SafetyTag> = new Set(['lying-flat', 'foam-roller-spine']);

/** Adds steps (by routine) and techniques (by tag, on a side or both) to today's left-out moves. */
export function leaveOutToday(d: Draft, routineId: string, add: { steps?: string[]; techniques?: LeftOutToday['techniques'] }): void {
  const today = leftOutToday(d.profile, d.today()) ?? { day: d.today(), steps: [], techniques: [] };
  const steps = [...new Set([...today.steps, ...(add.steps ?? []).map((id) => `${routineId}/${id}`)])];
  const techniques = [...today.techniques];
  for (const t of add.techniques ?? []) if (!techniques.some((x) => x.tag === t.tag && x.side === t.side)) techniques.push(t);
  d.updateProfile({ leftOutToday: { day: today.day, steps, techniques } });
}

/**
 * Sharp or spreading pain in a step: its techniques on that side are left out for the day, and the items of
 * the run still to come that share them are passed over.
 */
export function leaveOutTechnique(d: Draft, run: RoutineRun, stepId: string, side: Side | undefined): RoutineRun {
  const routine = d.routine(run.routineId);
  const step = routine?.steps.find((s) => s.id === stepId);
  const tags = (step?.tags ?? []).filter((t) => !POSTURES.has(t));
  leaveOutToday(d, run.routineId, { steps: [stepId], techniques: tags.map((tag) => (side ? { tag, side } : { tag })) });
  if (!routine || tags.length === 0) return run;
  const leftOut = [...run.leftOut];
  run.items.forEach((item, index) => {
    if (index <= run.index || leftOut.includes(index)) return;
    const other = routine.steps.find((s) => s.id === item.stepId);
    const itemSide = item.side ?? other?.side;
    if (other && other.tags.some((t) => tags.includes(t)) && (side === undefined || itemSide === side)) leftOut.push(index);
  });
  return { ...run, leftOut };
}
