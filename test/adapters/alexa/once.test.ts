import './quiet-aws.js';
import { expect } from 'chai';
import { MemoryStore } from '../../../src/store/memory.js';
import { intentRequest, launchRequest, SKILL_ID, USER_ID } from './envelopes.js';
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

describe('alexa: disabling the skill erases the person', () => {
  let running: Running | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('an AlexaSkillEvent.SkillDisabled envelope through the real server leaves no profile, session or history', async () => {
    const store = new MemoryStore();
    running = await startServer({ verify: false }, { store });
    expect((await post(running.url, JSON.stringify(launchRequest()))).status).to.equal(200);
    expect((await post(running.url, JSON.stringify(intentRequest('AMAZON.HelpIntent')))).status).to.equal(200);
    const before = await store.loadTurn(`alexa:${USER_ID}`, 5);
    expect(before.session, 'a session was kept before').to.not.equal(undefined);
    expect(before.profile, 'a profile was kept before').to.not.equal(undefined);
    // As Amazon sends it: no session, the person in context.System, a persistence status in the body.
    const disabled = {
      version: '1.0',
      context: { System: { application: { applicationId: SKILL_ID }, user: { userId: USER_ID } } },
      request: {
        type: 'AlexaSkillEvent.SkillDisabled',
        requestId: 'amzn1.echo-api.request.skill-disabled-1',
        timestamp: new Date().toISOString(),
        eventCreationTime: new Date().toISOString(),
        eventPublishingTime: new Date().toISOString(),
        body: { userInformationPersistenceStatus: 'NOT_PERSISTED' },
      },
    };
    expect((await post(running.url, JSON.stringify(disabled))).status).to.equal(200);
    const after = await store.loadTurn(`alexa:${USER_ID}`, 5);
    expect(after.session).to.equal(undefined);
    expect(after.profile).to.equal(undefined);
    expect(after.history).to.deep.equal([]);
    expect(after.epoch, 'the erase epoch moved on').to.not.equal(before.epoch);
  });
});
