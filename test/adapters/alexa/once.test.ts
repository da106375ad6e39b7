import './quiet-aws.js';
import { expect } from 'chai';
import { MemoryStore } from '../../../src/store/memory.js';
import { intentRequest, launchRequest, USER_ID } from './envelopes.js';
import { type Running, startServer } from './harness.js';

function post(url: string, body: string) {
  return fetch(`${url}/alexa`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

async function turnOf(store: MemoryStore): Promise<number> {
  const state = await store.loadTurn(`alexa:${USER_ID}`, 1);
  return (state.session?.value as { turn: number } | undefined)?.turn ?? 0;
}

describe('alexa: a repeated requestId is applied once (verification off)', () => {
  let running: Running | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('the same envelope sent twice moves the session one turn, and both get an answer', async () => {
    const store = new MemoryStore();
    running = await startServer({ verify: false }, { store });
    expect((await post(running.url, JSON.stringify(launchRequest()))).status).to.equal(200);
    const before = await turnOf(store);
    const help = JSON.stringify(intentRequest('AMAZON.HelpIntent'));
    const first = await post(running.url, help);
    expect(first.status).to.equal(200);
    const afterFirst = await turnOf(store);
    expect(afterFirst).to.equal(before + 1);
    const again = await post(running.url, help);
    expect(again.status).to.equal(200);
    const body = (await again.json()) as { response: { outputSpeech?: { ssml?: string } } };
    expect(body.response.outputSpeech?.ssml ?? '').to.not.equal('');
    expect(await turnOf(store)).to.equal(afterFirst);
    // A new request (another requestId) with the same words is a new turn.
    expect((await post(running.url, JSON.stringify(intentRequest('AMAZON.HelpIntent')))).status).to.equal(200);
    expect(await turnOf(store)).to.equal(afterFirst + 1);
  });
});
