import { expect } from 'chai';
import { HoldTimers, type HoldTimer } from '../../../src/adapters/slack/handsFree.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('slack hands-free timers', () => {
  it('fires once when the hold ends, with the step key and turn it was armed for', async () => {
    const fired: HoldTimer[] = [];
    const timers = new HoldTimers((h) => fired.push(h), { graceSeconds: 0 });
    expect(timers.arm({ personId: 'p', stepKey: 'r:0:1', turn: 1 }, 0.03)).to.equal(true);
    expect(timers.size).to.equal(1);
    await sleep(80);
    expect(fired).to.deep.equal([{ personId: 'p', stepKey: 'r:0:1', turn: 1 }]);
    expect(timers.size).to.equal(0);
    timers.close();
  });

  it('a new step replaces the person\'s timer; cancel and close clear them', async () => {
    const fired: string[] = [];
    const timers = new HoldTimers((h) => fired.push(h.stepKey), { graceSeconds: 0 });
    timers.arm({ personId: 'p', stepKey: 'old', turn: 1 }, 0.03);
    timers.arm({ personId: 'p', stepKey: 'new', turn: 2 }, 0.05);
    timers.arm({ personId: 'q', stepKey: 'q1', turn: 1 }, 0.03);
    timers.cancel('q');
    expect(timers.size).to.equal(1);
    await sleep(100);
    expect(fired).to.deep.equal(['new']);

    timers.arm({ personId: 'p', stepKey: 'late', turn: 3 }, 0.03);
    timers.close();
    expect(timers.size).to.equal(0);
    await sleep(60);
    expect(fired).to.deep.equal(['new']);
    // Closed: nothing more is armed.
    expect(timers.arm({ personId: 'p', stepKey: 'after', turn: 4 }, 0.01)).to.equal(false);
  });

  it('is bounded in number and length, and never keeps the process alive', () => {
    const timers = new HoldTimers(() => undefined, { max: 2, maxSeconds: 60 });
    expect(timers.arm({ personId: 'a', stepKey: 'k', turn: 1 }, 30)).to.equal(true);
    expect(timers.arm({ personId: 'b', stepKey: 'k', turn: 1 }, 3600)).to.equal(true);
    expect(timers.arm({ personId: 'c', stepKey: 'k', turn: 1 }, 30)).to.equal(false);
    expect(timers.arm({ personId: 'd', stepKey: 'k', turn: 1 }, Number.NaN)).to.equal(false);
    expect(timers.arm({ personId: 'd', stepKey: 'k', turn: 1 }, -1)).to.equal(false);
    // Re-arming someone already waiting does not count twice.
    expect(timers.arm({ personId: 'a', stepKey: 'k2', turn: 2 }, 30)).to.equal(true);
    expect(timers.size).to.equal(2);
    const handles = (timers as unknown as { timers: Map<string, { timer: NodeJS.Timeout }> }).timers;
    for (const { timer } of handles.values()) expect(timer.hasRef()).to.equal(false);
    timers.close();
  });
});
