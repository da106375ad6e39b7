import type { LeftOutToday, Profile } from './profile.js';
import { positive, SURGERY_KINDS } from './screening.js';
import type { Routine, SafetyTag, Side, Step } from './routine.js';
import { sidesOf } from './routine.js';
import type { PlanItem } from './session.js';

/**
 * The safety rules of ../shared/design/safety.md as data and pure functions. The words live in copy/.
 */

/** Tier C conditions a person may have, from stored answers. Surgery is kept by kind, so cautions name it. */
export type Condition = 'pregnant' | 'surgery' | 'surgeryBack' | 'surgeryHip' | 'surgeryBelly' | 'osteoporosis' | 'dizzy' | 'neck';
/**
 * Recent surgery by kind; plain `surgery` is a kind not named (an answer stored before kinds were asked): every
 * surgery rule applies to it, with cautions that name no kind.
 */
export const SURGERY_CONDITIONS = ['surgery', 'surgeryBack', 'surgeryHip', 'surgeryBelly'] as const satisfies readonly Condition[];

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
    if (c && positive(answer)) out.add(c);
  }
  // Recent surgery of no kind named (or of none of the three): every surgery rule applies, to be careful.
  if (positive(answers.cSurgery) && !SURGERY_KINDS.some((id) => positive(answers[id]))) out.add('surgery');
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
export function planRoutine(
  routine: Routine,
  conditions: Set<Condition>,
  avoid: ReadonlySet<string> = new Set(),
  today?: Pick<LeftOutToday, 'steps' | 'techniques'>,
): Plan {
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
    if (today?.steps.includes(`${routine.id}/${step.id}`)) {
      left.push({ stepId: step.id, reason: 'leftToday' });
      continue;
    }
    const sides = sidesOf(step).filter((side) => !leftOutOnSide(step, side ?? step.side, today));
    if (sides.length === 0) {
      left.push({ stepId: step.id, reason: 'leftToday' });
      continue;
    }
    for (let round = 1; round <= step.repeats; round++) {
      for (const side of sides) {
        items.push({ stepId: step.id, ...(side ? { side } : {}), round, ...(rule ? { adapted: rule.reason } : {}) });
      }
    }
  }
  return { items, left };
}

/**
 * Why a routine is not for this person now: its main technique is left out of their plan (sacral traction with
 * osteoporosis has knee lifts left, but no traction). Undefined when it is.
 */
export function mainTechniqueLeftOut(routine: Routine, plan: Plan): string | undefined {
  const tag = routine.mainTechnique;
  if (!tag) return undefined;
  const planned = new Set(plan.items.map((i) => i.stepId));
  if (routine.steps.some((s) => s.tags.includes(tag) && planned.has(s.id))) return undefined;
  const reasonOf = (s: Step) => plan.left.find((l) => l.stepId === s.id)?.reason;
  return routine.steps.filter((s) => s.tags.includes(tag)).map(reasonOf).find((r) => r !== undefined) ?? 'flared';
}

/** The equipment a plan uses: what its steps name, and what the routine needs as a whole (a mat). */
export function equipmentFor(routine: Routine, plan: Plan): Routine['equipment'] {
  const named = new Set(routine.steps.flatMap((s) => s.equipment));
  const used = new Set(routine.steps.filter((s) => plan.items.some((i) => i.stepId === s.id)).flatMap((s) => s.equipment));
  return routine.equipment.filter((e) => !named.has(e.id) || used.has(e.id));
}

/** A technique left out today on this side (or on both, when no side was named) covers the step. */
function leftOutOnSide(step: Pick<Step, 'tags'>, side: Side | undefined, today: Pick<LeftOutToday, 'techniques'> | undefined): boolean {
  return (today?.techniques ?? []).some((t) => step.tags.includes(t.tag) && (t.side === undefined || t.side === side));
}

/** Today's left-out moves for a person, or none once their local day has moved on. */
export function leftOutToday(profile: Pick<Profile, 'leftOutToday'>, today: string): LeftOutToday | undefined {
  return profile.leftOutToday?.day === today ? profile.leftOutToday : undefined;
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
