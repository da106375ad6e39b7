import { expect } from 'chai';
import { personIdOf } from '../../../src/adapters/web/person.js';
import { check, loadScripts, screenedProfile } from '../../scripts/script.js';
import { Browser, speech, startWeb } from './harness.js';

/** The shared conversation scripts, typed into the web coach's text box: the same API the page calls. */
describe('conversation scripts through the web', () => {
  const scripts = loadScripts();

  for (const script of scripts) {
    it(`${script.file}: ${script.name}`, async () => {
      const now = new Date('2026-11-21T15:00:00Z');
      const web = await startWeb({ now });
      try {
        const b = new Browser(web.base);
        await b.request('/api/coach');
        if (script.screened) await web.store.saveProfile(personIdOf(b.cookie.split('=')[1]!), screenedProfile(now, script.locale), null);
        let expectNext = 'routine';
        for (const [i, turn] of script.turns.entries()) {
          // A new visit: the page opens the conversation as it does on load.
          if (script.newSessionBefore.includes(i)) expectNext = (await b.turn({ intent: { type: 'launch' }, locale: script.locale })).reply.expect;
          const r = await b.turn({ text: turn.say, expect: expectNext, locale: script.locale });
          expectNext = r.reply.end ? 'routine' : r.reply.expect;
          const failures = check(turn.expect, {
            moment: r.reply.moment,
            speech: speech(r),
            choices: r.reply.choices.map((c) => c.label),
            end: r.reply.end,
          });
          expect(failures, `turn ${i} "${turn.say}": ${speech(r)}`).to.deep.equal([]);
        }
      } finally {
        await web.close();
      }
    });
  }
});
