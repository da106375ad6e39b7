import { Writable } from 'node:stream';
import { expect } from 'chai';
import { CENSOR, createLogger, pseudonym } from '../src/log.js';

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
