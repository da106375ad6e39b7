import { expect } from 'chai';
import { createCoachService } from '../../../src/app/service.js';
import type { CoachPort } from '../../../src/app/turn.js';
import { TerminalChat } from '../../../src/adapters/terminal/chat.js';
import { loadUnderstanding } from '../../../src/language/index.js';
import { createLogger } from '../../../src/log.js';
import { loadRoutines } from '../../../src/routines/load.js';
import { MemoryStore } from '../../../src/store/index.js';

describe('terminal chat', () => {
  it('a failed turn is apologised for and the next line works', async () => {
    const real = createCoachService({ store: new MemoryStore(), routines: loadRoutines(), log: createLogger('silent') });
    let failNext = true;
    const flaky: CoachPort = {
      ...real,
      handle: (request) => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('database went away'));
        }
        return real.handle(request);
      },
      setSurfaceData: real.setSurfaceData.bind(real),
      getProfile: real.getProfile.bind(real),
      history: real.history.bind(real),
    };
    const out: string[] = [];
    const errors: unknown[] = [];
    const chat = new TerminalChat({ coach: flaky, personId: 'terminal:flaky', write: (t) => out.push(t), onError: (e) => errors.push(e), understanding: loadUnderstanding(loadRoutines()) });
    expect(await chat.line('list routines')).to.equal(undefined);
    expect(out.at(-1)).to.match(/something went wrong/);
    expect(errors).to.have.length(1);
    const reply = await chat.line('list routines');
    expect(reply?.speech.length).to.be.greaterThan(0);
    expect(out.join('\n')).to.include('Five moves');
  });

  it('after the coach ends a conversation, the next line is read as a routine to start', async () => {
    const coach = createCoachService({ store: new MemoryStore(), routines: loadRoutines(), log: createLogger('silent') });
    const chat = new TerminalChat({ coach, personId: 'terminal:ended', write: () => {}, understanding: loadUnderstanding(loadRoutines()) });
    const bye = await chat.line('stop');
    expect(bye?.end).to.equal(true);
    const again = await chat.line('five moves');
    expect(again?.moment).to.equal('screening');
  });
});
