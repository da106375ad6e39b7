import { Choices } from './choices.js';
import type { Draft } from './draft.js';
import type { HurtKind } from './intents.js';
import { currentItem, itemsLeft, passAvoided, present, skipStep, walk } from './run.js';
import { conditionsOf } from './safety.js';
import { leaveOutTechnique, leaveOutToday } from './today.js';
import { blockToday } from './start.js';
import { runOf, type In, type State, type Subject } from './session.js';
import { displayFor } from './prompts.js';
import type { Again, Shown } from './table.js';

/** Stop rules (safety.md section 3): "this hurts", "I feel dizzy". */

/** Moments in which a routine is under way, and so "this hurts" and "I feel dizzy" are about one of its steps. */
export type InRun = In<'step' | 'paused' | 'checkIn' | 'hurtKind' | 'hurtChoice' | 'dizzyCheck'>;

export function inRun(s: State): s is InRun {
  return ['step', 'paused', 'checkIn', 'hurtKind', 'hurtChoice', 'dizzyCheck'].includes(s.moment);
}

/** The step a hurt is about: the one just done at a check-in, else the one under way. */
function subjectOf(d: Draft, s: InRun): Subject | undefined {
  if (s.moment === 'checkIn') return { stepId: s.stepId, done: true };
  if (s.moment === 'hurtKind' || s.moment === 'hurtChoice') return s.subject;
  const step = currentItem(d, s.run)?.step;
  return step && { stepId: step.id, done: false };
}

/** The tier A sign each emergency kind of hurt is (core/screening.ts), so the advice can say what it follows. */
const SIGN_OF: Partial<Record<HurtKind, string>> = {
  saddle: 'aSaddle',
  bladder: 'aBladder',
  bothLegs: 'aBothLegs',
  weakLegs: 'aWeaker',
  trauma: 'aTrauma',
  chest: 'aChest',
  breathless: 'aChest',
  neuro: 'neuro',
};

/**
 * The kinds that are an emergency or end the routine, said in any moment (safety.md section 3). Pregnancy
 * warning signs stop the routine only for a person who said they are pregnant; from anyone else the same words
 * follow the ordinary rules.
 */
export function emergencyHurt(d: Draft, s: State, kind: HurtKind | undefined): In<'emergency' | 'urgent' | 'stopped'> | undefined {
  const routineId = runOf(s)?.routineId;
  const sign = kind && SIGN_OF[kind];
  if (sign) return blockToday(d, 'A', { event: 'stopRule', routineId, because: { sign, unsure: false } });
  if (kind === 'faint' || (kind === 'pregnancy' && conditionsOf(d.profile).has('pregnant'))) {
    d.effect({ type: 'safetyEvent', kind: 'stopRule', ...(routineId ? { routineId } : {}) });
    return { moment: 'stopped', advice: kind };
  }
  return undefined;
}

/** "It hurts" where no routine is under way (choosing, a question before one, after one): advice, the moment again. */
export function hurtsAside(d: Draft, s: State, kind: HurtKind | undefined): Again {
  d.say(kind === 'sharp' || kind === 'spreading' || kind === 'numbness' ? d.copy.hurtAsideSharp : d.copy.hurtAside);
  return { again: s };
}

/** "I feel dizzy" where no routine is under way: rest, and the emergency number with a neurological sign. */
export function dizzyAside(d: Draft, s: State): Again {
  d.say(d.copy.dizzyAside);
  return { again: s };
}

/** "This hurts" during a routine: what kind, or, with the kind, what to do about it. */
export function hurts(d: Draft, s: InRun, kind: HurtKind | undefined): In<'hurtKind' | 'hurtChoice'> | undefined {
  const subject = subjectOf(d, s);
  if (!subject) return undefined;
  const { run } = s;
  switch (kind) {
    case undefined:
      return { moment: 'hurtKind', run, subject };
    case 'sharp':
    case 'spreading':
    case 'numbness': {
      const { stepId } = subject;
      d.effect({ type: 'safetyEvent', kind: 'stopRule', routineId: run.routineId, stepId });
      if (!d.profile.flaredSteps.includes(stepId)) d.updateProfile({ flaredSteps: [...d.profile.flaredSteps, stepId] });
      // A step already done is left out for the rest of the run; one under way is the person's choice. Either
      // way it stays out for the rest of the day, and with sharp or spreading pain so does its technique on that side.
      const avoid = subject.done && !run.avoid.includes(stepId) ? [...run.avoid, stepId] : run.avoid;
      const item = run.items[subject.done ? run.index - 1 : run.index];
      const side = item?.side ?? d.routine(run.routineId)?.steps.find((x) => x.id === stepId)?.side;
      const kept = { ...run, avoid, flared: true };
      if (kind === 'numbness') leaveOutToday(d, run.routineId, { steps: [stepId] });
      return { moment: 'hurtChoice', run: kind === 'numbness' ? kept : leaveOutTechnique(d, kept, stepId, side), subject, hurt: 'sharp' };
    }
    case 'mild':
      return { moment: 'hurtChoice', run, subject, hurt: 'mild' };
    case 'pregnancy':
      // Not pregnant (or the stop rule would have taken it): an ordinary hurt, asked about like any other.
      return { moment: 'hurtKind', run, subject };
    default:
      // The emergency kinds are taken before any moment (conversation.ts, safety).
      return undefined;
  }
}

/** Skip, easier (where the step has one), go on, or stop: the person chooses. After a step already done: go on or stop. */
export function sayHurtChoice(d: Draft, s: In<'hurtChoice'>): Shown {
  const c = d.copy;
  const hasEasier = !s.subject.done && currentItem(d, s.run)?.step.easier !== undefined;
  const text = s.subject.done
    ? s.hurt === 'sharp'
      ? c.hurtSharpDone
      : c.hurtMildDone
    : s.hurt === 'sharp'
      ? [c.hurtSharp, hasEasier ? c.hurtSharpEasier : ''].filter(Boolean).join(' ')
      : hasEasier
        ? c.hurtMild
        : c.hurtMildNoEasier;
  d.say(text);
  return { display: displayFor(d, text, s), choices: Choices.hurtChoice(c, hasEasier, s.subject.done), reprompt: text };
}

/** "Skip": the hurting step, or, when it was already done, on to the next. */
export function skipHurting(d: Draft, s: In<'hurtChoice'>): In<'step' | 'painAfter'> {
  if (s.subject.done) return walk(d, s.run);
  d.say(d.copy.skipped);
  return skipStep(d, s.run);
}

/** "Go on": the same step again, or, when it was already done, the next. */
export function goOn(d: Draft, s: In<'hurtChoice'>): In<'step' | 'painAfter'> {
  return s.subject.done ? walk(d, s.run) : present(d, s.run);
}

/** Dizziness: stop, come back to a safe position, leave the move out today, then check for neurological signs. */
export function dizzy(d: Draft, s: InRun): In<'dizzyCheck'> {
  const { run } = s;
  const stepId = subjectOf(d, s)?.stepId;
  // Every head-hang technique goes too, once someone is dizzy.
  const headHangs = d.routine(run.routineId)?.steps.filter((x) => x.tags.includes('head-hang')).map((x) => x.id) ?? [];
  const avoid = [...new Set([...run.avoid, ...(stepId ? [stepId] : []), ...headHangs])];
  d.effect({ type: 'safetyEvent', kind: 'dizzy', routineId: run.routineId, ...(stepId ? { stepId } : {}) });
  leaveOutToday(d, run.routineId, { steps: [...(stepId ? [stepId] : []), ...headHangs] });
  d.say(d.copy.dizzyStop);
  return { moment: 'dizzyCheck', run: { ...run, avoid, flared: true } };
}

/** Any neurological sign (or not sure) with dizziness: emergency advice. */
export function dizzySigns(d: Draft, s: In<'dizzyCheck'>): In<'emergency' | 'urgent'> {
  return blockToday(d, 'A', { event: 'stopRule', routineId: s.run.routineId, because: { sign: 'neuro', unsure: false } });
}

/** No neurological sign: rest, past the moves left out (or the end of the steps when none are left). */
export function dizzyNoSigns(d: Draft, s: In<'dizzyCheck'>): In<'paused' | 'step' | 'painAfter'> {
  if (!itemsLeft(s.run)) return walk(d.say(d.copy.dizzyOk), s.run);
  // The person rests first: the next move is not presented yet.
  return { moment: 'paused', run: passAvoided(s.run), dizzy: true };
}
