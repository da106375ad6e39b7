import type { Answer, Profile, Screening } from './profile.js';
import type { Routine, SafetyTag, Step } from './routine.js';
import { sidesOf } from './routine.js';
import type { PlanItem } from './session.js';

/**
 * The safety rules of ../shared/design/safety.md as data and pure functions. The words live in copy/.
 */

export type Tier = 'A' | 'B' | 'C';

/** Screening questions, in the order they are asked. */
export const QUESTIONS = {
  // Tier A: emergency
  aSaddle: 'A',
  aBladder: 'A',
  aBothLegs: 'A',
  aWeaker: 'A',
  aTrauma: 'A',
  aChest: 'A',
  // Tier B: urgent, not an emergency
  bFever: 'B',
  bWeightLoss: 'B',
  bNight: 'B',
  bLump: 'B',
  bCough: 'B',
  bHigh: 'B',
  bCancer: 'B',
  bSteroids: 'B',
  bAge: 'B',
  // Tier C: caution
  cPregnant: 'C',
  cSurgery: 'C',
  cOsteoporosis: 'C',
  cDizzy: 'C',
  cNeck: 'C',
} as const satisfies Record<string, Tier>;
export type QuestionId = keyof typeof QUESTIONS;

/** The one combined tier A question asked every session; "yes" or "not sure" expands it. */
export const QUICK_A = 'aQuick';
export type ScreeningQuestion = QuestionId | typeof QUICK_A;

export const questionIds = (tier: Tier) =>
  (Object.keys(QUESTIONS) as QuestionId[]).filter((id) => QUESTIONS[id] === tier);

export function tierOf(id: string): Tier | undefined {
  if (id === QUICK_A) return 'A';
  return (QUESTIONS as Record<string, Tier>)[id];
}

/** The full screening repeats after this many days (design choice). */
export const SCREENING_VALID_DAYS = 30;

/** Full screening on first use, after 30 days, after a tier B "yes", or when pain is new or worse. */
export function needsFullScreening(screening: Screening | undefined, now: Date, painNewOrWorse: boolean): boolean {
  if (!screening || painNewOrWorse) return true;
  // A screening cut short (a tier A answer) is not a full one.
  if ([...questionIds('B'), ...questionIds('C')].some((id) => screening.answers[id] === undefined)) return true;
  const age = now.getTime() - Date.parse(screening.at);
  if (!(age >= 0) || age > SCREENING_VALID_DAYS * 86_400_000) return true;
  return blockingAnswers(screening).length > 0;
}

/** Tier B answers that block exercise: positive, and not cleared by a doctor since they were given. */
export function blockingAnswers(screening: Screening | undefined): QuestionId[] {
  if (!screening) return [];
  return questionIds('B').filter((id) => positive(id, screening.answers[id]) && !isCleared(screening, id));
}

/** A doctor has checked this answer since it was given. */
export function isCleared(screening: Screening, id: string): boolean {
  const cleared = screening.cleared?.[id];
  const given = screening.answeredAt?.[id] ?? screening.at;
  return cleared !== undefined && Date.parse(cleared) >= Date.parse(given);
}

/** The answers with the time each was given: `given` replaces (and dates) what was stored before. */
export function withAnswers(stored: Screening | undefined, given: Record<string, Answer>, now: Date, full: boolean): Screening {
  const at = now.toISOString();
  const answeredAt = { ...stored?.answeredAt };
  for (const id of Object.keys(given)) answeredAt[id] = at;
  return {
    ...stored,
    answers: { ...stored?.answers, ...given },
    at: full || !stored ? at : stored.at,
    answeredAt,
  };
}

/** The questions of a screening run: the combined tier A question first, then B and C when full. */
export function screeningQueue(full: boolean): ScreeningQuestion[] {
  return full ? [QUICK_A, ...questionIds('B'), ...questionIds('C')] : [QUICK_A];
}

/**
 * "Not sure" counts as yes for tier A (safety.md). For tiers B and C we also treat it as yes
 * (design choice: when unsure, be careful; C never blocks, it only adapts).
 */
export function positive(_id: string, answer: Answer | undefined): boolean {
  return answer === 'yes' || answer === 'unsure';
}

/** Tier C conditions a person may have, from stored answers. Surgery is kept by kind, so cautions name it. */
export type Condition = 'pregnant' | 'surgery' | 'surgeryBack' | 'surgeryHip' | 'surgeryBelly' | 'osteoporosis' | 'dizzy' | 'neck';
/**
 * Recent surgery by kind; plain `surgery` is a kind not named (an answer stored before kinds were asked): every
 * surgery rule applies to it, with cautions that name no kind.
 */
export const SURGERY_CONDITIONS = ['surgery', 'surgeryBack', 'surgeryHip', 'surgeryBelly'] as const satisfies readonly Condition[];
const SURGERY_KINDS = ['cSurgeryBack', 'cSurgeryHip', 'cSurgeryBelly'];

const CONDITION_OF: Record<string, Condition> = {
  cPregnant: 'pregnant',
  cSurgeryBack: 'surgeryBack',
  cSurgeryHip: 'surgeryHip',
  cSurgeryBelly: 'surgeryBelly', // a caesarean counts (safety.md section 1)
  cOsteoporosis: 'osteoporosis',
  cDizzy: 'dizzy',
  cNeck: 'neck',
};

export function conditionsOf(profile: Pick<Profile, 'screening'>): Set<Condition> {
  const answers = profile.screening?.answers ?? {};
  const out = new Set<Condition>();
  for (const [id, answer] of Object.entries(answers)) {
    const c = CONDITION_OF[id];
    if (c && positive(id, answer)) out.add(c);
  }
  // Recent surgery of a kind not named: every surgery rule applies, to be careful.
  if (positive('cSurgery', answers.cSurgery) && !SURGERY_KINDS.some((id) => answers[id] !== undefined)) out.add('surgery');
  return out;
}

export type Rule = { action: 'skip' | 'adapt'; reason: string };

const skip = (reason: string): Rule => ({ action: 'skip', reason });
const adapt = (reason: string): Rule => ({ action: 'adapt', reason });
/** The same rule for recent surgery of every kind, its reason naming the kind ("surgeryBack", ...). */
const afterAnySurgery = (action: Rule['action'], reason: string): Partial<Record<Condition, Rule>> =>
  Object.fromEntries(SURGERY_CONDITIONS.map((c) => [c, { action, reason: `${reason}${c.slice('surgery'.length)}` }]));

/**
 * safety.md section 2: what a tier C condition does to a tagged technique. `reason` is a copy key for
 * the one sentence the coach says about it. Rules marked "design choice" have no published source.
 */
export const TECHNIQUE_RULES: Partial<Record<SafetyTag, Partial<Record<Condition, Rule>>>> = {
  'foam-roller-spine': {
    osteoporosis: skip('rollerBones'),
    pregnant: skip('lyingFlatPregnant'),
    surgeryBack: skip('rollerSurgeryBack'), // design choice: only once the surgeon has cleared it
    surgery: skip('rollerSurgery'),
  },
  'head-hang': {
    neck: skip('headHangNeck'),
    dizzy: skip('headHangDizzy'),
    osteoporosis: skip('rollerBones'),
    surgeryBack: skip('rollerSurgeryBack'), // design choice
    surgery: skip('rollerSurgery'),
  },
  traction: {
    osteoporosis: skip('tractionBones'),
    pregnant: skip('tractionPregnant'),
    ...afterAnySurgery('skip', 'surgery'), // design choice
  },
  'forward-bend-test': { osteoporosis: skip('bendBones') },
  twist: {
    osteoporosis: adapt('twistBones'),
    ...afterAnySurgery('adapt', 'twistSurgery'), // design choice
  },
  'sacral-thumps': {
    osteoporosis: skip('thumpsBones'), // design choice
    ...afterAnySurgery('skip', 'surgery'), // design choice
  },
  'hip-opener': { surgeryHip: skip('hipSurgery'), surgery: skip('hipSurgeryMaybe') },
  'forward-fold': { osteoporosis: adapt('foldBones') },
  'prone-back-bend': {
    pregnant: skip('proneBendPregnant'),
    ...afterAnySurgery('skip', 'surgery'), // design choice: a fusion or recent surgery: check first
  },
  'lying-flat': { pregnant: adapt('lyingFlatPregnant') },
  'leg-lowering': {
    pregnant: skip('legLoweringPregnant'), // design choice
    ...afterAnySurgery('skip', 'surgery'), // design choice
  },
  'curl-up': {
    osteoporosis: skip('curlUpBones'), // design choice: loaded spinal flexion
    ...afterAnySurgery('skip', 'surgery'), // design choice
  },
  bridge: { pregnant: adapt('bridgePregnant') },
};

/** Tags with a caution said once, before the first step that carries them, whatever the screening. */
export const TAG_CAUTIONS: Partial<Record<SafetyTag, string>> = {
  'strap-leg-stretch': 'legTravel',
  'leg-lowering': 'legLowering',
  'head-hang': 'headHangWoozy',
  traction: 'tractionHurts',
  'prone-back-bend': 'proneCheck',
  'hip-opener': 'hipReplacement',
};

/** The strictest rule for a step given a person's conditions: skip beats adapt. */
export function ruleFor(step: Pick<Step, 'tags'>, conditions: Set<Condition>): Rule | undefined {
  let found: Rule | undefined;
  for (const tag of step.tags) {
    for (const c of conditions) {
      const rule = TECHNIQUE_RULES[tag]?.[c];
      if (!rule) continue;
      if (rule.action === 'skip') return rule;
      found ??= rule;
    }
  }
  return found;
}

export interface Plan {
  items: PlanItem[];
  /** Steps left out, each with the reason said once. */
  left: Array<{ stepId: string; reason: string }>;
}

/** The items a person will be walked through: each step per side and round, tier C rules applied. */
export function planRoutine(routine: Routine, conditions: Set<Condition>, avoid: ReadonlySet<string> = new Set()): Plan {
  const items: PlanItem[] = [];
  const left: Plan['left'] = [];
  for (const step of routine.steps) {
    const rule = ruleFor(step, conditions);
    if (rule?.action === 'skip') {
      left.push({ stepId: step.id, reason: rule.reason });
      continue;
    }
    if (avoid.has(step.id)) {
      left.push({ stepId: step.id, reason: 'flared' });
      continue;
    }
    for (let round = 1; round <= step.repeats; round++) {
      for (const side of sidesOf(step)) {
        items.push({ stepId: step.id, ...(side ? { side } : {}), round, ...(rule ? { adapted: rule.reason } : {}) });
      }
    }
  }
  return { items, left };
}

/**
 * Pain check rules (safety.md section 4). Every judgement is against the person's own starting score: a rating
 * at or below where they started is never a rise, however high it is.
 */
export const PainRules = {
  /** During a routine: this much above the start stops the technique, ... */
  rise: 2,
  /** ... as does a rating above this that is also above the start (or above it with no starting score). */
  ceiling: 5,
  /** A meaningful change: 2 points or 30% of the start, whichever is larger, in either direction. */
  meaningful(before: number, after: number): boolean {
    return Math.abs(after - before) >= Math.max(2, 0.3 * before);
  },
  light(score: number): 'green' | 'amber' | 'red' {
    return score <= 3 ? 'green' : score <= 5 ? 'amber' : 'red';
  },
  /** A rating during the run that should stop the current technique. */
  tooHigh(score: number, start: number | undefined): boolean {
    if (start === undefined) return score > PainRules.ceiling;
    if (score <= start) return false;
    return score - start >= PainRules.rise || score > PainRules.ceiling;
  },
  /** Before a routine: 10 means no exercise now; 8 or 9 only the gentlest routine, with advice. */
  before(score: number): 'ok' | 'gentlestOnly' | 'noExercise' {
    return score >= 10 ? 'noExercise' : score >= 8 ? 'gentlestOnly' : 'ok';
  },
};
