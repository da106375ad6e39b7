import { equipmentIds } from './catalogue.js';
import type { Draft } from './draft.js';
import { itemsLeft, walk } from './run.js';
import type { In } from './session.js';
import type { Again } from './table.js';

/**
 * "I don't have a strap", said during a routine: a side remark, not a new choice of routine. The routine goes
 * on: with the substitute the routine names ("a belt or a towel works"), or without the moves that need what
 * has none (they are left out for this run). It used to drop the routine and ask the emergency question again.
 */
export function withoutEquipment(d: Draft, s: In<'step'>, without: readonly string[]): In<'step' | 'painAfter' | 'choosing'> | Again {
  const routine = d.routine(s.run.routineId);
  const ids = new Set(equipmentIds(without));
  const missing = routine?.equipment.filter((e) => ids.has(e.id)) ?? [];
  if (!routine || missing.length === 0) {
    d.say(d.copy.equipmentNotUsed);
    return { again: s, brief: true };
  }
  let run = s.run;
  for (const piece of missing) {
    if (piece.substitutes.length > 0) {
      d.say(d.copy.equipmentSubstitute(piece.name, piece.substitutes));
      continue;
    }
    const needing = new Set(routine.steps.filter((st) => st.equipment.includes(piece.id)).map((st) => st.id));
    const out = run.items.flatMap((item, i) => (i >= run.index && needing.has(item.stepId) ? [i] : []));
    d.say(d.copy.equipmentLeftOut(piece.name, out.length > 0));
    run = { ...run, leftOut: [...new Set([...run.leftOut, ...out])] };
  }
  if (run === s.run) return { again: s, brief: true };
  if (!itemsLeft(run)) {
    // Every move left needs it (the roller routine without a roller): another routine, not an empty finish.
    d.say(d.copy.equipmentNoneLeft);
    return { moment: 'choosing' };
  }
  // The current move needed it: on to the next one the person can do.
  return run.leftOut.includes(run.index) ? walk(d, run) : { again: { ...s, run }, brief: true };
}
