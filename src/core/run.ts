import { Choices } from './choices.js';
import type { Draft } from './draft.js';
import type { HistoryEntry } from './profile.js';
import type { Cue, Display, HoldTimer, Reply } from './reply.js';
import { holdSeconds, type Routine, type Step } from './routine.js';
import { conditionsOf, PainRules, planRoutine, TAG_CAUTIONS } from './safety.js';
import { stepKeyOf, type PlanItem, type RoutineRun } from './session.js';
import { blockToday, listText } from './start.js';

/** Walking a routine: planning it for this person, presenting each item, moving on, finishing. */

export function currentItem(d: Draft): { run: RoutineRun; routine: Routine; item: PlanItem; step: Step } | undefined {
  const run = d.session.run;
  const routine = d.routine(run?.routineId);
  const item = run?.items[run.index];
  const step = item && routine?.steps.find((s) => s.id === item.stepId);
  return run && routine && item && step ? { run, routine, item, step } : undefined;
}

/** Position by step, not by side: "step 3 of 10" stays 3 for the right and the left side. */
export function position(run: RoutineRun, index = run.index): { index: number; total: number } {
  const order: string[] = [];
  for (const item of run.items) if (order.at(-1) !== item.stepId && !order.includes(item.stepId)) order.push(item.stepId);
  const current = run.items[Math.min(index, run.items.length - 1)];
  return { index: current ? order.indexOf(current.stepId) + 1 : order.length, total: order.length };
}

/** Starts a routine: plans it with the person's tier C conditions and what flared before, says why once. */
export function beginRun(d: Draft, routine: Routine, painBefore: number | undefined): Reply {
  // Defence in depth: nothing starts a routine on a day the screening said no.
  if (d.session.blocked) return blockToday(d, d.session.blocked.tier);
  const avoid = new Set(d.profile.flaredSteps);
  const plan = planRoutine(routine, conditionsOf(d.profile), avoid);
  const reasons = [...new Set([...plan.left.map((l) => l.reason), ...plan.items.flatMap((i) => (i.adapted ? [i.adapted] : []))])];
  if (plan.items.length === 0) {
    d.say(...reasons.map((r) => d.copy.reasons[r])).say(d.copy.nothingFits, listText(d));
    d.set({ phase: 'idle', request: undefined });
    return promptIdle(d);
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
    cautioned: [],
  };
  d.set({ phase: 'step', run, request: undefined });
  d.say(d.copy.starting(routine.title, position(run).total));
  // Adapted steps say their reason when presented; left-out ones are said here.
  d.say(...[...new Set(plan.left.map((l) => l.reason))].map((r) => d.copy.reasons[r]));
  d.say(d.copy.startPosition(routine.startingPosition));
  return presentItem(d);
}

function fill(text: string, item: PlanItem): string {
  const other = item.side === 'right' ? 'left' : 'right';
  return text.replace(/\{side\}/g, item.side ?? 'one').replace(/\{otherSide\}/g, item.side ? other : 'other');
}

function holdText(d: Draft, step: Step, easier: boolean): { text: string; hold: Step['hold'] } {
  const hold = (easier && step.easier?.hold) || step.hold;
  return { text: d.copy.holdText(hold.count, hold.unit), hold };
}

/** Says the current item: its name and side, cautions once, instructions, and the hold with its cues. */
export function presentItem(d: Draft): Reply {
  const current = currentItem(d);
  if (!current) return finishSteps(d);
  const { run, routine, item, step } = current;
  const c = d.copy;
  const pos = position(run);
  const firstOfStep = run.items.findIndex((i) => i.stepId === step.id) === run.index;

  d.say(c.stepIntro(pos.index, pos.total, step.name, item.side, step.repeats > 1 ? item.round : undefined, step.repeats));
  if (step.optional && firstOfStep) d.say(c.optional);
  const newCautions = step.tags.filter((t) => TAG_CAUTIONS[t] && !run.cautioned.includes(t));
  if (newCautions.length > 0) {
    d.say(...newCautions.map((t) => c.tagCautions[TAG_CAUTIONS[t]!]));
    d.set({ run: { ...run, cautioned: [...run.cautioned, ...newCautions] } });
  }
  if (firstOfStep || item.adapted) d.say(step.caution, item.adapted && c.reasons[item.adapted]);

  const easier = run.easier && step.easier !== undefined;
  if (easier) d.say(c.easierVersion);
  const instructions = easier ? step.easier!.instructions : step.instructions;
  // How to come out of the pose is said after the hold, not before it.
  const release = (easier && step.easier!.release) || step.release;
  d.say(...instructions.map((t) => fill(t, item)));
  const { text, hold } = holdText(d, step, easier);
  d.say(hold.unit === 'reps' ? c.doIt(text) : c.hold(text));

  const next = run.items[run.index + 1];
  const seconds = holdSeconds(hold);
  const cues: Cue[] = step.cues.map((cue, i) => ({ at: Math.round(((i + 1) * seconds) / (step.cues.length + 1)), text: fill(cue, item) }));
  if (seconds >= 20 && !cues.some((q) => Math.abs(q.at - seconds / 2) < 3)) {
    cues.push({ at: Math.round(seconds / 2), text: c.halfway });
    cues.sort((a, b) => a.at - b.at);
  }
  const switching = next && next.stepId === step.id && next.side && next.side !== item.side;
  const holdTimer: HoldTimer = {
    seconds,
    cues,
    closing: [release.length ? release.map((t) => fill(t, item)).join(' ') : c.release, switching ? c.switchSides(next.side!) : '', c.whenReady(d.channel)]
      .filter(Boolean)
      .join(' '),
    stepKey: stepKeyOf(d.session),
  };
  return d.reply({
    moment: 'step',
    expect: 'command',
    display: stepDisplay(d) ?? displayFor(d, step.name),
    choices: Choices.step(),
    reprompt: c.whenReady(d.channel),
    hold: holdTimer,
  });
}


function withIndex(set: number[], index: number): number[] {
  return set.includes(index) ? set : [...set, index];
}

/** What the screen shows for the current item: the step, its side and position, its instructions and hold. */
export function stepDisplay(d: Draft): Display | undefined {
  const current = currentItem(d);
  if (!current) return undefined;
  const { run, routine, item, step } = current;
  const easier = run.easier && step.easier !== undefined;
  const instructions = (easier && step.easier?.instructions) || step.instructions;
  return {
    title: routine.title,
    heading: step.name,
    body: instructions.map((t) => fill(t, item)).join(' '),
    position: position(run),
    ...(item.side ? { side: item.side } : {}),
    holdText: holdText(d, step, easier).text,
    ...(step.equipment.length
      ? { equipment: step.equipment.map((id) => routine.equipment.find((e) => e.id === id)?.name ?? id) }
      : {}),
  };
}

/** The current item is done (or skipped): check in if the step asks, then the next item, or the end. */
export function advance(d: Draft, how: 'done' | 'skipped'): Reply {
  const current = currentItem(d);
  if (!current) return finishSteps(d);
  const { run, step } = current;
  // Sets kept as arrays: an item done again (after back) is not added twice, or next/back would grow the session for ever.
  const marked = how === 'done' ? { done: withIndex(run.done, run.index) } : { skipped: withIndex(run.skipped, run.index) };
  const nextIndex = run.index + 1;
  d.set({ run: { ...run, ...marked, index: nextIndex, easier: false } });
  const leavingStep = run.items[nextIndex]?.stepId !== step.id;
  if (how === 'done' && step.checkIn && leavingStep) {
    d.set({ phase: 'checkIn' });
    return promptCheckIn(d);
  }
  return nextOrFinish(d);
}

/** Skips every remaining item of the current step (this hurts, dizzy). */
export function skipStep(d: Draft): Reply {
  const current = currentItem(d);
  if (!current) return finishSteps(d);
  const { run, step } = current;
  const skipped = [...run.skipped];
  let index = run.index;
  while (run.items[index]?.stepId === step.id) skipped.push(index++);
  d.set({ phase: 'step', run: { ...run, skipped, index, easier: false } });
  return nextOrFinish(d);
}

/** Passes over steps left out during the run (dizzy, pain rise); true when items remain. */
export function passAvoided(d: Draft): boolean {
  const run = d.session.run;
  if (!run) return false;
  let index = run.index;
  const skipped = [...run.skipped];
  while (index < run.items.length && run.avoid.includes(run.items[index]!.stepId)) skipped.push(index++);
  d.set({ run: { ...run, skipped, index } });
  return index < run.items.length;
}

export function nextOrFinish(d: Draft): Reply {
  if (!passAvoided(d)) return finishSteps(d);
  d.set({ phase: 'step' });
  return presentItem(d);
}

function finishSteps(d: Draft): Reply {
  const routine = d.routine(d.session.run?.routineId);
  d.set({ phase: 'painAfter' });
  if (routine) d.say(d.copy.finished(routine.title));
  return promptPain(d, 'painAfter');
}

export function promptCheckIn(d: Draft): Reply {
  d.say(d.copy.checkIn);
  return d.reply({
    moment: 'checkIn',
    expect: 'painScore',
    display: displayFor(d, d.copy.checkIn),
    choices: Choices.painScores('Next'),
    reprompt: d.copy.checkIn,
  });
}

export function promptPain(d: Draft, which: 'painBefore' | 'painAfter'): Reply {
  const text = which === 'painBefore' ? d.copy.painBefore : d.copy.painAfter;
  d.say(text);
  return d.reply({ moment: which, expect: 'painScore', display: displayFor(d, text), choices: Choices.painScores(), reprompt: text });
}

export function promptIdle(d: Draft, moment: 'choosing' | 'greeting' = 'choosing'): Reply {
  d.say(d.copy.whichRoutine);
  const choices = d.ctx.routines.map((r) => ({ label: r.title, intent: { type: 'start' as const, routine: r.id } }));
  return d.reply({
    moment,
    expect: 'routine',
    display: displayFor(d, d.copy.whatICanDo),
    choices: [...choices, { label: 'Recommend one', intent: { type: 'recommend' } }],
    reprompt: d.copy.help.idle,
  });
}

/** A display for a question: the routine (if any) as title, the question as body. */
export function displayFor(d: Draft, body: string): Display {
  const run = d.session.run;
  const routine = d.routine(run?.routineId ?? d.session.request?.routineId);
  return {
    title: routine?.title ?? d.copy.name,
    body,
    ...(run && run.index < run.items.length ? { position: position(run) } : {}),
  };
}

/** The finished run as a history entry. */
export function historyEntry(d: Draft, painAfter: number | undefined): HistoryEntry {
  const run = d.session.run!;
  const stepsWith = (indexes: number[]) => new Set(indexes.map((i) => run.items[i]?.stepId)).size;
  return {
    routineId: run.routineId,
    startedAt: run.startedAt,
    finishedAt: d.ctx.now.toISOString(),
    completed: true,
    stepsDone: stepsWith(run.done),
    stepsSkipped: stepsWith(run.skipped.filter((i) => !run.done.includes(i))),
    ...(run.painBefore !== undefined ? { painBefore: run.painBefore } : {}),
    ...(painAfter !== undefined ? { painAfter } : {}),
  };
}

/** Whether a pain rating during a run should stop the technique (safety.md section 4). */
export function painTooHigh(d: Draft, score: number): boolean {
  return PainRules.tooHigh(score, d.session.run?.painBefore);
}
