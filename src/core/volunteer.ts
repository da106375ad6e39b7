import type { Draft } from './draft.js';
import type { Answer } from './profile.js';
import { conditionsOf, planRoutine } from './safety.js';
import { GROUPS, isGroup, SURGERY_KINDS, tierOf, withAnswers, type SignId } from './screening.js';
import type { In, State } from './session.js';
import { blockToday, goOnScreening } from './start.js';
import { inRun, type InRun } from './stop-rules.js';
import { walk } from './run.js';
import type { Again } from './table.js';

/**
 * A tier B or C sign said in the person's own words ("I had back surgery last year", "I'm pregnant"), at any
 * moment: a "yes" to it (safety.md section 1). It is stored with its date at once; in the screening it is the
 * answer to that sign, so it is not asked again; a tier B sign means no exercise today, as its "yes" would.
 * Tier A signs are kinds of hurt and take the emergency path (conversation.ts, `safety`).
 */

/** The answers a volunteered sign gives: a kind of surgery is also a "yes" to recent surgery. */
function answersFor(sign: SignId): Record<string, Answer> {
  return SURGERY_KINDS.includes(sign) ? { cSurgery: 'yes', [sign]: 'yes' } : { [sign]: 'yes' };
}

function store(d: Draft, given: Record<string, Answer>): void {
  d.updateProfile({ screening: withAnswers(d.profile.screening, given, d.ctx.now, false) });
}

/** In the screening: the sign answered, the question on hand again unless that answered it. */
export function volunteerInScreening(
  d: Draft,
  s: In<'screening'>,
  sign: SignId,
): In<'screening' | 'emergency' | 'urgent' | 'prerequisite' | 'equipment' | 'choosing' | 'step' | 'painAfter'> {
  if (tierOf(sign) === 'A') return blockToday(d, 'A', { routineId: s.routineId, because: { sign, unsure: false } });
  const given = answersFor(sign);
  const answers = { ...s.answers, ...given };
  store(d, given);
  // A recent surgery of no named kind: which one, asked next.
  const queue = s.queue.filter((id) => !answered(id, answers));
  if (sign === 'cSurgery' && !queue.includes('cSurgery')) queue.splice(queue.length > 0 ? 1 : 0, 0, 'cSurgery');
  if (tierOf(sign) === 'B') {
    return blockToday(d, 'B', { routineId: s.routineId, because: { sign, unsure: false }, pending: { routineId: s.routineId, queue, answers, full: s.full } });
  }
  d.say(d.copy.volunteered(d.copy.signs[sign].phrase));
  return goOnScreening(d, { ...s, queue, answers });
}

/** A question every sign of which now has an answer. */
function answered(id: string, answers: Record<string, Answer>): boolean {
  if (isGroup(id)) return id !== 'cSurgery' ? GROUPS[id].every((p) => answers[p] !== undefined) : SURGERY_KINDS.some((p) => answers[p] !== undefined);
  return answers[id] !== undefined;
}

/**
 * Anywhere else: stored; tier B ends today's exercise with its advice; tier C during a routine leaves out what
 * it rules out from here on, saying why.
 */
export function volunteer(d: Draft, s: State, sign: SignId): In<'emergency' | 'urgent' | 'step' | 'painAfter'> | Again {
  const routineId = inRun(s) ? { routineId: s.run.routineId } : {};
  if (tierOf(sign) === 'A') return blockToday(d, 'A', { ...routineId, because: { sign, unsure: false } });
  store(d, answersFor(sign));
  if (tierOf(sign) === 'B') return blockToday(d, 'B', { ...routineId, because: { sign, unsure: false } });
  d.say(d.copy.volunteered(d.copy.signs[sign].phrase));
  if (!inRun(s)) return { again: s };
  return leaveOutFromHere(d, s);
}

/** The steps still ahead that the person's conditions now rule out: left out of this run, with the reasons. */
function leaveOutFromHere(d: Draft, s: InRun): In<'step' | 'painAfter'> | Again {
  const routine = d.routine(s.run.routineId);
  if (!routine) return { again: s };
  const plan = planRoutine(routine, conditionsOf(d.profile));
  const ahead = new Set(s.run.items.slice(s.run.index).map((i) => i.stepId));
  const out = plan.left.filter((l) => ahead.has(l.stepId) && !s.run.avoid.includes(l.stepId));
  if (out.length === 0) return { again: s };
  d.say(...new Set(out.map((l) => d.copy.reasons[l.reason])));
  const run = { ...s.run, avoid: [...s.run.avoid, ...out.map((l) => l.stepId)] };
  // On a step the routine goes on past what is now left out; a question on hand is asked again.
  return s.moment === 'step' ? walk(d, run) : { again: { ...s, run } };
}
