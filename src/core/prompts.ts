import { Choices } from './choices.js';
import type { Draft } from './draft.js';
import type { Display } from './reply.js';
import { planFor, position } from './run.js';
import { currentQuestion, screeningQuestionText } from './start.js';
import { conditionsOf, equipmentFor } from './safety.js';
import { isSign } from './screening.js';
import { runOf, type Because, type In, type RoutineRun } from './session.js';
import type { How, Shown } from './table.js';

/** What each moment says and shows, except a step (present.ts) and the finish (finish.ts). */

/** A display for a question: the routine (if any) as title, the question as body, the position in a run. */
export function displayFor(d: Draft, body: string, where: { routineId?: string; run?: RoutineRun } = {}): Display {
  const { run } = where;
  const routine = d.routine(run?.routineId ?? where.routineId);
  return {
    title: routine?.title ?? d.copy.name,
    body,
    ...(run && run.index < run.items.length ? { position: position(run) } : {}),
  };
}

/** Says a question and shows it; it is also what is asked again when the person says nothing. */
function question(d: Draft, text: string, where: { routineId?: string; run?: RoutineRun }, choices = Choices.yesNo()): Shown {
  d.say(text);
  return { display: displayFor(d, text, where), choices, reprompt: text };
}

/** A closing moment's words. */
function closing(d: Draft, text: string): Shown {
  d.say(text);
  return { display: { title: d.copy.name, body: text }, reprompt: text };
}

export function sayChoosing(d: Draft): Shown {
  d.say(d.copy.whichRoutine);
  const choices = d.ctx.routines.map((r) => ({ label: r.title, intent: { type: 'start' as const, routine: r.id } }));
  return {
    display: displayFor(d, d.copy.whatICanDo),
    choices: [...choices, { label: 'Recommend one', intent: { type: 'recommend' } }],
    reprompt: d.copy.help.idle,
  };
}

export function sayResumeOffer(d: Draft, s: In<'resumeOffer'>): Shown {
  const { run } = s;
  const pos = position(run);
  const text = d.copy.resumeOffer(d.routine(run.routineId)?.title ?? run.routineId, pos.index, pos.total, run.items[run.index]?.side);
  return question(d, text, { run });
}

export function saySettled(d: Draft, s: In<'settled'>): Shown {
  return question(d, d.copy.settledQuestion, s.run ? { run: s.run } : {});
}

export function sayScreening(d: Draft, s: In<'screening'>): Shown {
  const text = screeningQuestionText(d, currentQuestion(s), s.answers);
  d.say(text);
  return { display: displayFor(d, text, s), choices: Choices.yesNoUnsure(), reprompt: `${text} ${d.copy.answerYesNo}` };
}

export function sayPrerequisite(d: Draft, s: In<'prerequisite'>): Shown {
  return question(d, d.copy.notYet(d.routine(s.routineId)?.title ?? s.routineId), s);
}

/** The equipment the routine needs (or "shall we start?"), or the routine offered instead for lack of it. */
export function sayEquipment(d: Draft, s: In<'equipment'>): Shown {
  const routine = d.routine(s.routineId);
  // Only what the person's plan uses: no roller asked for when the roller moves are left out.
  const needed = routine ? equipmentFor(routine, planFor(d, routine)).filter((e) => !e.optional) : [];
  const text = s.offered
    ? d.copy.noEquipment(routine?.title ?? s.routineId)
    : needed.length
      ? d.copy.equipmentNeeded(needed.map((e) => d.copy.withSubstitutes(e.name, e.substitutes)))
      : d.copy.startIt;
  return question(d, text, s);
}

export function sayPainBefore(d: Draft, s: In<'painBefore'>): Shown {
  return question(d, d.copy.painBefore, s, Choices.painScores());
}

export function sayPainAfter(d: Draft, s: In<'painAfter'>): Shown {
  return question(d, d.copy.painAfter, s.entry, Choices.painScores());
}

export function sayPaused(d: Draft, s: In<'paused'>): Shown {
  return question(d, s.dizzy ? d.copy.dizzyOk : d.copy.paused(d.channel), s, Choices.paused());
}

export function sayCheckIn(d: Draft, s: In<'checkIn'>): Shown {
  return question(d, d.copy.checkIn, s, Choices.painScores('Next'));
}

export function sayHurtKind(d: Draft, s: In<'hurtKind'>): Shown {
  d.say(d.copy.hurtKind);
  return { display: displayFor(d, d.copy.hurtKind, s), choices: Choices.hurtKinds(conditionsOf(d.profile).has('pregnant')), reprompt: d.copy.hurtKindShort };
}

export function sayDizzyCheck(d: Draft, s: In<'dizzyCheck'>): Shown {
  return question(d, d.copy.dizzyNeuro, s, Choices.yesNoUnsure());
}

export function sayReminder(d: Draft): Shown {
  return question(d, d.copy.reminderWhen, {}, []);
}

/** "Did you mean you feel dizzy?" */
export function sayClarify(d: Draft, s: In<'clarify'>): Shown {
  const run = runOf(s);
  return question(d, d.copy.clarify(s.meant), run ? { run } : {});
}

export function sayForget(d: Draft): Shown {
  return question(d, d.copy.forgetConfirm, {});
}

/** The answer or words advice follows ("You told me about numbness around your seat."). */
function becauseText(d: Draft, because: Because | undefined): string | undefined {
  if (!because) return undefined;
  const phrase = because.sign === 'neuro' ? d.copy.neuroPhrase : isSign(because.sign) ? d.copy.signs[because.sign].phrase : undefined;
  return phrase && d.copy.because(phrase, because.unsure);
}

/** On entering: the advice, saying what it follows; asked again later that day: a reminder of it. */
export function sayEmergency(d: Draft, s: In<'emergency'>, how: How): Shown {
  if (how !== 'enter') return closing(d, d.copy.blockedToday('A'));
  d.say(becauseText(d, s.because));
  return closing(d, d.copy.emergency);
}

/** No exercise today, see a doctor soon; and how to say that a doctor has already checked it. */
export function sayUrgent(d: Draft, s: In<'urgent'>, how: How): Shown {
  if (how !== 'enter') return closing(d, d.copy.blockedToday('B'));
  d.say(becauseText(d, s.because));
  // The clearance as a button too (Slack, the web, an Alexa screen), so it is no phrase to guess.
  return { ...closing(d, `${d.copy.urgent} ${d.copy.clearanceOffer}`), choices: [Choices.cleared(d.copy)] };
}

export function sayGoodbye(d: Draft): Shown {
  return closing(d, d.copy.bye);
}

export function sayStopped(d: Draft, s: In<'stopped'>): Shown {
  return closing(d, s.advice === 'faint' ? d.copy.faintStop : d.copy.pregnancyStop);
}
