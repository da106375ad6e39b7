import { expect } from 'chai';
import { loadRoutines } from '../../../src/routines/load.js';
import { MemoryStore } from '../../../src/store/index.js';
import { screenedProfile } from '../../scripts/script.js';
import { FakeAmazon } from './fake-amazon.js';
import { device, observe, personOf, type Running, say, startServer } from './harness.js';
import { speak } from './voice.js';
import { checkSsml } from './ssml-check.js';

/**
 * The whole path through the real server over HTTP: virtual-alexa resolves what is said through our
 * interaction model and posts Alexa's request format to POST /alexa (verification off, as for local testing).
 */
describe('alexa end to end (virtual-alexa -> buildServer over HTTP)', () => {
  let running: Running;

  afterEach(async () => {
    await running?.close();
  });

  it('launch, a routine by name, screening, steps, "this hurts", pause, resume in a new session, stop', async () => {
    running = await startServer({ verify: false, skillId: 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000' });
    const alexa = device(running.url, { apl: true });

    const hello = await say(alexa, 'open back break');
    expect(hello.speech).to.match(/Welcome to Back Break/i);
    expect(hello.end).to.equal(false);

    let seen = await say(alexa, 'start the foam roller routine');
    expect(seen.moment).to.equal('screening');
    // The short greeting leaves the disclaimer to the first answer after it.
    expect(seen.speech).to.match(/exercise guidance only/i);
    let questions = 0;
    while (seen.moment === 'screening') {
      expect(++questions, 'screening ends').to.be.below(25);
      seen = await say(alexa, 'no');
    }
    expect(seen.moment).to.equal('equipment');
    expect(seen.speech).to.match(/foam roller/i);

    seen = await say(alexa, 'yes');
    expect(seen.moment).to.equal('painBefore');
    // A score Alexa could not read, and one out of range: the coach asks again.
    seen = observe(await (alexa as any).request().intent('PainScoreIntent').slot('score', '?').send());
    expect(seen.moment).to.equal('painBefore');
    expect(seen.speech).to.match(/0 to 10/);
    seen = await say(alexa, 'eleven');
    expect(seen.moment).to.equal('painBefore');
    seen = await say(alexa, 'four');
    expect(seen.moment).to.equal('step');
    expect(seen.screen.progress).to.equal('Step 1 of 11');

    seen = await say(alexa, 'next');
    expect(seen.screen.progress).to.equal('Step 2 of 11');
    expect(seen.screen.holdSeconds).to.be.greaterThan(0);
    expect(seen.ssml).to.match(/<break time="10s"\/>/);
    expect(seen.speech).to.match(/say next when you're ready\.$/i);

    seen = await say(alexa, 'this hurts');
    expect(seen.moment).to.equal('hurtKind');
    seen = await say(alexa, "it's sharp");
    expect(seen.moment).to.equal('hurtChoice');
    expect(seen.speech).to.match(/stop this exercise/i);
    seen = await say(alexa, 'skip this one');
    expect(seen.moment).to.equal('step');
    const before = { progress: seen.screen.progress, heading: seen.screen.heading, side: seen.screen.side };
    expect(before.progress).to.equal('Step 3 of 11');

    seen = await say(alexa, 'pause');
    expect(seen.moment).to.equal('paused');

    // The person walks away; the session ends without a goodbye.
    await alexa.endSession();

    const back = await say(alexa, 'open back break');
    expect(back.moment).to.equal('resumeOffer');
    expect(back.speech).to.match(/step 3 of 11/i);
    expect(back.choices).to.include.members(['Yes', 'No']);
    seen = await say(alexa, 'yes');
    expect(seen.moment).to.equal('step');
    expect({ progress: seen.screen.progress, heading: seen.screen.heading, side: seen.screen.side }).to.deep.equal(before);

    seen = await say(alexa, 'stop');
    expect(seen.end).to.equal(true);
    expect(seen.speech).to.match(/stopped at step 3/i);

    const warnings = running.logLines.filter((l) => l.includes('ALEXA_VERIFY is off'));
    expect(warnings).to.have.length(1);
  });

  it('resumes a two-sided step on the same side in a new session', async () => {
    const now = new Date();
    const store = new MemoryStore();
    running = await startServer({ verify: false }, { store, now: () => now });
    const alexa = device(running.url, { apl: true });
    await store.saveProfile(personOf(alexa), screenedProfile(now), null);

    await say(alexa, 'open back break');
    let seen = await say(alexa, 'start five moves');
    expect(seen.moment).to.equal('screening');
    seen = await say(alexa, 'no');
    expect(seen.moment).to.equal('equipment');
    seen = await say(alexa, 'yes');
    seen = await say(alexa, 'skip');
    expect(seen.moment).to.equal('step');
    for (let i = 0; i < 12 && seen.screen.side !== 'Left side'; i++) seen = await say(alexa, 'next');
    expect(seen.screen.side).to.equal('Left side');
    const at = { progress: seen.screen.progress, heading: seen.screen.heading, side: seen.screen.side };

    const bye = await say(alexa, 'stop');
    expect(bye.end).to.equal(true);

    const back = await say(alexa, 'open back break');
    expect(back.speech).to.match(/left side/i);
    seen = await say(alexa, 'yes');
    expect({ progress: seen.screen.progress, heading: seen.screen.heading, side: seen.screen.side }).to.deep.equal(at);
  });

  for (const routine of loadRoutines()) {
    it(`plays every step of ${routine.id} within Alexa's limits, each hold ending with "say next"`, async () => {
      const now = new Date();
      const store = new MemoryStore();
      running = await startServer({ verify: false }, { store, now: () => now });
      const alexa = device(running.url, { apl: true });
      await store.saveProfile(personOf(alexa), screenedProfile(now), null);
      const answer: Record<string, string> = { step: 'next', checkIn: 'next', painBefore: 'skip', screening: 'no' };
      let seen = await say(alexa, `start ${routine.id.replace(/-/g, ' ')}`);
      const steps = new Set<string>();
      for (let turns = 0; seen.moment !== 'painAfter'; turns++) {
        expect(turns, 'reaches the pain check after the last step').to.be.below(150);
        expect(seen.end, seen.speech).to.equal(false);
        if (seen.moment === 'step') {
          steps.add(seen.screen.progress);
          const facts = checkSsml(seen.ssml!).facts;
          if (seen.screen.holdSeconds > 0) expect(facts.silence, seen.screen.heading).to.be.greaterThan(0);
          expect(seen.speech).to.match(/say next when you're ready\.$/i);
        }
        seen = await say(alexa, answer[seen.moment!] ?? 'yes');
      }
      expect(steps.size).to.be.greaterThan(0);
    });
  }

  it('the end of a routine leaves its summary as a card in the Alexa app', async () => {
    const now = new Date();
    const store = new MemoryStore();
    running = await startServer({ verify: false }, { store, now: () => now });
    const alexa = device(running.url, { apl: false });
    await store.saveProfile(personOf(alexa), screenedProfile(now), null);
    for (const text of ['start back break', 'no', 'yes', 'skip']) await say(alexa, text);
    for (let i = 0; i < 6; i++) await say(alexa, 'next');
    const response = (await speak(alexa, 'two')) as { response: { card?: { title: string; content: string } } };
    expect(response.response.card?.title).to.equal('Back break');
    expect(response.response.card?.content).to.match(/You spent 1 minute, did 6 steps\./);
  });

  it('a voice-only device gets the same conversation without any APL directive', async () => {
    running = await startServer({ verify: false });
    const alexa = device(running.url, { apl: false });
    const hello = await say(alexa, 'open back break');
    expect(hello.screen).to.equal(undefined);
    const start = await say(alexa, 'start the foam roller routine');
    expect(start.screen).to.equal(undefined);
    expect(start.speech).to.match(/safety questions/i);
    expect(start.end).to.equal(false);
  });

  it('an utterance the model does not know goes to Fallback and gets a helpful answer', async () => {
    running = await startServer({ verify: false });
    const alexa = device(running.url);
    await say(alexa, 'open back break');
    const seen = await say(alexa, 'what is the weather in paris');
    expect(seen.end).to.equal(false);
    expect(seen.speech).to.match(/didn't catch|say/i);
  });

  it('an unknown routine name reaches the coach as heard and is answered', async () => {
    running = await startServer({ verify: false });
    const alexa = device(running.url);
    await say(alexa, 'open back break');
    // Real Alexa passes unlisted values of a custom slot; virtual-alexa only matches listed ones.
    const seen = await (alexa as any).request().intent('StartRoutineIntent').slot('routine', 'pilates for cats').send();
    const speech = seen.response.outputSpeech.ssml as string;
    expect(speech).to.match(/pilates for cats/i);
    expect(seen.response.shouldEndSession).to.equal(false);
  });

  it("starts the reminder on the device's today: Los Angeles at 18:30 sets one for 19:00 that same evening", async () => {
    const amazon = await new FakeAmazon().start();
    try {
      amazon.timeZone = 'America/Los_Angeles';
      // 18:30 on Monday 23 November in Los Angeles is already Tuesday 02:30 in UTC.
      const now = new Date('2026-11-24T02:30:00Z');
      const store = new MemoryStore();
      running = await startServer({ verify: false }, { store, now: () => now });
      const alexa = device(running.url, { apiEndpoint: amazon.url, consent: true });
      await store.saveProfile(personOf(alexa), screenedProfile(now), null);
      await say(alexa, 'open back break');
      await (alexa as any).request().intent('SetReminderIntent').slots({ time: '7 pm', days: 'daily' }).send();
      expect(amazon.calls.some((c) => c.method === 'GET' && c.path.endsWith('/settings/System.timeZone'))).to.equal(true);
      expect(amazon.active()).to.have.length(1);
      const trigger = amazon.active()[0].trigger;
      expect(trigger.recurrence.startDateTime).to.equal('2026-11-23T00:00:00.000');
      expect(trigger.timeZoneId).to.equal('America/Los_Angeles');
      expect(trigger.recurrence.recurrenceRules).to.deep.equal(['FREQ=DAILY;BYHOUR=19;BYMINUTE=0;BYSECOND=0;INTERVAL=1']);
    } finally {
      await amazon.stop();
    }
  });

  it('sets a weekly reminder through the Reminders API after the voice permission', async () => {
    const amazon = await new FakeAmazon().start();
    try {
      const now = new Date();
      const store = new MemoryStore();
      running = await startServer({ verify: false }, { store, now: () => now });
      const alexa = device(running.url, { apiEndpoint: amazon.url, consent: false });
      await store.saveProfile(personOf(alexa), screenedProfile(now), null);
      await say(alexa, 'open back break');
      const ask = await (alexa as any).request().intent('SetReminderIntent').slots({ time: '3 pm', days: 'weekdays' }).send();
      expect(ask.response.directives?.[0]).to.deep.include({ type: 'Connections.SendRequest', name: 'AskFor' });
      expect(amazon.calls).to.have.length(0);

      // Alexa asks, the person says yes; Amazon sends Connections.Response in the same session.
      const granted = device(running.url, { apiEndpoint: amazon.url, consent: true });
      const response = await (granted as any)
        .request()
        .connectionsResponse('AskFor', { permissionScope: 'alexa::alerts:reminders:skill:readwrite', status: 'ACCEPTED' }, 'back-break-reminder')
        .set('context.System.user.userId', (alexa as any).context().user().id())
        .set('session', { new: false, sessionId: 's', application: { applicationId: 'x' }, user: { userId: (alexa as any).context().user().id() }, attributes: ask.sessionAttributes })
        .send();
      expect(amazon.active()).to.have.length(1);
      expect(amazon.active()[0].trigger.recurrence.recurrenceRules).to.deep.equal([
        'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=15;BYMINUTE=0;BYSECOND=0;INTERVAL=1',
      ]);
      expect(response.response.outputSpeech.ssml).to.match(/remind/i);
    } finally {
      await amazon.stop();
    }
  });
});
