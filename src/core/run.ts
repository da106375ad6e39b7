import type { Draft } from './draft.js';
import type { HistoryEntry } from './profile.js';
import type { Routine, Step } from './routine.js';
import { conditionsOf, leftOutToday, PainRules, planRoutine, type Plan } from './safety.js';
import { leaveOutToday } from './today.js';
import { blockToday, listText, screeningFor } from './start.js';
import type { In, PlanItem, RoutineRun } from './session.js';
import type { Again } from './table.js';

/** Walking a routine: planning it for this person, moving from item to item, and the end of the steps. */

export interface Current {
  routine: Routine;
  item: PlanItem;
  step: Step;
}

export function currentItem(d: Draft, run: RoutineRun): Current | undefined {
  const routine = d.routine(run.routineId);
  const item = run.items[run.index];
  const step = item && routine?.steps.find((s) => s.id === item.stepId);
  return routine && item && step ? { routine, item, step } : undefined;
}

/** Position by step, not by side: "step 3 of 10" stays 3 for the right and the left side. */
export function position(run: RoutineRun, index = run.index): { index: number; total: number } {
  const order: string[] = [];
  for (const item of run.items) if (!order.includes(item.stepId)) order.push(item.stepId);
  const current = run.items[Math.min(index, run.items.length - 1)];
  return { index: current ? order.indexOf(current.stepId) + 1 : order.length, total: order.length };
}

/** The routine as this person will be walked through it: their cautions, what flared last time, what is out today. */
export function planFor(d: Draft, routine: Routine): Plan {
  return planRoutine(routine, conditionsOf(d.profile), new Set(d.profile.flaredSteps), leftOutToday(d.profile, d.today()));
}

/** Starts a routine: plans it with the person's tier C conditions and what flared before, says why once. */
export function beginRun(d: Draft, routine: Routine, painBefore: number | undefined): In<'step' | 'painAfter' | 'choosing' | 'emergency' | 'urgent'> {
  // Defence in depth: nothing starts a routine on a day the screening said no.
  if (d.common.blocked) return blockToday(d, d.common.blocked.tier);
  const plan = planFor(d, routine);
  const left = [...new Set(plan.left.map((l) => l.reason))].map((r) => d.copy.reasons[r]);
  if (plan.items.length === 0) {
    d.say(...left).say(d.copy.nothingFits, listText(d));
    return { moment: 'choosing' };
  }
  const run: RoutineRun = {
    routineId: routine.id,
    items: plan.items,
    index: 0,
    startedAt: d.ctx.now.toISOString(),
    ...(painBefore !== undefined ? { painBefore } : {}),
    done: [],
    skipped: [],
    easier: false,
    avoid: [],
    leftOut: [],
    flared: false,
    cautioned: [],
    spentMs: 0,
    lastAt: d.ctx.now.toISOString(),
  };
  d.say(d.copy.starting(routine.title, position(run).total));
  // The routine's own cautions, once, at its start ("stretchy and curious, never sharp"); a resume does not repeat them.
  d.say(...routine.cautions);
  // Adapted steps say their reason when presented; left-out ones are said here.
  d.say(...left);
  d.say(d.copy.startPosition(routine.startingPosition));
  return present(d, run);
}

/** The current item, or the end of the steps when there is none. */
export function present(d: Draft, run: RoutineRun): In<'step' | 'painAfter'> {
  return currentItem(d, run) ? { moment: 'step', run } : finishSteps(d, run);
}

/** Passes over steps left out during the run (dizzy, pain rise), then the item reached. */
export function walk(d: Draft, run: RoutineRun): In<'step' | 'painAfter'> {
  return present(d, passAvoided(run));
}

/** The run moved past the items of steps left out today. */
export function passAvoided(run: RoutineRun): RoutineRun {
  let index = run.index;
  const skipped = [...run.skipped];
  while (index < run.items.length && isLeftOut(run, index)) skipped.push(index++);
  return { ...run, skipped, index };
}

/** An item left out today: its step (dizziness, a pain rise), or it alone (a technique on one side). */
function isLeftOut(run: RoutineRun, index: number): boolean {
  const item = run.items[index];
  return item !== undefined && (run.avoid.includes(item.stepId) || run.leftOut.includes(index));
}

/** Whether items remain once the ones left out today are passed over. */
export function itemsLeft(run: RoutineRun): boolean {
  return passAvoided(run).index < run.items.length;
}

function withIndex(set: number[], index: number): number[] {
  return set.includes(index) ? set : [...set, index];
}

/** The current item is done (or skipped): check in if the step asks and more follow, then the next item, or the end. */
export function advance(d: Draft, run: RoutineRun, how: 'done' | 'skipped'): In<'step' | 'checkIn' | 'painAfter'> {
  const current = currentItem(d, run);
  if (!current) return finishSteps(d, run);
  // Sets kept as arrays: an item done again (after back) is not added twice, or next/back would grow the session for ever.
  const marked = how === 'done' ? { done: withIndex(run.done, run.index) } : { skipped: withIndex(run.skipped, run.index) };
  const leavingStep = run.items[run.index + 1]?.stepId !== current.step.id;
  // "Easier" holds for the whole step: its other side, its next round.
  const next: RoutineRun = { ...run, ...marked, index: run.index + 1, easier: run.easier && !leavingStep };
  // After the last step the question at the end asks how the back is: one pain question, not two in a row.
  if (how === 'done' && current.step.checkIn && leavingStep && itemsLeft(next)) return { moment: 'checkIn', run: next, stepId: current.step.id };
  return walk(d, next);
}

/** Skips every remaining item of the current step (this hurts, dizzy, a pain rise during it). */
export function skipStep(d: Draft, run: RoutineRun): In<'step' | 'painAfter'> {
  const current = currentItem(d, run);
  if (!current) return finishSteps(d, run);
  const skipped = [...run.skipped];
  let index = run.index;
  while (run.items[index]?.stepId === current.step.id) skipped.push(index++);
  return walk(d, { ...run, skipped, index, easier: false });
}

/** The previous item not left out today (dizzy, pain rise); the first says so and stays. */
export function back(d: Draft, run: RoutineRun): In<'step' | 'painAfter'> {
  let index = run.index - 1;
  while (index >= 0 && isLeftOut(run, index)) index--;
  if (index < 0) d.say(d.copy.firstStep);
  return present(d, { ...run, index: index < 0 ? run.index : index, easier: false });
}

export function startOver(d: Draft, run: RoutineRun): In<'step' | 'painAfter'> {
  d.say(d.copy.startingOver);
  return walk(d, { ...run, index: 0, done: [], skipped: [], easier: false });
}

/** Picks a routine up where it was left; on a day the emergency question has not been asked yet, it comes first. */
export function resume(d: Draft, run: RoutineRun): In<'step' | 'painAfter' | 'screening'> {
  if (d.common.screenedDay !== d.today()) return screeningFor(d, run.routineId, run);
  d.say(d.copy.resuming);
  return walk(d, run);
}

/** The easier version of the current item, where the step has one. */
export function easier(d: Draft, run: RoutineRun): In<'step' | 'painAfter'> | Again {
  const current = currentItem(d, run);
  if (!current) return walk(d, run);
  if (!current.step.easier) {
    d.say(d.copy.noEasier);
    return { again: { moment: 'step', run }, brief: true };
  }
  return { moment: 'step', run: { ...run, easier: true } };
}

/** A pain rating during a run: too high leaves the technique out today and remembers it (safety.md section 4). */
export function painRating(d: Draft, run: RoutineRun, score: number, stepId: string | undefined): RoutineRun | undefined {
  if (!PainRules.tooHigh(score, run.painBefore)) return undefined;
  if (stepId) {
    if (!d.profile.flaredSteps.includes(stepId)) d.updateProfile({ flaredSteps: [...d.profile.flaredSteps, stepId] });
    d.effect({ type: 'safetyEvent', kind: 'painRise', routineId: run.routineId, stepId });
    leaveOutToday(d, run.routineId, { steps: [stepId] });
  }
  d.say(d.copy.painRose);
  return { ...run, flared: true, ...(stepId ? { avoid: [...run.avoid, stepId] } : {}) };
}

/** A rating at the check-in after `stepId`. */
export function checkInScore(d: Draft, s: In<'checkIn'>, score: number): In<'step' | 'painAfter'> {
  const rose = painRating(d, s.run, score, s.stepId);
  if (!rose) d.say(d.copy.painOk);
  return walk(d, rose ?? s.run);
}

/** A rating said during a step: too high skips the rest of it. */
export function stepScore(d: Draft, run: RoutineRun, score: number): In<'step' | 'painAfter'> {
  const rose = painRating(d, run, score, currentItem(d, run)?.step.id);
  if (rose) return skipStep(d, rose);
  d.say(d.copy.painOk);
  return present(d, run);
}

/**
 * The steps are over: recorded in history now, so whatever happens at the last question (an answer, stop,
 * another routine, silence) the routine counts. The pain rating, if given, is added to the entry after.
 */
export function finishSteps(d: Draft, run: RoutineRun): In<'painAfter'> {
  const routine = d.routine(run.routineId);
  if (routine) d.say(d.copy.finished(routine.title));
  const entry = historyEntry(d, run);
  d.effect({ type: 'recordHistory', entry });
  const last = run.done.length > 0 ? d.routine(run.routineId)?.steps.find((st) => st.id === run.items[Math.max(...run.done)]?.stepId) : undefined;
  return {
    moment: 'painAfter',
    entry,
    minutes: Math.max(1, Math.round(run.spentMs / 60_000)),
    flared: run.flared,
    ...(last?.checkIn ? { checkedStep: last.id } : {}),
  };
}

/** The finished run as a history entry. */
function historyEntry(d: Draft, run: RoutineRun): HistoryEntry {
  const stepsWith = (indexes: number[]) => new Set(indexes.map((i) => run.items[i]?.stepId)).size;
  return {
    routineId: run.routineId,
    startedAt: run.startedAt,
    finishedAt: d.ctx.now.toISOString(),
    completed: true,
    stepsDone: stepsWith(run.done),
    stepsSkipped: stepsWith(run.skipped.filter((i) => !run.done.includes(i))),
    ...(run.painBefore !== undefined ? { painBefore: run.painBefore } : {}),
  };
}
