import { eligible, findRoutine, recommend } from './catalogue.js';
import { Choices } from './choices.js';
import type { Draft } from './draft.js';
import type { Answer } from './profile.js';
import type { Reply } from './reply.js';
import { EquipmentId, estimatedMinutes, type Routine } from './routine.js';
import { beginRun, displayFor, promptIdle, promptPain } from './run.js';
import { EVERY_SESSION, isGroup, needsFullScreening, partsOf, positive, SIGNS, screeningQueue, tierOf, withAnswers, type ScreeningQuestion } from './screening.js';

/** From "start X" to the first step: choosing, screening, prerequisites, equipment, pain before. */

export function choose(d: Draft, wish: { routine?: string; minutes?: number; without?: string[] }): Reply {
  const { routines } = d.ctx;
  let routine: Routine | undefined;
  if (wish.routine) {
    const match = findRoutine(routines, wish.routine);
    if (match.kind === 'none') {
      d.say(d.copy.unknownRoutine(wish.routine)).say(listText(d));
      d.set({ phase: 'idle' });
      return promptIdle(d);
    }
    routine = match.routine;
  } else {
    const notSettled = d.ctx.history[0]?.settled === false;
    routine = recommend(routines, d.profile, d.ctx.history, {
      minutes: wish.minutes,
      without: wish.without,
      gentle: notSettled,
      seed: d.ctx.history.length,
    });
    if (!routine) {
      d.say(d.copy.nothingFits).say(listText(d));
      d.set({ phase: 'idle' });
      return promptIdle(d);
    }
    d.say(d.copy.recommendation(routine.title, estimatedMinutes(routine)));
  }
  return beginSafety(d, routine);
}

export function listText(d: Draft): string {
  return d.copy.list(d.ctx.routines.map((r) => d.copy.listItem(r.title, estimatedMinutes(r))));
}

/** Screening first: the combined tier A question every time, the B and C ones too when due. */
function beginSafety(d: Draft, routine: Routine): Reply {
  const full = needsFullScreening(d.profile.screening, d.ctx.now, d.session.screenFull);
  d.set({
    phase: 'screening',
    request: { routineId: routine.id },
    run: undefined,
    screening: { queue: screeningQueue(full, d.profile.screening), answers: {}, full },
    // A side question left unanswered (a reminder time) no longer has anywhere to return to.
    resumePhase: undefined,
    reminderDays: undefined,
  });
  d.say(full ? d.copy.screeningFullIntro : d.copy.screeningIntro);
  return promptScreening(d);
}

/** The words of a screening question: a combined one lists the signs it still covers for this person. */
export function screeningQuestionText(d: Draft, id: ScreeningQuestion): string {
  const c = d.copy;
  if (isGroup(id) && id !== 'cSurgery') return c.combinedQuestion(id, partsOf(id, d.profile.screening).map((p) => c.signs[p].phrase));
  return isGroup(id) ? c.signs.cSurgery.ask : c.signs[id].ask;
}

export function promptScreening(d: Draft): Reply {
  const id = (d.session.screening?.queue[0] ?? EVERY_SESSION) as ScreeningQuestion;
  const question = screeningQuestionText(d, id);
  d.say(question);
  return d.reply({
    moment: 'screening',
    expect: 'yesNoUnsure',
    display: displayFor(d, question),
    choices: Choices.yesNoUnsure(),
    reprompt: `${question} ${d.copy.answerYesNo}`,
  });
}

/**
 * One screening answer. A combined question: "no" answers every sign it names; "yes" or "not sure" asks them
 * one at a time. A single sign: tier A positive is an emergency, tier B positive means no exercise today.
 */
export function answerScreening(d: Draft, answer: Answer): Reply {
  const run = d.session.screening;
  const [id, ...rest] = (run?.queue ?? []) as ScreeningQuestion[];
  if (!run || !id) return afterScreening(d);
  const answers = { ...run.answers };
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
    if (positive(answer) && (tier === 'A' || tier === 'B')) return block(d, tier, answers);
  }
  d.set({ screening: { ...run, queue, answers } });
  if (queue.length > 0) return promptScreening(d);
  saveScreening(d, answers, run.full);
  d.say(d.copy.screeningDone);
  return afterScreening(d);
}

/**
 * The answers kept: tier B and C signs, with their dates. Tier A answers are about this session only (a
 * positive one blocks the day in the session), so they are not stored: the least that serves the person.
 */
function storedAnswers(answers: Record<string, Answer>): Record<string, Answer> {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => Object.hasOwn(SIGNS, id) && tierOf(id) !== 'A'));
}

/** A full screening replaces the stored answers it asked, and its date; the quick one stores nothing. */
function saveScreening(d: Draft, answers: Record<string, Answer>, full: boolean): void {
  if (full) d.updateProfile({ screening: withAnswers(d.profile.screening, storedAnswers(answers), d.ctx.now, true) });
  if (d.session.screenFull) d.set({ screenFull: false });
}

function block(d: Draft, tier: 'A' | 'B', answers: Record<string, Answer>): Reply {
  // Keep what was answered so a tier B "yes" brings the full screening back next time.
  const kept = storedAnswers(answers);
  if (Object.keys(kept).length > 0) d.updateProfile({ screening: withAnswers(d.profile.screening, kept, d.ctx.now, false) });
  return blockToday(d, tier);
}

/** Ends the exercise part of today's conversation with the tier's advice. */
export function blockToday(d: Draft, tier: 'A' | 'B', eventKind: 'tierA' | 'tierB' | 'stopRule' = tier === 'A' ? 'tierA' : 'tierB'): Reply {
  const routineId = d.session.run?.routineId ?? d.session.request?.routineId;
  // One audit event per block: refusing a later start the same day is not a new event.
  if (!d.session.blocked) d.effect({ type: 'safetyEvent', kind: eventKind, ...(routineId ? { routineId } : {}) });
  d.set({ phase: 'blocked', blocked: { tier, day: d.today() }, request: undefined, screening: undefined, run: undefined });
  const text = tier === 'A' ? d.copy.emergency : d.copy.urgent;
  d.say(text);
  return d.reply({ moment: tier === 'A' ? 'emergency' : 'urgent', expect: 'nothing', display: { title: d.copy.name, body: text }, end: true });
}

/** After screening: prerequisites, then equipment. */
function afterScreening(d: Draft): Reply {
  const routine = d.routine(d.session.request?.routineId);
  d.set({ screening: undefined });
  if (!routine) {
    d.set({ phase: 'idle' });
    return promptIdle(d);
  }
  if (!eligible(routine, d.profile, d.ctx.history)) {
    d.set({ phase: 'prerequisite' });
    return promptPrerequisite(d);
  }
  d.set({ phase: 'equipment' });
  return promptEquipment(d);
}

export function promptPrerequisite(d: Draft): Reply {
  const routine = d.routine(d.session.request?.routineId)!;
  const text = d.copy.notYet(routine.title);
  d.say(text);
  return d.reply({ moment: 'prerequisite', expect: 'yesNo', display: displayFor(d, text), choices: Choices.yesNo(), reprompt: text });
}

export function answerPrerequisite(d: Draft, yes: boolean): Reply {
  if (yes) {
    d.updateProfile({ prefs: { ...d.profile.prefs, comfortableWithStretches: true } });
    d.set({ phase: 'equipment' });
    return promptEquipment(d);
  }
  const gentle = recommend(d.ctx.routines, d.profile, d.ctx.history, { gentle: true });
  d.set({ phase: 'idle', request: undefined });
  if (gentle) d.say(d.copy.notYetNo(gentle.title));
  return promptIdle(d);
}

export function promptEquipment(d: Draft): Reply {
  const routine = d.routine(d.session.request?.routineId)!;
  const needed = routine.equipment.filter((e) => !e.optional);
  const text = needed.length
    ? d.copy.equipmentNeeded(needed.map((e) => d.copy.withSubstitutes(e.name, e.substitutes)))
    : d.copy.startIt;
  d.say(text);
  return d.reply({ moment: 'equipment', expect: 'yesNo', display: displayFor(d, text), choices: Choices.yesNo(), reprompt: text });
}

export function answerEquipment(d: Draft, yes: boolean): Reply {
  const routine = d.routine(d.session.request?.routineId)!;
  if (yes) {
    d.set({ phase: 'painBefore' });
    return promptPain(d, 'painBefore');
  }
  const needed = routine.equipment.filter((e) => !e.optional);
  if (needed.length === 0) {
    d.set({ phase: 'idle', request: undefined });
    return promptIdle(d);
  }
  // Offer something that needs no equipment at all.
  const instead = recommend(d.ctx.routines, d.profile, d.ctx.history, { without: [...EquipmentId.options] });
  if (!instead || instead.id === routine.id) {
    d.say(d.copy.noEquipmentNothing);
    d.set({ phase: 'idle', request: undefined });
    return promptIdle(d);
  }
  // The other routine needs no equipment: the question becomes "shall we do that instead?".
  d.set({ request: { routineId: instead.id } });
  const text = d.copy.noEquipment(instead.title);
  d.say(text);
  return d.reply({ moment: 'equipment', expect: 'yesNo', display: displayFor(d, text), choices: Choices.yesNo(), reprompt: text });
}

export function answerPainBefore(d: Draft, score: number | undefined): Reply {
  const routine = d.routine(d.session.request?.routineId);
  if (!routine) {
    d.set({ phase: 'idle' });
    return promptIdle(d);
  }
  return beginRun(d, routine, score);
}
