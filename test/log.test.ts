import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'chai';
import { ConfigError, readConfig } from '../src/config.js';
import { CENSOR, createLogger, pseudonym, usePseudonymKey } from '../src/log.js';
import { setUpPseudonyms } from '../src/logKey.js';

/** Health data and secrets never reach the log, wherever a careless line puts them. */
function sink(level = 'debug') {
  const lines: Array<Record<string, any>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: createLogger(level, stream), lines };
}

describe('log: health data and secrets censored', () => {
  it('censors screening answers, pain scores and tokens at the top of a line', () => {
    const { log, lines } = sink();
    log.info({ event: 'x', screening: { redFlags: 'yes' }, answers: { a: 'yes' }, painBefore: 7, painAfter: 3, score: 8, token: 'xoxb-1' });
    expect(lines[0]).to.deep.include({ event: 'x', screening: CENSOR, answers: CENSOR, painBefore: CENSOR, painAfter: CENSOR, score: CENSOR, token: CENSOR });
  });

  it('censors them one level down (intent.score, profile.screening, run.painBefore)', () => {
    const { log, lines } = sink();
    log.warn({ intent: { type: 'painScore', score: 9 }, profile: { locale: 'en-GB', screening: { answers: {} } }, run: { painBefore: 6 } });
    expect(lines[0]!.intent).to.deep.equal({ type: 'painScore', score: CENSOR });
    expect(lines[0]!.profile).to.deep.equal({ locale: 'en-GB', screening: CENSOR });
    expect(lines[0]!.run).to.deep.equal({ painBefore: CENSOR });
  });

  it('censors authorization headers, bare or under req', () => {
    const { log, lines } = sink();
    log.info({ headers: { authorization: 'Bearer secret', accept: 'x' }, req: { url: '/a', headers: { authorization: 'Bearer secret' } } });
    expect(JSON.stringify(lines[0])).to.not.include('secret');
    expect(lines[0]!.headers.accept).to.equal('x');
    expect(lines[0]!.req.url).to.equal('/a');
  });

  it("never changes the caller's objects", () => {
    const { log } = sink();
    const intent = { type: 'painScore', score: 9 };
    const line = { intent, painBefore: 4 };
    log.info(line);
    expect(line).to.deep.equal({ intent: { type: 'painScore', score: 9 }, painBefore: 4 });
    expect(line.intent).to.equal(intent);
  });

  it("censors a child logger's bindings, and its children's", () => {
    const { log, lines } = sink();
    const child = log.child({ person: 'abc', painBefore: 5 });
    child.child({ intent: { score: 2 } }).info('hello');
    expect(lines[0]).to.deep.include({ person: 'abc', painBefore: CENSOR, msg: 'hello' });
    expect(lines[0]!.intent).to.deep.equal({ score: CENSOR });
  });

  it('leaves everything else as it was', () => {
    const { log, lines } = sink();
    log.info({ event: 'turn', intent: 'next', moment: 'step', turn: 3, effects: ['a'] }, 'turn');
    expect(lines[0]).to.deep.include({ event: 'turn', intent: 'next', moment: 'step', turn: 3, msg: 'turn' });
    expect(lines[0]!.effects).to.deep.equal(['a']);
  });
});

describe('log: pseudonyms', () => {
  it('is short, stable, and not the id', () => {
    const tag = pseudonym('alexa:amzn1.ask.account.SOMEONE');
    expect(tag).to.match(/^[0-9a-f]{12}$/);
    expect(pseudonym('alexa:amzn1.ask.account.SOMEONE')).to.equal(tag);
    expect(pseudonym('alexa:amzn1.ask.account.SOMEONE-ELSE')).to.not.equal(tag);
  });

  it('stays the same after many other people (the kept ones are bounded)', () => {
    const tag = pseudonym('slack:T1:U1');
    for (let i = 0; i < 10_050; i++) pseudonym(`slack:T1:other-${i}`);
    expect(pseudonym('slack:T1:U1')).to.equal(tag);
  });
});

describe('log: pseudonyms are keyed (HMAC), the key from the environment or kept beside the database', () => {
  const id = 'alexa:amzn1.ask.account.SOMEONE';
  after(() => usePseudonymKey(randomBytes(32)));

  it('cannot be recomputed from the id alone: not its plain sha256, and another key gives another pseudonym', () => {
    usePseudonymKey('a'.repeat(64));
    const tag = pseudonym(id);
    expect(tag).to.not.equal(createHash('sha256').update(id).digest('hex').slice(0, 12));
    expect(tag).to.equal(createHmac('sha256', 'a'.repeat(64)).update(id).digest('hex').slice(0, 12));
    usePseudonymKey('b'.repeat(64));
    expect(pseudonym(id)).to.not.equal(tag);
  });

  it('on the embedded SQLite default, one key is made once, readable by its owner alone, and kept across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-logkey-'));
    const databaseUrl = `sqlite:${join(dir, 'bb.db')}`;
    setUpPseudonyms({ databaseUrl });
    const first = pseudonym(id);
    const file = join(dir, 'bb.db.log-key');
    expect(statSync(file).mode & 0o777).to.equal(0o600);
    expect(readFileSync(file, 'utf8').trim()).to.match(/^[0-9a-f]{64}$/);
    usePseudonymKey('c'.repeat(64));
    setUpPseudonyms({ databaseUrl }); // a restart
    expect(pseudonym(id)).to.equal(first);
    setUpPseudonyms({ databaseUrl, logPseudonymKey: 'd'.repeat(32) }); // the environment's key wins
    expect(pseudonym(id)).to.not.equal(first);
  });

  it('is required with PostgreSQL and on Lambda, naming the variable', () => {
    for (const env of [{ DATABASE_URL: 'postgres://db/bb' }, { DATABASE_URL: 'memory:', AWS_LAMBDA_FUNCTION_NAME: 'back-break' }]) {
      expect(() => readConfig(env)).to.throw(ConfigError, /LOG_PSEUDONYM_KEY/);
      expect(readConfig({ ...env, LOG_PSEUDONYM_KEY: 'e'.repeat(32) }).logPseudonymKey).to.equal('e'.repeat(32));
    }
    expect(() => readConfig({ LOG_PSEUDONYM_KEY: 'short' })).to.throw(ConfigError, /LOG_PSEUDONYM_KEY/);
  });
});
