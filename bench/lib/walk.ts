import type { CoachPort, Surface } from '../../src/app/turn.js';
import type { Intent } from '../../src/core/intents.js';
import type { Reply } from '../../src/core/reply.js';

/**
 * A person walked into the middle of a routine, the state every steady-state bench turn starts from: a start,
 * "no" to each screening question, "yes" to the equipment and prerequisite questions, a pain score, until the
 * coach shows a step. From there the bench alternates next and back, so the person stays between steps 1 and 2.
 */
export const BENCH_ROUTINE = 'five-moves';
const MAX_TURNS = 80;

/** The answer a careful person without red flags gives to what the coach asks. */
export function answerTo(reply: Pick<Reply, 'moment' | 'expect'>): Intent {
  if (reply.expect === 'painScore') return { type: 'painScore', score: 3 };
  if (reply.moment === 'screening') return { type: 'no' };
  return { type: 'yes' };
}

/** Steady-state turn i: next on even turns, back on odd ones. */
export function steadyIntent(i: number): Intent {
  return i % 2 === 0 ? { type: 'next' } : { type: 'back' };
}

export async function walkIntoRoutine(coach: CoachPort, personId: string, surface: Surface): Promise<void> {
  let result = await coach.handle({ personId, surface, intent: { type: 'start', routine: BENCH_ROUTINE } });
  for (let turn = 0; turn < MAX_TURNS; turn++) {
    if (result.reply.moment === 'step') return;
    result = await coach.handle({ personId, surface, intent: answerTo(result.reply) });
  }
  throw new Error(`bench: ${personId} did not reach a step of ${BENCH_ROUTINE} in ${MAX_TURNS} turns (last: ${result.reply.moment})`);
}
