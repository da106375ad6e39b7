import { expect } from 'chai';
import { createCoachService } from '../../src/app/service.js';
import { newProfile } from '../../src/core/profile.js';
import { createLogger } from '../../src/log.js';
import { loadRoutines } from '../../src/routines/load.js';
import { MemoryStore } from '../../src/store/index.js';
import { LINK_TRIES, normaliseCode } from '../../src/app/identity.js';

const WEB = 'web:abc';
const ALEXA = 'alexa:amzn1.ask.account.a';
const SLACK = 'slack:T1:U1';

function setup() {
  const clock = { now: new Date('2026-11-23T09:00:00Z') };
  const store = new MemoryStore();
  const coach = createCoachService({ store, routines: loadRoutines(), log: createLogger('silent'), now: () => clock.now });
  return { clock, store, coach };
}

describe('linking identities with a code', () => {
  it('reads codes as people type them', () => {
    expect(normaliseCode('123-456')).to.equal('123456');
    expect(normaliseCode(' 123 456 ')).to.equal('123456');
    for (const bad of ['12345', '1234567', 'abc-def', '', '123_456']) expect(normaliseCode(bad)).to.equal(undefined);
  });

  it('issues a six-digit code valid for ten minutes; entering it links the two, once', async () => {
    const { coach, store } = setup();
    const issued = await coach.issueLinkCode(ALEXA);
    expect(issued.code).to.match(/^\d{6}$/);
    expect(issued.shown).to.equal(`${issued.code.slice(0, 3)}-${issued.code.slice(3)}`);
    expect(issued.expiresAt.toISOString()).to.equal('2026-11-23T09:10:00.000Z');
    expect(await coach.redeemLinkCode(WEB, issued.shown)).to.deep.equal({ kind: 'linked' });
    expect(await store.resolvePerson(WEB)).to.equal(ALEXA);
    // Single use: again, it is an unknown code (and a wrong try).
    expect(await coach.redeemLinkCode(SLACK, issued.code)).to.deep.equal({ kind: 'wrongCode', triesLeft: LINK_TRIES - 1 });
    // A person's own code links nothing.
    const own = await coach.issueLinkCode(WEB);
    expect(await coach.redeemLinkCode(ALEXA, own.code)).to.deep.equal({ kind: 'alreadyLinked' });
  });

  it('refuses an expired code', async () => {
    const { coach, clock, store } = setup();
    const issued = await coach.issueLinkCode(ALEXA);
    clock.now = new Date(clock.now.getTime() + 10 * 60_000);
    expect((await coach.redeemLinkCode(WEB, issued.code)).kind).to.equal('wrongCode');
    expect(await store.resolvePerson(WEB)).to.equal(WEB);
  });

  it(`allows ${LINK_TRIES} wrong codes in ten minutes, then refuses even the right one until the time has passed`, async () => {
    const { coach, clock } = setup();
    const issued = await coach.issueLinkCode(ALEXA);
    const wrong = issued.code === '000000' ? '000001' : '000000';
    const results = [];
    for (let i = 0; i < LINK_TRIES; i++) results.push(await coach.redeemLinkCode(WEB, wrong));
    expect(results.map((r) => (r.kind === 'wrongCode' ? r.triesLeft : r.kind))).to.deep.equal([4, 3, 2, 1, 'tooManyTries']);
    expect(await coach.redeemLinkCode(WEB, issued.code)).to.deep.equal({ kind: 'tooManyTries' });
    expect(await coach.redeemLinkCode(WEB, 'not a code')).to.deep.equal({ kind: 'malformed' });
    clock.now = new Date(clock.now.getTime() + 9 * 60_000);
    const fresh = await coach.issueLinkCode(ALEXA);
    clock.now = new Date(clock.now.getTime() + 2 * 60_000);
    expect(await coach.redeemLinkCode(WEB, fresh.code)).to.deep.equal({ kind: 'linked' });
  });

  it('unites histories and screening: a turn on either surface sees both', async () => {
    const { coach, store } = setup();
    const at = '2026-11-20T09:00:00.000Z';
    await store.saveProfile(ALEXA, { ...newProfile(new Date(at)), screening: { answers: { bCancer: 'yes' }, at } }, null);
    await store.addHistory(ALEXA, { routineId: 'back-break', startedAt: at, finishedAt: at, completed: true, stepsDone: 6, stepsSkipped: 0 });
    await store.addHistory(WEB, { routineId: 'five-moves', startedAt: at, finishedAt: at, completed: true, stepsDone: 5, stepsSkipped: 0 });
    await store.saveProfile(WEB, { ...newProfile(new Date(at)), screening: { answers: { bCancer: 'no' }, at: '2026-11-22T09:00:00.000Z' } }, null);

    const { code } = await coach.issueLinkCode(ALEXA);
    expect((await coach.redeemLinkCode(WEB, code)).kind).to.equal('linked');
    expect((await coach.history(WEB, 10)).map((h) => h.routineId)).to.have.members(['back-break', 'five-moves']);
    expect((await coach.history(ALEXA, 10)).length).to.equal(2);
    // The uncleared tier B "yes" from Alexa still holds the web back.
    expect((await coach.getProfile(WEB))!.screening!.answers.bCancer).to.equal('yes');

    // Forget me on one surface erases both.
    await coach.handle({ personId: WEB, surface: 'web', intent: { type: 'forgetMe' } });
    await coach.handle({ personId: WEB, surface: 'web', intent: { type: 'yes' } });
    expect(await coach.history(ALEXA, 10)).to.deep.equal([]);
    expect(await coach.getProfile(ALEXA)).to.equal(undefined);
    expect(await store.resolvePerson(WEB)).to.equal(WEB);
  });
});
