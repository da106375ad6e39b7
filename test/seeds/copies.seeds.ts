import { describeNoCopies, routineById } from '../routines/content.js';

/**
 * Checks of the routines against the source documents in ../shared/seeds (beside the repository). They need
 * those files, so they are not part of `npm test`: `npm run test:seeds` runs them, and .ci/run does when the
 * folder is there. Every routine written from a seed names it; a composed routine is checked against the
 * seeds of the routines it borrows from.
 */
const COPIED: Record<string, string> = {
  'spinal-love': 'Go ahead and do 10 repetitions of the pelvic tilt now.',
  'sacral-traction': 'Relax your legs and hips as fully as possible, please.',
  'low-back-release': 'Lift your hips only 1 to 2 inches off the floor and let them drop.',
  'gentle-yoga-release': 'Bring the feet down to the floor about hips width apart.',
  'five-moves': 'Put a strap or a belt across the ball of your right foot.',
  'back-break': 'Lift your knees, perform some gentle torso twists, and shake out your legs.',
};
const MIN_SEED_RUNS: Record<string, number> = { 'gentle-yoga-release': 3000, 'sacral-traction': 400 };
/** back-break is composed from moves of these routines. */
const BORROWS_FROM: Record<string, string[]> = { 'back-break': ['spinal-love', 'five-moves', 'sacral-traction'] };

for (const [id, copied] of Object.entries(COPIED)) {
  describe(`routine ${id} against its source documents`, () => {
    const routine = routineById(id);
    const seeds = routine.source.seed ? [routine.source.seed] : (BORROWS_FROM[id] ?? []).map((r) => routineById(r).source.seed!);
    describeNoCopies(routine, { seeds, copied, minSeedRuns: MIN_SEED_RUNS[id] ?? 500 });
  });
}
