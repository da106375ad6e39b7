import { expect } from 'chai';
import { copyFor } from '../../src/core/copy/en.js';
import { emergencyContact, regionOf } from '../../src/core/emergency.js';

describe('emergency numbers by region (safety.md section 1)', () => {
  // Every locale Alexa and Slack send, and the regions safety.md names.
  const byLocale: Array<[string, string | undefined]> = [
    ['en-US', '911'], ['es-US', '911'], ['en-CA', '911'], ['fr-CA', '911'], ['es-MX', '911'],
    ['en-GB', '999'], ['en_GB', '999'], ['en-gb', '999'], ['en_GB.UTF-8', '999'],
    ['en-IE', '112'], ['en-AU', '000'], ['en-NZ', '111'], ['en-IN', '112'], ['hi-IN', '112'], ['en-ZA', '10177'],
    ['de-DE', '112'], ['fr-FR', '112'], ['it-IT', '112'], ['es-ES', '112'], ['nl-NL', '112'], ['pl-PL', '112'], ['sv-SE', '112'],
    ['ja-JP', '119'], ['pt-BR', '192'], ['ko-KR', '119'], ['zh-CN', '120'], ['zh-TW', '119'],
  ];
  for (const [locale, number] of byLocale) {
    it(`${locale}: ${number}`, () => expect(emergencyContact(locale).number).to.equal(number));
  }

  it('takes the region from the time zone when the locale names none', () => {
    expect(regionOf('en', 'Europe/London')).to.equal('GB');
    expect(emergencyContact('en', 'Pacific/Auckland').number).to.equal('111');
    expect(emergencyContact('es-419', 'America/Mexico_City').number).to.equal('911');
    expect(emergencyContact('es-LA', 'America/Sao_Paulo').number).to.equal('192');
    expect(emergencyContact('en', 'Asia/Calcutta').number, 'an old alias of Asia/Kolkata').to.equal('112');
    expect(emergencyContact('en', 'US/Pacific').number).to.equal('911');
  });

  it('the locale wins over the time zone (a Briton travelling in New York)', () => {
    expect(emergencyContact('en-GB', 'America/New_York').number).to.equal('999');
  });

  it('an unknown region gets no made-up number', () => {
    expect(emergencyContact('en')).to.deep.equal({});
    expect(emergencyContact('en', 'Etc/UTC')).to.deep.equal({});
    expect(emergencyContact('xx-QQ').number).to.equal(undefined);
    expect(copyFor('en').emergency).to.include('Call your local emergency number now, or 112 from a mobile phone.');
    expect(copyFor('en').emergency).to.not.match(/911/);
  });

  it('the emergency advice says the region\'s number, with the second number where there is one', () => {
    expect(copyFor('en-GB').emergency).to.include('Call 999 now, or go to A and E.');
    expect(copyFor('en-AU').emergency).to.include('Call 000 now.');
    expect(copyFor('en-US').emergency).to.include('Call 911 now.');
    expect(copyFor('en-IE').emergency).to.include('Call 112 or 999 now.');
    expect(copyFor('en-ZA').emergency).to.include('Call 10177 now, or 112 from a mobile.');
    expect(copyFor('en', 'Europe/London').emergency).to.include('Call 999 now, or go to A and E.');
    expect(copyFor('en-GB').urgent).to.include('NHS 111');
    expect(copyFor('en-US').urgent).to.not.include('NHS');
  });

  it('the advice for feeling faint carries the same number', () => {
    expect(copyFor('en-NZ').faintStop).to.include('call 111 now');
    expect(copyFor('en').faintStop).to.include('call your local emergency number now');
  });
});
