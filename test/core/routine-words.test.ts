import { expect } from 'chai';
import type { Intent } from '../../src/core/intents.js';
import { runOf } from '../../src/core/session.js';
import { begin, converse, DAY, easier, finished, help, next, pause, resume, routines } from './harness.js';

/**
 * A routine's own cautions ("a stretchy, curious feeling, never a sharp one"; "for mild discomfort only") were
 * read nowhere: each is now said once, when the routine starts, and not again on the way (issue 12).
 */
describe('coach: a routine cautions, said once at its start', () => {
  for (const routine of routines) {
    it(`${routine.id}: each of its ${routine.cautions.length} cautions is heard once, a pause and resume do not repeat them`, () => {
      // Sacral traction is offered only after another routine has been done.
      const c = converse([...begin(routine.id, 3), next, pause, resume, next], { history: [finished(2 * DAY, { settled: true })] });
      expect(routine.cautions.length).to.be.greaterThan(0);
      const heard = c.turns.map((t) => t.speech).join(' ');
      for (const caution of routine.cautions) {
        expect(heard.split(caution).length - 1, `"${caution}" in ${routine.id}`).to.equal(1);
      }
    });
  }
});

describe('coach: "easier" holds for the whole step', () => {
  it('the bridge made easier on the right stays easier on the left, and the next step is as written', () => {
    const toBridge = Array.from({ length: 10 }, () => next);
    const c = converse([...begin('five-moves', 3), ...toBridge, easier, next, next], { history: [finished(2 * DAY, { settled: true })] });
    const said = c.turns.slice(-3).map((t) => t.speech);
    expect(said[0]).to.include('lift just your right leg');
    expect(said[1]).to.include('Pelvis stability bridge, left side').and.to.include('lift just your left leg');
    expect(said[1]).to.not.include('raise your left leg and right arm');
    expect(said[2]).to.include('30/60/90 legs').and.to.not.include('Slide your hands under your hips');
  });
});

describe('coach: "help" in a step is brief', () => {
  it('says what can be said now and "next when ready", without reading the step out again', () => {
    const c = converse([...begin('back-break', 3), help], { history: [finished(2 * DAY, { settled: true })] });
    expect(c.reply.moment).to.equal('step');
    expect(c.speech).to.include('say next, back, repeat, skip, easier, pause, or stop');
    expect(c.speech).to.include("when you're ready");
    expect(c.speech).to.not.include('Step 1 of 6');
    expect(c.speech).to.not.include('Do it 10 times');
    expect(c.reply.hold, 'the hold under way is not started again').to.equal(undefined);
  });
});

describe('coach: a side remark about equipment during a routine keeps the routine', () => {
  const world = { history: [finished(2 * DAY, { settled: true })] };
  const without = (what: string): Intent => ({ type: 'recommend', without: [what] });

  it('"I don\'t have a strap" in five moves: the substitutes, and the same step (it used to drop the routine and screen again)', () => {
    const c = converse([...begin('five-moves', 3), next, next, next, without('strap')], world);
    expect(c.reply.moment).to.equal('step');
    expect(c.speech).to.include('No strap? A belt or a towel will do just as well.');
    expect(c.speech).to.not.include('safety check');
    expect(runOf(c.session)?.routineId).to.equal('five-moves');
    expect(runOf(c.session)?.index).to.equal(3);
  });

  it('no foam roller in sacral traction: the moves that need one are left out, the others go on', () => {
    const c = converse([...begin('sacral-traction', 3), without('foam roller'), ...Array.from({ length: 12 }, () => next)], world);
    const said = c.turns.map((t) => t.speech).join(' ');
    expect(said).to.include("No foam roller, so I'll leave out the moves that need one.");
    const roller = new Set(routines.find((r) => r.id === 'sacral-traction')!.steps.filter((s) => s.equipment.includes('foam-roller')).map((s) => s.id));
    const presented = c.turns.slice(5).filter((t) => t.result.reply.moment === 'step').map((t) => runOf(t.result.session)!.items[runOf(t.result.session)!.index]!.stepId);
    expect(presented.length).to.be.greaterThan(0);
    expect(presented.filter((id) => roller.has(id))).to.deep.equal([]);
  });

  it('no foam roller in the roller routine: every move needs one, so another routine, not an empty finish', () => {
    const c = converse([...begin('spinal-love', 3), without('roller')], world);
    expect(c.reply.moment).to.equal('choosing');
    expect(c.speech).to.include("Every move left in this routine needs one, so let's pick another.");
    expect(c.all.filter((e) => e.type === 'recordHistory')).to.deep.equal([]);
  });
});
