import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { TerminalChat } from '../../src/adapters/terminal/chat.js';
import { createCoachService } from '../../src/app/service.js';
import type { Store } from '../../src/app/store.js';
import type { Reply } from '../../src/core/reply.js';
import { loadUnderstanding } from '../../src/language/index.js';
import { createLogger } from '../../src/log.js';
import { loadRoutines } from '../../src/routines/load.js';
import { openStore } from '../../src/store/index.js';

/**
 * "Forget me" on the embedded SQLite default removes a person physically (issue 16): after the erase, neither
 * the database file nor its WAL holds their id, their screening answers or their pain scores, as bytes.
 */
describe('SQLite: an erased person cannot be read from the file', () => {
  const routines = loadRoutines();
  const dir = mkdtempSync(join(tmpdir(), 'bb-erase-'));
  const file = join(dir, 'bb.db');
  const person = 'terminal:ErasedPersonMarker7Q';
  let store: Store;
  after(() => store?.close());

  function bytes(): string {
    return ['', '-wal'].map((s) => (existsSync(file + s) ? readFileSync(file + s).toString('latin1') : '')).join('');
  }

  it('holds nothing of them in the file or the WAL after "forget me"', async () => {
    store = await openStore(`sqlite:${file}`, { log: createLogger('silent') });
    const coach = createCoachService({ store, routines, log: createLogger('silent'), now: () => new Date('2026-11-23T09:00:00Z') });
    const chat = new TerminalChat({ coach, personId: person, locale: 'en-US', write: () => {}, understanding: loadUnderstanding(routines) });
    let reply: Reply | undefined = await chat.line('start the back break');
    for (let i = 0; reply?.moment === 'screening' && i < 6; i++) reply = await chat.line('no');
    if (reply?.moment === 'equipment') reply = await chat.line('yes');
    expect(reply?.moment).to.equal('painBefore');
    reply = await chat.line('7');
    expect(reply?.moment).to.equal('step');
    // Before the erase the person is there, as a check that the search below can find them.
    expect(bytes()).to.include(person).and.to.include('painBefore').and.to.include('screening');
    expect((await chat.line('forget me'))?.moment).to.equal('forget');
    await chat.line('yes');
    expect(await store.getProfile(person)).to.equal(undefined);
    const left = bytes();
    expect(left).to.not.include(person);
    expect(left).to.not.include('painBefore');
    expect(left).to.not.include('"screening"');
  });
});
