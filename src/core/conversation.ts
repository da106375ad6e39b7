import { withoutEquipment } from './equipment-remark.js';
import { canRemind, finish, sayFinished } from './finish.js';
import { cautionsSaid, sayStep } from './present.js';
import {
  sayCheckIn,
  sayChoosing,
  sayClarify,
  sayDizzyCheck,
  sayEmergency,
  sayEquipment,
  sayForget,
  sayGoodbye,
  sayHurtKind,
  sayPainAfter,
  sayPainBefore,
  sayPaused,
  sayPrerequisite,
  sayReminder,
  sayResumeOffer,
  saySettled,
  sayScreening,
  sayStopped,
  sayUrgent,
} from './prompts.js';
import { advance, back, checkInScore, easier, resume, skipStep, startOver, stepScore, walk, present } from './run.js';
import {
  answerSettled,
  eraseAll,
  forgetMe,
  goodbye,
  historyText,
  keepAll,
  launch,
  noReminder,
  progress,
  reminderOff,
  restingOf,
  resumeRun,
  setReminder,
  stop,
} from './side.js';
import { EVERY_DAY } from './reminder.js';
import {
  answerPainBefore,
  answerScreening,
  answerYesNo,
  blockToday,
  choose,
  clearTierB,
  listText,
  noEquipment,
  notStretchedBefore,
  recordClearance,
  stretchedBefore,
} from './start.js';
import { dizzy, dizzyAside, dizzyNoSigns, dizzySigns, emergencyHurt, goOn, hurts, hurtsAside, inRun, sayHurtChoice, skipHurting } from './stop-rules.js';
import type { IntentType } from './intents.js';
import { volunteer, volunteerInScreening } from './volunteer.js';
import { MOMENTS, type State } from './session.js';
import { take, to, type Again, type Conversation, type Outcome } from './table.js';
import type { Draft } from './draft.js';

/**
 * The conversation, as one table. For every moment: what the coach waits for (`expects`), what "help" says,
 * what it says on entering (`says`), and where each intent leads (`on`, by intent, each with every moment it
 * may enter). Two tables cover every moment: `safety`, tried before the moment's own transitions, and
 * `anywhere`, tried after them. What none of them takes gets "sorry, I didn't catch that", the moment's help,
 * and the moment again. Handlers change data and name the moment to enter; the reply is rendered once, from it.
 * `npm run conversation:diagram` draws this table.
 *
 * A new moment: its schema in session.ts (exactly its data), its entry here (the compiler asks for one), a
 * `says` in prompts.ts, and a transition that enters it; the reachability test and the README diagram follow.
 * Something every moment must hear (an emergency in any words) goes in `safety`; something most moments may
 * take unless they answer it themselves goes in `anywhere`; a moment overrides `anywhere` by naming the
 * intent in its own `on`.
 */

// Where walking a routine can lead: the next step, or the end of the steps.
const WALK = ['step', 'painAfter'] as const;
// Picking a routine up: where it was left, or the emergency question first on a new day.
const RESUME = ['step', 'painAfter', 'screening'] as const;
// Where starting a routine can lead: its first step, nothing fitting, a day without exercise, or pain too high to start.
const BEGIN = ['step', 'painAfter', 'choosing', 'emergency', 'urgent', 'goodbye'] as const;
const NO_EXERCISE = ['emergency', 'urgent'] as const;
// Where a safety meaning can lead, said in any moment: an emergency, a stop, a question about a step, advice.
const SAFETY_PATHS = [...NO_EXERCISE, 'stopped', 'hurtKind', 'hurtChoice', 'dizzyCheck', 'resumeOffer', 'choosing'] as const;
type SafetyPath = (typeof SAFETY_PATHS)[number];

/** The same moment again, with a word first. */
const again = (d: Draft, s: State, ...words: string[]): Again => (d.say(...words), { again: s });
/** Not now: "didn't catch that", the help, the question again (a routine is not chosen mid safety question). */
const notNow = <S extends State, K extends IntentType>() => to<never, S, K>([], (d, s) => again(d, s, d.copy.didntCatch, d.copy.help.question));
const validScore = (score: number) => Number.isInteger(score) && score >= 0 && score <= 10;
const badScore = (d: Draft, s: State): Again => again(d, s, d.copy.painOutOfRange);

/** Intents that could start or continue exercise: refused on a day the screening said no. */
const noExerciseToday = <K extends IntentType>() =>
  to<(typeof NO_EXERCISE)[number], State, K>(NO_EXERCISE, (d) => (d.common.blocked ? blockToday(d, d.common.blocked.tier) : undefined));

export const conversation: Conversation = {
  start: 'choosing',

  safety: {
    start: noExerciseToday(),
    recommend: noExerciseToday(),
    resume: noExerciseToday(),
    next: noExerciseToday(),
    startOver: noExerciseToday(),
    timerElapsed: noExerciseToday(),
    // Saddle numbness (tier A), chest pain, pregnancy warning signs: whatever the moment.
    hurts: to([...NO_EXERCISE, 'stopped'], (d, s, i) => emergencyHurt(d, s, i.kind)),
    // Words that only leaned towards a safety meaning: asked about before anything else ("Did you mean ...?").
    unknown: to(['clarify'], (_d, s, i) => (i.maybe ? { moment: 'clarify', meant: i.maybe, back: restingOf(s) } : undefined)),
  },

  moments: {
    choosing: {
      expects: 'routine',
      help: 'idle',
      says: sayChoosing,
      on: {
        resume: to([], (_d, s) => ({ again: s })),
        repeat: to([], (_d, s) => ({ again: s })),
      },
    },
    resumeOffer: {
      expects: 'yesNo',
      help: 'question',
      says: sayResumeOffer,
      on: {
        yes: to(RESUME, (d, s) => resume(d, s.run)),
        resume: to(RESUME, (d, s) => resume(d, s.run)),
        next: to(RESUME, (d, s) => resume(d, s.run)),
        no: to(['choosing'], () => ({ moment: 'choosing' })),
      },
    },
    settled: {
      expects: 'yesNo',
      help: 'question',
      says: saySettled,
      on: {
        yes: to(['resumeOffer', 'choosing', 'screening'], (d, s) => answerSettled(d, s, true)),
        no: to(['resumeOffer', 'choosing', 'screening'], (d, s) => answerSettled(d, s, false)),
        // "It still hurts": it did not settle.
        hurts: to(['resumeOffer', 'choosing', 'screening'], (d, s) => answerSettled(d, s, false)),
      },
    },
    screening: {
      expects: 'yesNoUnsure',
      help: 'screening',
      says: sayScreening,
      on: {
        yes: to(['screening', 'emergency', 'urgent', 'prerequisite', 'equipment', 'choosing', ...WALK], (d, s) => answerScreening(d, s, 'yes')),
        no: to(['screening', 'emergency', 'urgent', 'prerequisite', 'equipment', 'choosing', ...WALK], (d, s) => answerScreening(d, s, 'no')),
        unsure: to(['screening', 'emergency', 'urgent', 'prerequisite', 'equipment', 'choosing', ...WALK], (d, s) => answerScreening(d, s, 'unsure')),
        // "I had back surgery last year": the answer to that sign, not asked again.
        condition: to(['screening', 'emergency', 'urgent', 'prerequisite', 'equipment', 'choosing', ...WALK], (d, s, i) => volunteerInScreening(d, s, i.sign)),
        start: to([], answerYesNo),
        recommend: to([], answerYesNo),
      },
      otherwise: to([], answerYesNo),
    },
    prerequisite: {
      expects: 'yesNo',
      help: 'question',
      says: sayPrerequisite,
      on: {
        yes: to(['equipment'], stretchedBefore),
        no: to(['choosing'], notStretchedBefore),
      },
    },
    equipment: {
      expects: 'yesNo',
      help: 'question',
      says: sayEquipment,
      on: {
        yes: to(['painBefore'], (_d, s) => ({ moment: 'painBefore', routineId: s.routineId })),
        no: to(['equipment', 'choosing'], noEquipment),
      },
    },
    painBefore: {
      expects: 'painScore',
      help: 'pain',
      says: sayPainBefore,
      on: {
        painScore: to(BEGIN, (d, s, i) => (validScore(i.score) ? answerPainBefore(d, s, i.score) : badScore(d, s))),
        skip: to(BEGIN, (d, s) => answerPainBefore(d, s, undefined)),
        no: to(BEGIN, (d, s) => answerPainBefore(d, s, undefined)),
        next: to(BEGIN, (d, s) => answerPainBefore(d, s, undefined)),
      },
    },
    step: {
      expects: 'command',
      help: 'step',
      says: sayStep,
      said: cautionsSaid,
      on: {
        next: to(['step', 'checkIn', 'painAfter'], (d, s) => advance(d, s.run, 'done')),
        timerElapsed: to(['step', 'checkIn', 'painAfter'], (d, s) => advance(d, s.run, 'done')),
        yes: to(['step', 'checkIn', 'painAfter'], (d, s) => advance(d, s.run, 'done')),
        skip: to(['step', 'checkIn', 'painAfter'], (d, s) => advance(d.say(d.copy.skipped), s.run, 'skipped')),
        back: to(WALK, (d, s) => back(d, s.run)),
        repeat: to(WALK, (d, s) => present(d, s.run)),
        resume: to(WALK, (d, s) => present(d, s.run)),
        pause: to(['paused'], (_d, s) => ({ moment: 'paused', run: s.run, dizzy: false })),
        startOver: to(WALK, (d, s) => startOver(d, s.run)),
        easier: to(WALK, (d, s) => easier(d, s.run)),
        painScore: to(WALK, (d, s, i) => (validScore(i.score) ? stepScore(d, s.run, i.score) : badScore(d, s))),
      },
    },
    paused: {
      expects: 'command',
      help: 'step',
      says: sayPaused,
      // By voice a pause ends the session (the person opens Back Break again to resume); after dizziness it stays open.
      ends: (d, s) => !s.dizzy && d.channel === 'voice',
      on: {
        yes: to(RESUME, (d, s) => resume(d, s.run)),
        resume: to(RESUME, (d, s) => resume(d, s.run)),
        next: to(RESUME, (d, s) => resume(d, s.run)),
        repeat: to(RESUME, (d, s) => resume(d, s.run)),
        startOver: to(WALK, (d, s) => startOver(d, s.run)),
        skip: to(WALK, (d, s) => skipStep(d, s.run)),
      },
    },
    checkIn: {
      expects: 'painScore',
      help: 'pain',
      says: sayCheckIn,
      on: {
        painScore: to(WALK, (d, s, i) => (validScore(i.score) ? checkInScore(d, s, i.score) : badScore(d, s))),
        next: to(WALK, (d, s) => walk(d, s.run)),
        skip: to(WALK, (d, s) => walk(d, s.run)),
        yes: to(WALK, (d, s) => walk(d, s.run)),
        no: to(WALK, (d, s) => walk(d, s.run)),
        resume: to(RESUME, resumeRun),
      },
    },
    hurtKind: {
      expects: 'hurtKind',
      help: 'question',
      says: sayHurtKind,
      // The kind comes as `hurts` with a kind: the anywhere table (and safety, for the emergency kinds).
      on: { resume: to(RESUME, resumeRun), start: notNow(), recommend: notNow() },
    },
    hurtChoice: {
      expects: 'command',
      help: 'step',
      says: sayHurtChoice,
      on: {
        skip: to(WALK, skipHurting),
        easier: to(WALK, (d, s) => (s.subject.done ? walk(d, s.run) : easier(d, s.run))),
        resume: to(WALK, goOn),
        next: to(WALK, goOn),
        repeat: to(WALK, goOn),
        yes: to(WALK, goOn),
      },
    },
    dizzyCheck: {
      expects: 'yesNoUnsure',
      help: 'question',
      says: sayDizzyCheck,
      // Not past this question: "resume" and choosing a routine get the question again.
      on: {
        yes: to(NO_EXERCISE, dizzySigns),
        unsure: to(NO_EXERCISE, dizzySigns),
        no: to(['paused', ...WALK], dizzyNoSigns),
        resume: notNow(),
        start: notNow(),
        recommend: notNow(),
      },
    },
    painAfter: {
      expects: 'painScore',
      help: 'pain',
      says: sayPainAfter,
      on: {
        painScore: to(['finished'], (d, s, i) => (validScore(i.score) ? finish(d, s, i.score) : badScore(d, s))),
        skip: to(['finished'], (d, s) => finish(d, s, undefined)),
        no: to(['finished'], (d, s) => finish(d, s, undefined)),
        next: to(['finished'], (d, s) => finish(d, s, undefined)),
      },
    },
    finished: {
      expects: 'yesNo',
      help: 'question',
      says: sayFinished,
      // After a routine that flared the conversation closes with care, no reminder offer; where nothing can remind, too.
      ends: (d, s) => s.flared || !canRemind(d),
      on: {
        yes: to(['reminder'], () => ({ moment: 'reminder', days: EVERY_DAY })),
        no: to(['goodbye'], goodbye),
      },
    },
    reminder: {
      expects: 'command',
      help: 'question',
      says: sayReminder,
      on: {
        no: to(['goodbye'], noReminder),
        skip: to(['goodbye'], noReminder),
        // "No reminder" while asked what time: no reminder, as a no.
        reminderOff: to(['goodbye'], noReminder),
        painScore: to(['reminder', 'goodbye'], (d, s, i) => setReminder(d, s, undefined, String(i.score))),
        unknown: to(['reminder', 'goodbye'], (d, s, i) => setReminder(d, s, undefined, i.text)),
      },
    },
    forget: {
      expects: 'yesNo',
      help: 'question',
      says: sayForget,
      on: {
        yes: to(['goodbye'], eraseAll),
        no: to([], keepAll),
      },
    },
    // "Did you mean you feel dizzy?": yes takes that meaning where the words were said; anything else is taken
    // there too, as if the question had not been asked.
    clarify: {
      expects: 'yesNo',
      help: 'question',
      says: sayClarify,
      on: {
        yes: to(SAFETY_PATHS, (d, s) => (take(conversation, d, s.back, s.meant) as Outcome<SafetyPath> | undefined) ?? { again: s.back }),
        no: to([], (d, s) => again(d, s.back, d.copy.clarifyNo)),
        hurts: to(SAFETY_PATHS, (d, s, i) => take(conversation, d, s.back, i) as Outcome<SafetyPath> | undefined),
        dizzy: to(SAFETY_PATHS, (d, s, i) => take(conversation, d, s.back, i) as Outcome<SafetyPath> | undefined),
      },
      otherwise: to(MOMENTS, (d, s, i) => take(conversation, d, s.back, i)),
    },
    // No exercise today; the advice on entering, a reminder of it after.
    emergency: { expects: 'nothing', help: 'idle', says: sayEmergency, on: {} },
    urgent: {
      expects: 'nothing',
      help: 'idle',
      says: sayUrgent,
      on: { cleared: to(['screening', 'prerequisite', 'equipment', 'choosing', ...WALK], clearTierB) },
    },
    // Closing moments: the next turn starts where the session rests (goodbye's `then`; after a stop rule, choosing).
    goodbye: { expects: 'nothing', help: 'idle', says: sayGoodbye, on: {}, next: ['choosing', 'paused', 'dizzyCheck', 'emergency', 'urgent'] },
    stopped: { expects: 'nothing', help: 'idle', says: sayStopped, on: {}, next: ['choosing'] },
  },

  anywhere: {
    launch: to(['emergency', 'urgent', 'settled', 'resumeOffer', 'choosing', 'dizzyCheck'], launch),
    start: to(['screening', 'choosing', 'settled'], (d, _s, i) => choose(d, i)),
    // "I don't have a strap" during a step is about this routine, which goes on; anything else picks anew.
    recommend: to(['screening', 'choosing', 'settled', ...WALK], (d, s, i) =>
      s.moment === 'step' && i.without?.length && i.minutes === undefined ? withoutEquipment(d, s, i.without) : choose(d, i),
    ),
    stop: to(['goodbye'], stop),
    forgetMe: to(['forget'], forgetMe),
    // What can be said now, and the moment briefly: a step is not read out again (about 50 s by voice).
    help: to([], (d, s) => (d.say(helpFor(d, s)), { again: s, brief: true })),
    list: to([], (d, s) => again(d, s, listText(d))),
    history: to([], (d, s) => again(d, s, historyText(d))),
    setReminder: to(['reminder', 'goodbye'], (d, s, i) => setReminder(d, s, i.days, i.time)),
    reminderOff: to([], reminderOff),
    // During a routine: about one of its steps. Elsewhere: the advice that fits, and the moment again.
    hurts: to(['hurtKind', 'hurtChoice'], (d, s, i) => (inRun(s) ? hurts(d, s, i.kind) : undefined) ?? hurtsAside(d, s, i.kind)),
    dizzy: to(['dizzyCheck'], (d, s) => (inRun(s) ? dizzy(d, s) : dizzyAside(d, s))),
    progress: to([], (d, s) => (inRun(s) ? progress(d, s) : undefined)),
    // "Thank you", said in passing: a word back, and the moment as it was (a step only reminds of next).
    thanks: to([], (d, s) => (d.say(d.copy.welcome), { again: s, brief: true })),
    // "A doctor has checked it", said another day: the stored answers it was about are cleared.
    cleared: to([], (d, s) => (recordClearance(d), { again: s })),
    // A sign said in passing ("I'm pregnant, by the way"): stored as a yes; tier B ends today's exercise.
    condition: to(['emergency', 'urgent', 'step', 'painAfter'], (d, s, i) => volunteer(d, s, i.sign)),
  },
};

/** What "help" says in a moment. */
export function helpFor(d: Draft, s: State): string {
  return d.copy.help[conversation.moments[s.moment].help];
}
