import { expect } from 'chai';
import { copyFor } from '../../src/core/copy/en.js';
import { loadRoutines } from '../../src/routines/load.js';

// The words the coach says about a hold: over a minute, minutes ("Hold for 300 seconds" was said).
describe('copy: hold text', () => {
  const copy = copyFor('en-US');

  it('says a hold over a minute in minutes, never in seconds', () => {
    expect(copy.holdText(300, 'seconds')).to.equal('5 minutes');
    expect(copy.holdText(120, 'seconds')).to.equal('2 minutes');
    expect(copy.holdText(90, 'seconds')).to.equal('a minute and a half');
    expect(copy.holdText(150, 'seconds')).to.equal('2 and a half minutes');
    expect(copy.holdText(100, 'seconds')).to.equal('about a minute and a half');
    expect(copy.holdText(110, 'seconds')).to.equal('about 2 minutes');
    expect(copy.holdText(65, 'seconds')).to.equal('about 1 minute');
    for (let s = 61; s <= 1200; s++) expect(copy.holdText(s, 'seconds'), `${s} s`).to.match(/minute/).and.not.match(/second/);
  });

  it('says a minute or less in seconds, breaths as they are, and once and twice in words (not "Do it 1 time")', () => {
    expect(copy.holdText(60, 'seconds')).to.equal('60 seconds');
    expect(copy.holdText(1, 'seconds')).to.equal('1 second');
    expect(copy.holdText(10, 'breaths')).to.equal('10 breaths');
    expect(copy.doIt(copy.holdText(1, 'reps'))).to.equal('Do it once.');
    expect(copy.doIt(copy.holdText(2, 'reps'))).to.equal('Do it twice.');
    expect(copy.holdText(3, 'reps')).to.equal('3 times');
  });

  it('says every hold of every routine without a count of seconds over 60', () => {
    for (const r of loadRoutines()) {
      for (const s of r.steps) {
        for (const hold of [s.hold, s.easier?.hold, s.deeper?.hold]) {
          if (!hold) continue;
          const said = copy.hold(copy.holdText(hold.count, hold.unit));
          const seconds = [...said.matchAll(/(\d+) seconds/g)].map((m) => Number(m[1]));
          expect(seconds.filter((n) => n > 60), `${r.id}/${s.id}: ${said}`).to.deep.equal([]);
        }
      }
    }
  });
});
