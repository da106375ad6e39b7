import { expect } from 'chai';
import { systemLocale } from '../../../src/adapters/terminal/system.js';

describe('terminal: the system locale', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG, as setlocale does', () => {
    expect(systemLocale({ LANG: 'en_GB.UTF-8' })).to.equal('en-GB');
    expect(systemLocale({ LC_ALL: 'en_NZ.utf8', LANG: 'en_US.UTF-8' })).to.equal('en-NZ');
    expect(systemLocale({ LC_MESSAGES: 'de_DE@euro', LANG: 'en_US' })).to.equal('de-DE');
    expect(systemLocale({ LC_ALL: '', LANG: 'en_IE.UTF-8' })).to.equal('en-IE');
  });

  it('C, POSIX or nothing names no locale', () => {
    expect(systemLocale({ LANG: 'C.UTF-8' })).to.equal(undefined);
    expect(systemLocale({ LC_ALL: 'POSIX' })).to.equal(undefined);
    expect(systemLocale({})).to.equal(undefined);
  });
});
