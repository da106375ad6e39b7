import type { Answer, Screening } from './profile.js';

/**
 * What the screening asks (safety.md section 1), as data. A person's time matters: every session one combined
 * tier A question; on first use, after 30 days and when pain is new or worse, also two combined tier B questions
 * and one combined tier C question. A combined question expands into its single questions only on "yes" or
 * "not sure", so a healthy first-timer answers four questions and a returning person one.
 */

export type Tier = 'A' | 'B' | 'C';

/** Single questions, one sign each, by tier. */
export const SIGNS = {
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
  bCancer: 'B',
  bSteroids: 'B',
  bAge: 'B',
  bNight: 'B',
  bCough: 'B',
  bHigh: 'B',
  bLump: 'B',
  // Tier C: caution
  cPregnant: 'C',
  cSurgery: 'C',
  cOsteoporosis: 'C',
  cDizzy: 'C',
  cNeck: 'C',
  // Which surgery, asked after a "yes" to cSurgery, so cautions can name it (a caesarean is belly surgery).
  cSurgeryBack: 'C',
  cSurgeryHip: 'C',
  cSurgeryBelly: 'C',
} as const satisfies Record<string, Tier>;
export type SignId = keyof typeof SIGNS;
/** Kept for the names tests and stored profiles use: a screening question with a stored answer is a sign. */
export type QuestionId = SignId;

/** Combined questions: each names several signs and expands into their single questions on yes or not sure. */
export const GROUPS = {
  aAny: ['aSaddle', 'aBladder', 'aBothLegs', 'aWeaker', 'aChest', 'aTrauma'],
  // Body-wide signs, and who the person is.
  bBody: ['bFever', 'bWeightLoss', 'bCancer', 'bSteroids', 'bAge'],
  // The pattern of the pain.
  bPattern: ['bNight', 'bCough', 'bHigh', 'bLump'],
  cAny: ['cPregnant', 'cSurgery', 'cOsteoporosis', 'cDizzy', 'cNeck'],
  cSurgery: ['cSurgeryBack', 'cSurgeryHip', 'cSurgeryBelly'],
} as const satisfies Record<string, readonly SignId[]>;
export type GroupId = keyof typeof GROUPS;
/** Anything the screening asks: a combined question or a single one. */
export type ScreeningQuestion = SignId | GroupId;

/** The one combined question asked every session. */
export const EVERY_SESSION: GroupId = 'aAny';
/** Asked in a full screening, after the tier A question. */
const FULL: readonly GroupId[] = ['bBody', 'bPattern', 'cAny'];

/** Traits that do not change: once a doctor has cleared them they are not asked again (safety.md section 1). */
export const STABLE: ReadonlySet<SignId> = new Set(['bCancer', 'bSteroids', 'bAge']);

export const SURGERY_KINDS: readonly SignId[] = GROUPS.cSurgery;

export function isSign(id: string): id is SignId {
  return Object.hasOwn(SIGNS, id);
}

export function isGroup(id: string): id is GroupId {
  return Object.hasOwn(GROUPS, id);
}

/** Whether an id is one the screening asks (a stored session may hold one it no longer does). */
export function isQuestion(id: string): id is ScreeningQuestion {
  return isGroup(id) || Object.hasOwn(SIGNS, id);
}

export function tierOf(id: string): Tier | undefined {
  if (Object.hasOwn(SIGNS, id)) return SIGNS[id as SignId];
  if (isGroup(id)) return SIGNS[GROUPS[id][0]];
  return undefined;
}

/**
 * The signs a full screening must have answered for a tier, the surgery kinds aside (asked only after a
 * "yes"): what the combined questions name.
 */
export function questionIds(tier: Tier): SignId[] {
  return (Object.keys(SIGNS) as SignId[]).filter((id) => SIGNS[id] === tier && !SURGERY_KINDS.includes(id));
}

/** "Not sure" counts as yes, in every tier (design choice for B and C: when unsure, be careful). */
export function positive(answer: Answer | undefined): boolean {
  return answer === 'yes' || answer === 'unsure';
}

/** A doctor has checked this answer since it was given. */
export function isCleared(screening: Screening, id: string): boolean {
  const cleared = screening.cleared?.[id];
  const given = screening.answeredAt?.[id] ?? screening.at;
  return cleared !== undefined && Date.parse(cleared) >= Date.parse(given);
}

/** The single questions a combined one expands into for this person: cleared stable traits are not asked again. */
export function partsOf(group: GroupId, screening: Screening | undefined): SignId[] {
  return GROUPS[group].filter((id) => !(STABLE.has(id) && screening && positive(screening.answers[id]) && isCleared(screening, id)));
}

/** The questions of a screening run: the combined tier A question, then the B and C ones when full. */
export function screeningQueue(full: boolean, screening?: Screening): GroupId[] {
  return full ? [EVERY_SESSION, ...FULL.filter((g) => partsOf(g, screening).length > 0)] : [EVERY_SESSION];
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
  return questionIds('B').filter((id) => positive(screening.answers[id]) && !isCleared(screening, id));
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

