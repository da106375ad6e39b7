import { expect } from 'chai';
import { copyFor } from '../../src/core/copy/en.js';

/** The copy is made once per locale and zone (not on every turn), and stays the right one for each. */
describe('copy: made once per locale and zone', () => {
  it('gives the same words object for the same locale and zone, frozen so no turn can change it', () => {
    const a = copyFor('en-GB', 'Europe/London');
    expect(copyFor('en-GB', 'Europe/London')).to.equal(a);
    expect(Object.isFrozen(a)).to.equal(true);
  });

  it('keeps locales and zones apart: the emergency number follows each', () => {
    const us = copyFor('en-US');
    const gb = copyFor('en-GB');
    expect(us).to.not.equal(gb);
    expect(us.locale).to.equal('en-US');
    expect(gb.locale).to.equal('en-GB');
    expect(copyFor('en-US', 'Europe/London')).to.not.equal(us);
  });

  it('still answers after more pairs than it keeps', () => {
    for (let i = 0; i < 2100; i++) copyFor(`en-US`, `Zone/${i}`);
    expect(copyFor('en-GB', 'Europe/London').locale).to.equal('en-GB');
  });
});
