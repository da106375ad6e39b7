import { expect } from 'chai';
import { step } from '../../src/core/coach.js';
import type { Intent } from '../../src/core/intents.js';
import { speechText } from '../../src/core/reply.js';
import { loadRoutines } from '../../src/routines/load.js';
import { screenedProfile } from '../scripts/script.js';

const routines = loadRoutines();
const NOW = new Date('2026-11-21T15:00:00Z');

function run(intents: Intent[]) {
  const profile = screenedProfile(NOW);
  let session;
  let result;
  for (const intent of intents) {
    result = step(session, intent, { now: NOW, routines, profile, history: [] });
    session = result.session;
  }
  return result!;
}

const onFirstStep: Intent[] = [{ type: 'start', routine: 'five-moves' }, { type: 'no' }, { type: 'yes' }, { type: 'skip' }];

describe('stop rules keep their wording when asked again', () => {
  it('after sharp pain, a misheard answer re-asks with the stop advice, never "a mild stretch is fine"', () => {
    const result = run([...onFirstStep, { type: 'hurts', kind: 'sharp' }, { type: 'unknown', text: 'hmm' }]);
    expect(result.reply.moment).to.equal('hurtChoice');
    expect(speechText(result.reply)).to.include('Stop this exercise now');
    expect(speechText(result.reply)).to.not.include('mild stretch is fine');
  });

  it('after a mild stretch, a misheard answer re-asks the mild choice', () => {
    const result = run([...onFirstStep, { type: 'hurts', kind: 'mild' }, { type: 'unknown', text: 'hmm' }]);
    expect(speechText(result.reply)).to.include('mild stretch is fine');
  });

  it('a timer for the step on screen advances it; the same key after the step moved on is stale', () => {
    const onStep = run(onFirstStep);
    const key = onStep.reply.hold!.stepKey;
    const profile = screenedProfile(NOW);
    const ctx = { now: NOW, routines, profile, history: [] };
    const advanced = step(onStep.session, { type: 'timerElapsed', stepKey: key }, ctx);
    expect(advanced.stale).to.equal(false);
    expect(advanced.reply.display.position?.index).to.equal(2);
    const late = step(advanced.session, { type: 'timerElapsed', stepKey: key }, ctx);
    expect(late.stale).to.equal(true);
    expect(late.session).to.deep.equal(advanced.session);
  });
});
