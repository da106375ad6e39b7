import { expect } from 'chai';
import { MemoryStore } from '../../../src/store/index.js';
import { check, loadScripts, screenedProfile } from '../../scripts/script.js';
import { checkSsml } from './ssml-check.js';
import { device, personOf, say, sentSsml, startServer } from './harness.js';

/**
 * Every conversation script in test/scripts through Alexa: each `say` is spoken to a virtual Echo, resolved
 * through our interaction model and posted to the real server. On an Echo Show the screen shows the choices
 * and the moment, so the whole expectation is checked; on a voice-only Echo, what is heard and whether the
 * session ends. Every SSML document sent is parsed and held to Alexa's limits.
 */
describe('conversation scripts through Alexa', () => {
  const scripts = loadScripts();

  it('has scripts to run', () => {
    expect(scripts.length).to.be.greaterThan(0);
  });

  for (const script of scripts) {
    for (const apl of [true, false]) {
      it(`${script.file} (${apl ? 'Echo Show' : 'voice only'}): ${script.name}`, async () => {
        const now = new Date('2026-11-21T15:00:00Z');
        const store = new MemoryStore();
        const running = await startServer({ verify: false }, { store, now: () => now });
        try {
          const alexa = device(running.url, { apl, locale: script.locale });
          if (script.screened) await store.saveProfile(personOf(alexa), screenedProfile(now, script.locale), null);
          const transcript: string[] = [];
          for (const [i, turn] of script.turns.entries()) {
            if (script.newSessionBefore.includes(i)) await alexa.endSession();
            const seen = await say(alexa, turn.say);
            transcript.push(`> ${turn.say}`, `< ${seen.speech}`);
            const expectation = apl ? turn.expect : { ...turn.expect, offers: [] };
            const failures = check(expectation, seen);
            expect(failures, `turn ${i} "${turn.say}"\n${transcript.slice(-6).join('\n')}`).to.deep.equal([]);
          }
        } finally {
          await running.close();
        }
      });
    }
  }

  after(() => {
    // Printed once, for the record: how close the scripts come to Alexa's limits.
    if (sentSsml.length === 0) return;
    const facts = sentSsml.map((s) => checkSsml(s).facts);
    const chars = Math.max(...facts.map((f) => f.chars));
    const longestBreak = Math.max(0, ...facts.flatMap((f) => f.breaks));
    console.log(`      alexa: ${sentSsml.length} SSML documents, largest ${chars} characters, longest break ${longestBreak} s`);
  });
});
