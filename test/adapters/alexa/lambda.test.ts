import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { bundleLambda } from '../../../build/bundle.js';
import { compileData, dataFor } from '../../../build/data.js';
import { handler, lambdaDatabaseUrl } from '../../../src/adapters/alexa/lambda.js';
import { intentRequest, launchRequest, SKILL_ID } from './envelopes.js';
import { checkSsml, ssmlText } from './ssml-check.js';

const speech = (r: ResponseEnvelope) => ssmlText((r.response.outputSpeech as { ssml: string }).ssml);

describe('alexa Lambda handler', () => {
  const saved = { ...process.env };

  before(() => {
    process.env.DATABASE_URL = 'memory:';
    process.env.LOG_LEVEL = 'silent';
    process.env.ALEXA_SKILL_ID = SKILL_ID;
  });
  after(() => {
    process.env = saved;
  });

  it('answers Alexa envelopes with the same skill, keeping the conversation in DATABASE_URL', async () => {
    const hello = await handler(launchRequest());
    const ssml = (hello.response.outputSpeech as { ssml: string }).ssml;
    expect(checkSsml(ssml).problems).to.deep.equal([]);
    expect(ssmlText(ssml)).to.match(/Welcome to Back Break/i);
    const start = await handler(intentRequest('StartRoutineIntent', { routine: 'five moves' }));
    expect(speech(start)).to.match(/safety questions/i);
    // The second turn saw the first: the disclaimer comes now, without a second welcome.
    expect(speech(start)).to.match(/exercise guidance only/i);
    expect(speech(start)).to.not.match(/Welcome/i);
  });

  it('rejects requests for another skill', async () => {
    let error: unknown;
    await handler(launchRequest({ applicationId: 'amzn1.ask.skill.another-one' })).catch((e: unknown) => (error = e));
    expect(String(error)).to.match(/verification failed|skill/i);
  });

  it('takes PostgreSQL or memory: and refuses no DATABASE_URL, SQLite and anything else by name', () => {
    expect(lambdaDatabaseUrl({ DATABASE_URL: 'postgres://u@db.example/bb' })).to.equal('postgres://u@db.example/bb');
    expect(lambdaDatabaseUrl({ DATABASE_URL: 'postgresql://u@db.example/bb' })).to.equal('postgresql://u@db.example/bb');
    expect(lambdaDatabaseUrl({ DATABASE_URL: 'memory:' })).to.equal('memory:');
    expect(() => lambdaDatabaseUrl({})).to.throw(/DATABASE_URL: required on Lambda/);
    expect(() => lambdaDatabaseUrl({ DATABASE_URL: '' })).to.throw(/DATABASE_URL: required on Lambda/);
    expect(() => lambdaDatabaseUrl({ DATABASE_URL: 'sqlite:./data/back-break.db' })).to.throw(/DATABASE_URL: SQLite does not run on Lambda/);
    expect(() => lambdaDatabaseUrl({ DATABASE_URL: 'mysql://u:hunter2@h/db' }))
      .to.throw(/DATABASE_URL: must be postgres/)
      .and.satisfy((e: unknown) => !String(e).includes('hunter2'));
  });
});

describe('the Lambda bundle (dist/lambda/index.mjs)', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'back-break-lambda-bundle-'));
  let externals: string[] = [];

  before(async () => {
    // Built as npm run build builds it, into a folder with no node_modules anywhere above it.
    const result = await bundleLambda(dir, dataFor('lambda', compileData(join(dir, 'data'))));
    externals = result.externals;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs envelopes through the bundle's handler in a fresh Node process, as Lambda's Node runtime would. */
  function invoke(envelopes: RequestEnvelope[], env: Record<string, string>): { responses: ResponseEnvelope[]; stderr: string; status: number | null } {
    const driver = join(dir, 'driver.mjs');
    writeFileSync(
      driver,
      `const { handler } = await import(${JSON.stringify(join(dir, 'index.mjs'))});
       const out = [];
       for (const e of JSON.parse(process.argv[2])) out.push(await handler(e, {}));
       process.stdout.write(JSON.stringify(out));`,
    );
    const run = spawnSync(process.execPath, [driver, JSON.stringify(envelopes)], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { responses: run.status === 0 ? (JSON.parse(run.stdout) as ResponseEnvelope[]) : [], stderr: run.stderr, status: run.status };
  }

  it('imports nothing but Node itself (no native module, no node_modules)', () => {
    const builtins = new Set(builtinModules);
    const outside = externals.filter((m) => !m.startsWith('node:') && !builtins.has(m) && m !== 'pg-native');
    expect(outside).to.deep.equal([]);
    expect(externals).to.not.include('better-sqlite3');
  });

  it('answers a real launch envelope and the next turn from its own routines, in a fresh process', () => {
    const run = invoke([launchRequest(), intentRequest('StartRoutineIntent', { routine: 'five moves' })], {
      DATABASE_URL: 'memory:',
      ALEXA_SKILL_ID: SKILL_ID,
    });
    expect(run.status, run.stderr).to.equal(0);
    const [hello, start] = run.responses;
    const ssml = (hello!.response.outputSpeech as { ssml: string }).ssml;
    expect(checkSsml(ssml).problems).to.deep.equal([]);
    expect(ssmlText(ssml)).to.match(/Welcome to Back Break/i);
    expect(speech(start!)).to.match(/safety questions/i);
    // The second turn saw the first: the disclaimer comes now, without a second welcome.
    expect(speech(start!)).to.match(/exercise guidance only/i);
    expect(speech(start!)).to.not.match(/Welcome/i);
  });

  it('refuses to open without DATABASE_URL, naming it, instead of writing to a read-only disk', () => {
    const run = invoke([launchRequest()], { ALEXA_SKILL_ID: SKILL_ID });
    expect(run.status).to.not.equal(0);
    expect(run.stderr).to.match(/DATABASE_URL: required on Lambda/);
  });
});
