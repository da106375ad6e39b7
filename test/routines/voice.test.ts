import { expect } from 'chai';
import type { Step } from '../../src/core/routine.js';
import { countSaidTwice, countsSaid, longSecondsSaid, opensWithBareBodyPart, repeatedSentences, saysAfterCue } from './voice.js';

// The voice checks themselves: each one fails on the words that made it necessary.
describe("the coach's voice checks (each can fail)", () => {
  it('finds sentences that open with a bare body part, and passes sentences that speak to the person', () => {
    for (const bare of ['Knees draw in toward your chest.', 'Hands cup your knees.', 'Right knee bends.', 'Lower belly draws in.', 'Then the left heel stretches down.']) {
      expect(opensWithBareBodyPart(bare), bare).to.equal(true);
    }
    for (const ours of ['Draw your knees in and hold them with your hands.', 'Your right leg stays long.', 'Slowly, let them drop.', 'Keep the left leg long.']) {
      expect(opensWithBareBodyPart(ours), ours).to.equal(false);
    }
  });

  it('finds what belongs after a hold: afterwards, come out, roll back up', () => {
    for (const after of ['Afterwards, lay your right leg down beside the left.', 'Roll slowly back up to standing.', 'To come out, bring one knee up at a time.']) {
      expect(saysAfterCue(after), after).to.equal(true);
    }
    expect(saysAfterCue('Roll down slowly, one bone at a time.')).to.equal(false);
  });

  it('finds a count said in the words as well as by the hold', () => {
    expect(countsSaid('Keep going with your breath, ten times each way.')).to.deep.equal([10]);
    expect(countsSaid('Do this twice.')).to.deep.equal([2]);
    expect(countsSaid('Stay for three more breaths.')).to.deep.equal([3]);
    expect(countsSaid('Lift your hips one or two inches.')).to.deep.equal([]);
    const step = { instructions: ['Ten times each way.'], cues: [], release: [], hold: { unit: 'reps', count: 10 } } as unknown as Step;
    expect(countSaidTwice(step)).to.deep.equal(['Ten times each way.']);
  });

  it('finds a hold over a minute said in seconds', () => {
    expect(longSecondsSaid('Hold for 300 seconds.')).to.deep.equal(['300 seconds']);
    expect(longSecondsSaid('Hold for 30 seconds.')).to.deep.equal([]);
  });

  it('finds a caution said twice in other words', () => {
    const pairs = repeatedSentences(['Stop if your back pain grows. Never lower so far that your low back lifts.'], ['Stop if your back pain increases.']);
    expect(pairs).to.deep.equal([['Stop if your back pain grows.', 'Stop if your back pain increases.']]);
    expect(repeatedSentences(['Go only as low as you can keep that seatbelt.'], ['Stop if your back pain increases.'])).to.deep.equal([]);
  });
});
