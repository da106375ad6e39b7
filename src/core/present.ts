import { Choices } from './choices.js';
import type { Draft } from './draft.js';
import type { Cue, Display, HoldTimer } from './reply.js';
import { holdSeconds, type SafetyTag, type Step } from './routine.js';
import { currentItem, position } from './run.js';
import { TAG_CAUTIONS } from './safety.js';
import { stepKeyOf, type In, type PlanItem } from './session.js';
import type { How, Shown } from './table.js';

/** Saying a step: its name and side, cautions once, instructions, and the hold with its cues. */

function fill(text: string, item: PlanItem): string {
  const other = item.side === 'right' ? 'left' : 'right';
  return text.replace(/\{side\}/g, item.side ?? 'one').replace(/\{otherSide\}/g, item.side ? other : 'other');
}

/**
 * What is said once a run, not before every step: the cautions of the step's safety tags, and why the step is
 * adapted for this person ("In pregnancy, long spells flat on your back aren't advised" once, not ten times).
 * Reasons are kept in `cautioned` as "reason:<key>".
 */
function newCautions(s: In<'step'>, step: Step, item: PlanItem | undefined): string[] {
  const tags: string[] = step.tags.filter((t: SafetyTag) => TAG_CAUTIONS[t] !== undefined && !s.run.cautioned.includes(t));
  const reason = item?.adapted ? `reason:${item.adapted}` : undefined;
  return reason && !s.run.cautioned.includes(reason) ? [...tags, reason] : tags;
}

export function sayStep(d: Draft, s: In<'step'>, how: How): Shown {
  const c = d.copy;
  const { run } = s;
  const current = currentItem(d, run);
  if (!current) {
    // Only a routine gone from the catalogue gets here; coach.ts ends such runs before a turn.
    d.say(c.whenReady(d.channel));
    return { display: { title: c.name, body: c.whenReady(d.channel) }, choices: Choices.step(), reprompt: c.whenReady(d.channel) };
  }
  const { routine, item, step } = current;
  const pos = position(run);
  const easier = run.easier ? step.easier : undefined;
  const instructions = (easier?.instructions ?? step.instructions).map((t) => fill(t, item));
  const hold = easier?.hold ?? step.hold;
  // How to come out of the pose is said after the hold, not before it.
  const release = (easier?.release ?? step.release).map((t) => fill(t, item));
  const text = c.holdText(hold.count, hold.unit);
  const display: Display = {
    title: routine.title,
    heading: step.name,
    body: instructions.join(' '),
    position: pos,
    ...(item.side ? { side: item.side } : {}),
    holdText: text,
    ...(step.equipment.length ? { equipment: step.equipment.map((id) => routine.equipment.find((e) => e.id === id)?.name ?? id) } : {}),
  };
  if (how === 'brief') {
    // A reminder of the commands: the step stays on screen, and is not presented again.
    d.say(c.whenReady(d.channel));
    return { display, choices: Choices.step(), reprompt: c.whenReady(d.channel) };
  }

  const firstOfStep = run.items.findIndex((i) => i.stepId === step.id) === run.index;
  d.say(c.stepIntro(pos.index, pos.total, step.name, item.side, step.repeats > 1 ? item.round : undefined, step.repeats));
  if (step.optional && firstOfStep) d.say(c.optional);
  const once = newCautions(s, step, item);
  d.say(...once.filter((t) => !t.startsWith('reason:')).map((t) => c.tagCautions[TAG_CAUTIONS[t as SafetyTag] ?? '']));
  if (firstOfStep) d.say(step.caution);
  if (item.adapted && once.includes(`reason:${item.adapted}`)) d.say(c.reasons[item.adapted]);
  if (easier) d.say(c.easierVersion);
  d.say(...instructions);
  d.say(hold.unit === 'reps' ? c.doIt(text) : c.hold(text));

  const next = run.items[run.index + 1];
  const seconds = holdSeconds(hold);
  const cues: Cue[] = step.cues.map((cue, i) => ({ at: Math.round(((i + 1) * seconds) / (step.cues.length + 1)), text: fill(cue, item) }));
  if (seconds >= 20 && !cues.some((q) => Math.abs(q.at - seconds / 2) < 3)) {
    cues.push({ at: Math.round(seconds / 2), text: c.halfway });
    cues.sort((a, b) => a.at - b.at);
  }
  const switching = next?.stepId === step.id && next.side !== undefined && next.side !== item.side ? next.side : undefined;
  const holdTimer: HoldTimer = {
    seconds,
    cues,
    closing: [release.length ? release.join(' ') : c.release, switching ? c.switchSides(switching) : '', c.whenReady(d.channel)].filter(Boolean).join(' '),
    stepKey: stepKeyOf(run, d.common.turn),
  };
  return { display, choices: Choices.step(), reprompt: c.whenReady(d.channel), hold: holdTimer };
}

/** A step's cautions, once said, are not said again this run. */
export function cautionsSaid(d: Draft, s: In<'step'>): In<'step'> {
  const current = currentItem(d, s.run);
  const said = current ? newCautions(s, current.step, current.item) : [];
  return said.length ? { ...s, run: { ...s.run, cautioned: [...s.run.cautioned, ...said] } } : s;
}
