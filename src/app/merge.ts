import { localDay } from '../core/calendar.js';
import { type LeftOutToday, Profile, type Screening } from '../core/profile.js';
import { isCleared, positive, tierOf } from '../core/screening.js';
import { runOf, splitSession, type Session } from '../core/session.js';

/**
 * How two people become one when their identities are linked (safety first): histories are simply joined by the
 * store; here the profile and the session. The newest answer to each screening question is kept, except that a
 * tier A or B answer that is positive and not cleared by a doctor is never lifted by the other side's answer,
 * and a block of today's exercise on either side stays.
 */

const time = (iso: string | undefined): number => (iso === undefined ? -Infinity : Date.parse(iso));

interface Side {
  screening: Screening;
  /** When the answer was given (ISO). */
  given: string;
}

/** A tier A or B answer that keeps a person from exercising until a doctor clears it. */
function holdsBack(side: Side, id: string): boolean {
  const tier = tierOf(id);
  return (tier === 'A' || tier === 'B') && positive(side.screening.answers[id]) && !isCleared(side.screening, id);
}

export function mergeScreening(into: Screening | undefined, from: Screening | undefined): Screening | undefined {
  if (!into || !from) return into ?? from;
  const answers: Screening['answers'] = {};
  const answeredAt: Record<string, string> = {};
  const cleared: Record<string, string> = {};
  const ids = new Set([...Object.keys(into.answers), ...Object.keys(from.answers)]);
  for (const id of [...ids].sort()) {
    const sides: Side[] = [into, from]
      .filter((s) => s.answers[id] !== undefined)
      .map((s) => ({ screening: s, given: s.answeredAt?.[id] ?? s.at }));
    // Newest first; on a tie the more careful answer (a positive one) first.
    sides.sort((a, b) => time(b.given) - time(a.given) || Number(positive(b.screening.answers[id])) - Number(positive(a.screening.answers[id])));
    const chosen = sides.find((s) => holdsBack(s, id)) ?? sides[0]!;
    answers[id] = chosen.screening.answers[id]!;
    answeredAt[id] = chosen.given;
    // A clearance goes only with the answer it cleared.
    const clearance = chosen.screening.cleared?.[id];
    if (clearance !== undefined) cleared[id] = clearance;
  }
  return {
    answers,
    at: time(into.at) >= time(from.at) ? into.at : from.at,
    answeredAt,
    ...(Object.keys(cleared).length ? { cleared } : {}),
  };
}

/** Today's left-out moves and techniques from both (an older day's list is stale: the later day's is kept). */
export function mergeLeftOut(a: LeftOutToday | undefined, b: LeftOutToday | undefined): LeftOutToday | undefined {
  if (!a || !b) return a ?? b;
  if (a.day !== b.day) return a.day > b.day ? a : b;
  const techniques = [...a.techniques, ...b.techniques].filter(
    (t, i, all) => all.findIndex((u) => u.tag === t.tag && u.side === t.side) === i,
  );
  return { day: a.day, steps: [...new Set([...a.steps, ...b.steps])], techniques };
}

export function mergeProfiles(into: Profile, from: Profile): Profile {
  const surfaces: Profile['surfaces'] = { ...from.surfaces };
  for (const [surface, data] of Object.entries(into.surfaces)) surfaces[surface] = { ...surfaces[surface], ...data };
  const screening = mergeScreening(into.screening, from.screening);
  const leftOutToday = mergeLeftOut(into.leftOutToday, from.leftOutToday);
  return Profile.parse({
    ...into,
    timeZone: into.timeZone ?? from.timeZone,
    createdAt: time(from.createdAt) < time(into.createdAt) ? from.createdAt : into.createdAt,
    greeted: into.greeted || from.greeted,
    ...(screening ? { screening } : {}),
    prefs: { ...into.prefs, comfortableWithStretches: into.prefs.comfortableWithStretches || from.prefs.comfortableWithStretches },
    flaredSteps: [...new Set([...into.flaredSteps, ...from.flaredSteps])],
    ...(leftOutToday ? { leftOutToday } : {}),
    surfaces,
  });
}

/**
 * One session from two: the one with a routine under way (the joining person's own first), its left-out moves
 * joined with the other's, today's strongest block from either, and a turn past both so a button drawn on
 * either side before the link is stale.
 */
export function mergeSessions(into: Session | undefined, from: Session | undefined, now: Date, timeZone: string | undefined): Session | undefined {
  if (!into || !from) return into ?? from;
  const base = runOf(into) ? into : runOf(from) ? from : into;
  const otherRun = runOf(base === into ? from : into);
  let merged: Session = { ...base, turn: Math.max(into.turn, from.turn) + 1, screenFull: into.screenFull || from.screenFull };
  if ('run' in merged && merged.run && otherRun) merged = { ...merged, run: { ...merged.run, avoid: [...new Set([...merged.run.avoid, ...otherRun.avoid])] } };
  const today = localDay(now, timeZone);
  const blocks = [into.blocked, from.blocked].filter((b): b is NonNullable<Session['blocked']> => b?.day === today);
  const strongest = blocks.find((b) => b.tier === 'A') ?? blocks[0];
  if (strongest && !(merged.blocked?.day === today && (merged.blocked.tier === 'A' || strongest.tier === 'B'))) {
    // No exercise today: the session rests in the block's moment (the routine under way goes, as a block ends it).
    const { common } = splitSession(merged);
    merged = { ...common, blocked: strongest, moment: strongest.tier === 'A' ? 'emergency' : 'urgent' };
  }
  return merged;
}
