import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handler } from '../../../src/adapters/alexa/lambda.js';
import { intentRequest, launchRequest, SKILL_ID } from './envelopes.js';
import { checkSsml, ssmlText } from './ssml-check.js';

describe('alexa Lambda handler', () => {
  const saved = { ...process.env };
  const dir = mkdtempSync(join(tmpdir(), 'back-break-lambda-'));

  before(() => {
    process.env.DATABASE_URL = `sqlite:${join(dir, 'lambda.db')}`;
    process.env.LOG_LEVEL = 'silent';
    process.env.ALEXA_SKILL_ID = SKILL_ID;
  });
  after(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers Alexa envelopes with the same skill, keeping the conversation in DATABASE_URL', async () => {
    const hello = await handler(launchRequest());
    const ssml = (hello.response.outputSpeech as { ssml: string }).ssml;
    expect(checkSsml(ssml).problems).to.deep.equal([]);
    expect(ssmlText(ssml)).to.match(/exercise guidance only/i);
    const start = await handler(intentRequest('StartRoutineIntent', { routine: 'five moves' }));
    expect(ssmlText((start.response.outputSpeech as { ssml: string }).ssml)).to.match(/safety questions/i);
    // The second turn saw the first: the disclaimer is not repeated.
    expect(ssmlText((start.response.outputSpeech as { ssml: string }).ssml)).to.not.match(/exercise guidance only/i);
  });

  it('rejects requests for another skill', async () => {
    let error: unknown;
    await handler(launchRequest({ applicationId: 'amzn1.ask.skill.another-one' })).catch((e: unknown) => (error = e));
    expect(String(error)).to.match(/verification failed|skill/i);
  });
});
