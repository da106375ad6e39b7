import { expect } from 'chai';
import { createCoachService } from '../../../src/app/service.js';
import { TerminalChat } from '../../../src/adapters/terminal/chat.js';
import { speechText } from '../../../src/core/reply.js';
import { loadUnderstanding } from '../../../src/language/index.js';
import { createLogger } from '../../../src/log.js';
import { loadRoutines } from '../../../src/routines/load.js';
import { MemoryStore } from '../../../src/store/index.js';
import { check, loadScripts, screenedProfile, TYPED_SCRIPTS_DIR } from '../../scripts/script.js';

describe('conversation scripts through the terminal', () => {
  const scripts = [...loadScripts(), ...loadScripts(TYPED_SCRIPTS_DIR).map((s) => ({ ...s, file: `typed/${s.file}` }))];

  it('has scripts to run', () => {
    expect(scripts.length).to.be.greaterThan(3);
  });

  for (const script of scripts) {
    it(`${script.file}: ${script.name}`, async () => {
      const now = new Date('2026-11-21T15:00:00Z');
      const store = new MemoryStore();
      const coach = createCoachService({ store, routines: loadRoutines(), log: createLogger('silent'), now: () => now });
      const personId = 'terminal:script';
      if (script.screened) await store.saveProfile(personId, screenedProfile(now, script.locale), null);
      const transcript: string[] = [];
      const understanding = loadUnderstanding(loadRoutines());
      const open = () => new TerminalChat({ coach, personId, locale: script.locale, write: (t) => transcript.push(t), understanding });
      let chat = open();
      for (const [i, turn] of script.turns.entries()) {
        if (script.newSessionBefore.includes(i)) chat = open();
        if (turn.terminal === 'skip') continue;
        const reply = await chat.line(turn.say);
        if (!reply) throw new Error(`turn ${i} "${turn.say}" failed:\n${transcript.slice(-3).join('\n')}`);
        const failures = check(turn.terminal ?? turn.expect, {
          moment: reply.moment,
          speech: speechText(reply),
          choices: reply.choices.map((c) => c.label),
          end: reply.end,
        });
        expect(failures, `turn ${i} "${turn.say}"\n${transcript.slice(-3).join('\n')}`).to.deep.equal([]);
      }
    });
  }
});
