import { eligible, findRoutine, recommend } from './catalogue.js';
import type { Draft } from './draft.js';
import type { Answer } from './profile.js';
import { EquipmentId, estimatedMinutes, type Routine } from './routine.js';
import { beginRun, planFor, resume } from './run.js';
import { equipmentFor, mainTechniqueLeftOut, PainRules } from './safety.js';
import { blockingAnswers, EVERY_SESSION, isGroup, isQuestion, needsFullScreening, partsOf, positive, SIGNS, screeningQueue, tierOf, withAnswers, type ScreeningQuestion } from './screening.js';
import type { Because, In, RoutineRun, Wish } from './session.js';
import type { Again } from './table.js';

/** From "start X" to the first step: choosing, screening, prerequisites, equipment, pain before. */

/**
 * A routine asked for by name, or one recommended for the minutes and equipment at hand; then screening. However
 * the session begins (a launch, a one-shot start, a button), "did your back settle after last time?" comes first
 * when it is due (safety.md section 4). A close tie between names ("release" is two routines) asks which first.
 */
export function choose(
  d: Draft,
  asked: { routine?: string | undefined; minutes?: number | undefined; without?: string[] | undefined; candidates?: string[] | undefined },
): In<'screening' | 'choosing' | 'settled'> {
  const { routine, minutes, without } = asked;
  const tied = (asked.candidates ?? []).map((id) => d.ctx.routines.find((r) => r.id === id)).filter((r): r is Routine => r !== undefined);
  if (tied.length > 1) return askWhich(d, tied);
  const wish: Wish = { ...(routine !== undefined ? { routine } : {}), ...(minutes !== undefined ? { minutes } : {}), ...(without !== undefined ? { without } : {}) };
  return settleDue(d) ? { moment: 'settled', wish } : chooseNow(d, wish);
}

/** The routine wished for, straight to its screening (the settle question answered, or not due). */
export function chooseNow(d: Draft, wish: Wish): In<'screening' | 'choosing'> {
  const { routines } = d.ctx;
  let routine: Routine | undefined;
  if (wish.routine) {
    const match = findRoutine(routines, wish.routine);
    if (match.kind === 'several') return askWhich(d, match.routines);
    if (match.kind === 'none') {
      d.say(d.copy.unknownRoutine(wish.routine)).say(listText(d));
      return { moment: 'choosing' };
    }
    routine = match.routine;
  } else {
    const notSettled = d.ctx.history[0]?.settled === false;
    routine = recommend(routines, d.profile, d.ctx.history, {
      minutes: wish.minutes,
      without: wish.without,
      gentle: wish.gentle || notSettled,
      seed: d.ctx.history.length,
    });
    if (!routine) {
      d.say(d.copy.nothingFits).say(listText(d));
      return { moment: 'choosing' };
    }
    d.say(d.copy.recommendation(routine.title, estimatedMinutes(routine)));
  }
  return screeningFor(d, routine.id);
}

/** Screening first: the combined tier A question every time, the B and C ones too when due; `run` to pick up after. */
export function screeningFor(d: Draft, routineId: string, run?: RoutineRun): In<'screening'> {
  const full = needsFullScreening(d.profile.screening, d.ctx.now, d.common.screenFull);
  d.say(full ? d.copy.screeningFullIntro : d.copy.screeningIntro);
  return { moment: 'screening', routineId, queue: screeningQueue(full, d.profile.screening), answers: {}, full, ...(run ? { run } : {}) };
}

/** The last routine ended 12 hours to 2 weeks ago and nobody has said yet whether the back settled. */
export function settleDue(d: Draft): boolean {
  const last = d.ctx.history[0];
  if (!last || last.settled !== undefined) return false;
  const since = d.ctx.now.getTime() - Date.parse(last.finishedAt);
  return since > 12 * 3600_000 && since < 14 * 86_400_000;
}

/** "That could be Low Back Release or Gentle Yoga for Low Back Release.": the tied routines, then the choice again. */
function askWhich(d: Draft, tied: readonly Routine[]): In<'choosing'> {
  d.say(d.copy.whichOf(tied.map((r) => r.title)));
  return { moment: 'choosing' };
}

export function listText(d: Draft): string {
  return d.copy.list(d.ctx.routines.map((r) => d.copy.listItem(r.title, estimatedMinutes(r))));
}

/** An answer that is not yes, no or not sure: the question again. */
export function answerYesNo(d: Draft, s: In<'screening'>): Again {
  d.say(d.copy.answerYesNo);
  return { again: s };
}

/** The words of a screening question: a combined one lists the signs it still covers for this person. */
export function screeningQuestionText(d: Draft, id: ScreeningQuestion, answered: Record<string, Answer> = {}): string {
  const c = d.copy;
  // Signs already answered (said in the person's own words) are not asked again.
  if (isGroup(id) && id !== 'cSurgery') return c.combinedQuestion(id, partsOf(id, d.profile.screening).filter((p) => answered[p] === undefined).map((p) => c.signs[p].phrase));
  return isGroup(id) ? c.signs.cSurgery.ask : c.signs[id].ask;
}

/** The question the screening is on (the combined tier A one when the queue holds nothing it knows). */
export function currentQuestion(s: In<'screening'>): ScreeningQuestion {
  const id = s.queue[0];
  return id !== undefined && isQuestion(id) ? id : EVERY_SESSION;
}

/**
 * One screening answer. A combined question: "no" answers every sign it names; "yes" or "not sure" asks them
 * one at a time. A single sign: tier A positive is an emergency, tier B positive means no exercise today.
 */
export function answerScreening(d: Draft, s: In<'screening'>, answer: Answer): In<'screening' | 'emergency' | 'urgent' | 'prerequisite' | 'equipment' | 'choosing' | 'step' | 'painAfter'> {
  const [id, ...rest] = s.queue;
  if (id === undefined || !isQuestion(id)) return afterScreening(d, s.routineId);
  const answers = { ...s.answers };
  let queue: string[] = rest;
  if (id === 'cSurgery') answers.cSurgery = answer;
  if (isGroup(id)) {
    const parts = partsOf(id, d.profile.screening).filter((p) => answers[p] === undefined && p !== id);
    if (positive(answer)) {
      queue = [...parts, ...rest];
      if (id !== 'cSurgery') d.say(d.copy.oneAtATime);
    } else if (id !== 'cSurgery') {
      for (const p of parts) answers[p] = 'no';
    }
  } else {
    answers[id] = answer;
    const tier = tierOf(id);
    if (positive(answer) && (tier === 'A' || tier === 'B')) {
      // Keep what was answered so a tier B "yes" brings the full screening back next time.
      const kept = storedAnswers(answers);
      if (Object.keys(kept).length > 0) d.updateProfile({ screening: withAnswers(d.profile.screening, kept, d.ctx.now, false) });
      const because = { sign: id, unsure: answer === 'unsure' };
      if (tier === 'A') return blockToday(d, 'A', { routineId: s.routineId, because });
      return blockToday(d, 'B', { routineId: s.routineId, because, pending: { routineId: s.routineId, queue, answers, full: s.full } });
    }
  }
  return goOnScreening(d, { ...s, queue, answers });
}

/**
 * The next question, or, with none left, the answers saved (a full screening) and on: to the routine's checks, or
 * back into the routine picked up on a new day.
 */
export function goOnScreening(d: Draft, s: In<'screening'>): In<'screening' | 'prerequisite' | 'equipment' | 'choosing' | 'step' | 'painAfter'> {
  if (s.queue.length > 0) return s;
  // A full screening replaces the stored answers it asked, and its date; the quick one stores nothing.
  if (s.full) d.updateProfile({ screening: withAnswers(d.profile.screening, storedAnswers(s.answers), d.ctx.now, true) });
  if (d.common.screenFull) d.setScreenFull(false);
  d.screened();
  d.say(d.copy.screeningDone);
  return s.run ? resume(d, s.run) : afterScreening(d, s.routineId);
}

/**
 * "A doctor has checked this and said exercise is fine": every tier B answer that blocks exercise is cleared,
 * with today's date, and a screening left at one goes on. A tier A day is never lifted (see Draft.unblockTierB).
 */
export function clearTierB(d: Draft, s: In<'urgent'>): In<'screening' | 'prerequisite' | 'equipment' | 'choosing' | 'step' | 'painAfter'> | Again {
  if (!recordClearance(d)) return { again: s };
  d.unblockTierB();
  return s.pending ? goOnScreening(d, { moment: 'screening', ...s.pending }) : { moment: 'choosing' };
}

/** The clearance stored for every blocking tier B answer; false when there was none to clear. */
export function recordClearance(d: Draft): boolean {
  const stored = d.profile.screening;
  const blocking = blockingAnswers(stored);
  if (!stored || blocking.length === 0) {
    d.say(d.copy.nothingToClear);
    return false;
  }
  const at = d.ctx.now.toISOString();
  d.updateProfile({ screening: { ...stored, cleared: { ...stored.cleared, ...Object.fromEntries(blocking.map((id) => [id, at])) } } });
  d.say(d.copy.cleared);
  return true;
}

/**
 * The answers kept: tier B and C signs, with their dates. Tier A answers are about this session only (a
 * positive one blocks the day in the session), so they are not stored: the least that serves the person.
 */
function storedAnswers(answers: Record<string, Answer>): Record<string, Answer> {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => Object.hasOwn(SIGNS, id) && tierOf(id) !== 'A'));
}

export interface BlockOptions {
  event?: 'tierA' | 'tierB' | 'stopRule';
  routineId?: string | undefined;
  /** The answer or words the advice follows, said with it. */
  because?: Because | undefined;
  /** Tier B: the screening to go on with if the person says a doctor has checked this. */
  pending?: In<'urgent'>['pending'];
}

/** Ends the exercise part of today's conversation with the tier's advice; it holds until the person's day changes. */
export function blockToday(d: Draft, tier: 'A' | 'B', o: BlockOptions = {}): In<'emergency' | 'urgent'> {
  // One audit event per block: refusing a later start the same day is not a new event.
  if (!d.common.blocked) d.effect({ type: 'safetyEvent', kind: o.event ?? (tier === 'A' ? 'tierA' : 'tierB'), ...(o.routineId ? { routineId: o.routineId } : {}) });
  // A tier A day is never softened by a later tier B answer.
  d.block(d.common.blocked?.tier === 'A' ? 'A' : tier);
  const because = o.because ? { because: o.because } : {};
  if (d.common.blocked?.tier === 'A') return { moment: 'emergency', ...because };
  return { moment: 'urgent', ...because, ...(o.pending ? { pending: o.pending } : {}) };
}

/** After screening: prerequisites, then equipment. */
function afterScreening(d: Draft, routineId: string): In<'prerequisite' | 'equipment' | 'choosing'> {
  const routine = d.routine(routineId);
  if (!routine) return { moment: 'choosing' };
  const leftOut = mainTechniqueLeftOut(routine, planFor(d, routine));
  if (leftOut) {
    // Sacral traction without the traction is not sacral traction: say why, and offer what suits instead.
    d.say(d.copy.reasons[leftOut], d.copy.notForYou);
    const instead = recommend(d.ctx.routines, d.profile, d.ctx.history, { gentle: true });
    if (instead) d.say(d.copy.recommendInstead(instead.title));
    return { moment: 'choosing' };
  }
  if (!eligible(routine, d.profile, d.ctx.history)) return { moment: 'prerequisite', routineId };
  return { moment: 'equipment', routineId, offered: false };
}

/** "Yes, I've done gentle back stretches": remembered, then the equipment. */
export function stretchedBefore(d: Draft, s: In<'prerequisite'>): In<'equipment'> {
  d.updateProfile({ prefs: { ...d.profile.prefs, comfortableWithStretches: true } });
  return { moment: 'equipment', routineId: s.routineId, offered: false };
}

/** "No": something gentler first. */
export function notStretchedBefore(d: Draft): In<'choosing'> {
  const gentle = recommend(d.ctx.routines, d.profile, d.ctx.history, { gentle: true });
  if (gentle) d.say(d.copy.notYetNo(gentle.title));
  return { moment: 'choosing' };
}

/** "No" to the equipment: a routine that needs none is offered instead ("shall we do that instead?"). */
export function noEquipment(d: Draft, s: In<'equipment'>): In<'equipment' | 'choosing'> {
  const routine = d.routine(s.routineId);
  const needed = routine ? equipmentFor(routine, planFor(d, routine)).filter((e) => !e.optional) : [];
  if (needed.length === 0) return { moment: 'choosing' };
  const instead = recommend(d.ctx.routines, d.profile, d.ctx.history, { without: [...EquipmentId.options] });
  if (!instead || instead.id === s.routineId) {
    d.say(d.copy.noEquipmentNothing);
    return { moment: 'choosing' };
  }
  return { moment: 'equipment', routineId: instead.id, offered: true };
}

/**
 * The pain before starting (safety.md section 4): 10 means no exercise now, with advice to rest and get help;
 * 8 or 9, only the gentlest routine, with advice to see someone if it stays this high.
 */
export function answerPainBefore(d: Draft, s: In<'painBefore'>, score: number | undefined): In<'step' | 'painAfter' | 'choosing' | 'emergency' | 'urgent' | 'goodbye'> {
  const routine = d.routine(s.routineId);
  if (!routine) return { moment: 'choosing' };
  const advice = score === undefined ? 'ok' : PainRules.before(score);
  if (score === undefined || advice === 'ok') return beginRun(d, routine, score);
  if (advice === 'noExercise') {
    d.say(d.copy.painTen(d.copy.urgentHelp));
    return { moment: 'goodbye', then: { moment: 'choosing' } };
  }
  const gentlest = gentlestRoutine(d);
  if (!gentlest) {
    d.say(d.copy.painVeryHighNothing(score));
    return { moment: 'goodbye', then: { moment: 'choosing' } };
  }
  d.say(gentlest.id === routine.id ? d.copy.painVeryHighSame(score) : d.copy.painVeryHighGentlest(score, gentlest.title));
  return beginRun(d, gentlest, score);
}

/** The gentlest routine for this person: gentle, needing no equipment, the shortest. */
function gentlestRoutine(d: Draft): Routine | undefined {
  return recommend(d.ctx.routines, d.profile, d.ctx.history, { gentle: true, without: [...EquipmentId.options] });
}
