import { expect } from 'chai';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createAlexaSkill } from '../../../src/adapters/alexa/skill.js';
import type { CoachPort, TurnRequest, TurnResult } from '../../../src/app/turn.js';
import type { PlatformEffect } from '../../../src/core/effects.js';
import { newProfile } from '../../../src/core/profile.js';
import type { ClosingReply, OpenReply, Reply } from '../../../src/core/reply.js';
import { envelope, FAKE_API_TOKEN, intentRequest, launchRequest, permissionResponse, SKILL_ID, USER_ID } from './envelopes.js';
import { FakeAmazon } from './fake-amazon.js';
import { logSink } from './log-sink.js';
import { checkSsml, ssmlText } from './ssml-check.js';

function reply(partial: Partial<OpenReply> = {}): Reply {
  return {
    moment: 'choosing',
    speech: [{ kind: 'say', text: 'Which routine would you like?' }],
    display: { title: 'Back Break', body: 'Which routine would you like?' },
    choices: [],
    expect: 'routine',
    reprompt: 'Which routine would you like?',
    end: false,
    ...partial,
  };
}

/** A reply that ends the conversation. */
function closing(partial: Partial<ClosingReply> = {}): Reply {
  return {
    moment: 'goodbye',
    speech: [{ kind: 'say', text: 'Bye for now.' }],
    display: { title: 'Back Break', body: 'Bye for now.' },
    choices: [],
    expect: 'nothing',
    end: true,
    ...partial,
  };
}

const stepReply = reply({
  moment: 'step',
  speech: [{ kind: 'say', text: 'Step 2 of 9. Pelvic tilts.' }, { kind: 'say', text: 'Hold for 6 breaths.' }],
  display: {
    title: 'Spinal Love',
    heading: 'Pelvic tilts',
    body: 'Tilt your pelvis & breathe.',
    position: { index: 2, total: 9 },
    side: 'right',
    holdText: '6 breaths',
  },
  expect: 'command',
  reprompt: "Say next when you're ready.",
  hold: { seconds: 30, cues: [{ at: 15, text: 'Halfway.' }], closing: "Release. Say next when you're ready.", stepKey: 'k' },
});

/** A CoachPort that records requests and answers with what the test queues (or a default reply). */
class FakeCoach implements CoachPort {
  readonly requests: TurnRequest[] = [];
  answer: (request: TurnRequest) => { reply: Reply; effects?: PlatformEffect[] } = () => ({ reply: reply() });
  async handle(request: TurnRequest): Promise<TurnResult> {
    this.requests.push(request);
    const { reply: r, effects = [] } = this.answer(request);
    return { reply: r, effects, turn: this.requests.length, stale: false, profile: newProfile(new Date(0)) };
  }
  async setSurfaceData(): Promise<void> {}
  async history() {
    return [];
  }

  async getProfile() {
    return undefined;
  }
}

describe('alexa skill (fake coach)', () => {
  let coach: FakeCoach;
  let lines: string[];
  let invoke: (e: RequestEnvelope) => Promise<ResponseEnvelope>;
  const NOW = new Date('2026-03-02T10:00:00Z');

  beforeEach(() => {
    coach = new FakeCoach();
    const sink = logSink();
    lines = sink.lines;
    const skill = createAlexaSkill({ coach, log: sink.log, now: () => NOW, skillId: SKILL_ID });
    invoke = (e) => skill.invoke(e);
  });

  function speechOf(res: ResponseEnvelope): string {
    const out = res.response.outputSpeech;
    expect(out?.type).to.equal('SSML');
    const ssml = out && out.type === 'SSML' ? out.ssml : '';
    expect(checkSsml(ssml).problems, ssml).to.deep.equal([]);
    return ssml;
  }

  it('launch: asks the coach as alexa:<userId> in the request locale, keeps the session open with a reprompt', async () => {
    const res = await invoke(launchRequest({ locale: 'en-GB' }));
    expect(coach.requests[0]).to.deep.include({ personId: `alexa:${USER_ID}`, surface: 'alexa', locale: 'en-GB', intent: { type: 'launch' } });
    expect(ssmlText(speechOf(res))).to.equal('Which routine would you like?');
    expect(res.response.shouldEndSession).to.equal(false);
    expect(res.response.reprompt?.outputSpeech).to.deep.include({ type: 'SSML' });
  });

  it("reprompts with the coach's own reprompt", async () => {
    coach.answer = () => ({ reply: reply({ expect: 'painScore', reprompt: 'How is your back now, from 0 to 10?' }) });
    const res = await invoke(intentRequest('AMAZON.YesIntent'));
    const reprompt = res.response.reprompt!.outputSpeech as { ssml: string };
    expect(ssmlText(reprompt.ssml)).to.equal('How is your back now, from 0 to 10?');
    expect(res.response.shouldEndSession).to.equal(false);
  });

  it('closes the session when the coach ends and expects nothing', async () => {
    coach.answer = () => ({ reply: closing() });
    const res = await invoke(intentRequest('AMAZON.NoIntent'));
    expect(res.response.shouldEndSession).to.equal(true);
    expect(res.response.reprompt).to.equal(undefined);
  });

  for (const name of ['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent']) {
    it(`${name} always ends the session, whatever the coach answers`, async () => {
      coach.answer = () => ({ reply: reply({ moment: 'paused', expect: 'command', end: false }) });
      const res = await invoke(intentRequest(name));
      expect(coach.requests[0]!.intent).to.deep.equal({ type: 'stop' });
      expect(res.response.shouldEndSession).to.equal(true);
      expect(res.response.reprompt).to.equal(undefined);
    });
  }

  it('plays a step with its hold, sends a card, and the APL screen on a device with one', async () => {
    coach.answer = () => ({ reply: stepReply });
    const res = await invoke(intentRequest('AMAZON.NextIntent', {}, { apl: true }));
    const ssml = speechOf(res);
    expect(checkSsml(ssml).facts.silence).to.be.within(25, 30);
    expect(ssmlText(ssml)).to.match(/Halfway\. .*Release\. Say next when you're ready\.$/);
    expect(res.response.card).to.deep.include({ type: 'Simple', title: 'Spinal Love' });
    expect((res.response.card as { content: string }).content).to.include('Step 2 of 9 · Right side · 6 breaths');
    const apl = res.response.directives?.find((d) => d.type === 'Alexa.Presentation.APL.RenderDocument') as any;
    expect(apl, 'APL directive').to.not.equal(undefined);
    expect(apl.datasources.payload.screen).to.deep.include({
      title: 'Spinal Love',
      heading: 'Pelvic tilts',
      progress: 'Step 2 of 9',
      side: 'Right side',
      holdSeconds: 30,
    });
    expect(apl.document.type).to.equal('APL');
  });

  it('sends no APL directive to a voice-only device', async () => {
    coach.answer = () => ({ reply: stepReply });
    const res = await invoke(intentRequest('AMAZON.NextIntent', {}, { apl: false }));
    expect(res.response.directives ?? []).to.deep.equal([]);
    expect(res.response.card).to.not.equal(undefined);
  });

  it("puts the reply's choices on the screen as buttons; a touch sends the choice's intent for that turn", async () => {
    coach.answer = () => ({
      reply: reply({ choices: [{ label: 'Next', intent: { type: 'next' }, style: 'primary' }, { label: 'This hurts', intent: { type: 'hurts' }, style: 'danger' }] }),
    });
    const res = await invoke(intentRequest('AMAZON.NextIntent', {}, { apl: true }));
    const screen = (res.response.directives![0] as any).datasources.payload.screen;
    expect(screen.turn).to.equal(1);
    expect(screen.choices).to.deep.equal([
      { label: 'Next', style: 'primary', intent: '{"type":"next"}' },
      { label: 'This hurts', style: 'danger', intent: '{"type":"hurts"}' },
    ]);
    await invoke(envelope({ type: 'Alexa.Presentation.APL.UserEvent', token: 'back-break-step', arguments: ['choice', screen.choices[1].intent, screen.turn] }, { apl: true }));
    expect(coach.requests[1]).to.deep.include({ intent: { type: 'hurts' }, atTurn: 1 });
  });

  it('treats a touch with a broken intent as unknown, and a touched Stop as the end of the session', async () => {
    await invoke(envelope({ type: 'Alexa.Presentation.APL.UserEvent', arguments: ['choice', '{"type":"launchMissiles"}', 3] }, { apl: true }));
    expect(coach.requests[0]!.intent).to.deep.equal({ type: 'unknown', text: '' });
    const res = await invoke(envelope({ type: 'Alexa.Presentation.APL.UserEvent', arguments: ['choice', '{"type":"stop"}', 3] }, { apl: true }));
    expect(res.response.shouldEndSession).to.equal(true);
  });

  describe('touches that are not what the screen drew', () => {
    const touch = (args: unknown[] | undefined) =>
      invoke(envelope({ type: 'Alexa.Presentation.APL.UserEvent', token: 'back-break-step', ...(args ? { arguments: args } : {}) }, { apl: true }));

    it('an intent that is not JSON, or no intent at all, reaches the coach as unknown', async () => {
      await touch(['choice', 'next', 2]);
      await touch(['choice', '{"type":', 2]);
      await touch(['choice']);
      expect(coach.requests.map((r) => r.intent)).to.deep.equal([
        { type: 'unknown', text: '' },
        { type: 'unknown', text: '' },
        { type: 'unknown', text: '' },
      ]);
    });

    it('a forged turn (not a whole number from 0 up) goes without one, as from a screen of unknown turn', async () => {
      for (const turn of ['abc', -1, 2.5, null, '']) await touch(['choice', '{"type":"next"}', turn]);
      await touch(['choice', '{"type":"next"}']);
      expect(coach.requests).to.have.length(6);
      for (const request of coach.requests) {
        expect(request.intent).to.deep.equal({ type: 'next' });
        expect(request, JSON.stringify(request)).to.not.have.property('atTurn');
      }
    });

    it('a stale turn goes to the coach as drawn, and the screen comes back with the current turn', async () => {
      coach.answer = () => ({ reply: reply({ choices: [{ label: 'Next', intent: { type: 'next' } }] }) });
      const res = await touch(['choice', '{"type":"next"}', '0']);
      expect(coach.requests[0]).to.deep.include({ intent: { type: 'next' }, atTurn: 0 });
      const screen = (res.response.directives![0] as any).datasources.payload.screen;
      expect(screen.turn).to.equal(1);
    });

    it('an event that is not a choice, or has no arguments, is acknowledged without a turn or a word', async () => {
      for (const args of [['countdownDone'], [], undefined]) {
        const res = await touch(args);
        expect(res.response.outputSpeech, JSON.stringify(args)).to.equal(undefined);
      }
      expect(coach.requests).to.have.length(0);
    });
  });

  it('an intent our model does not declare, slots and all, reaches the coach as unknown and keeps the session', async () => {
    const res = await invoke(intentRequest('OrderPizzaIntent', { size: 'large', topping: 'numb around my seat' }));
    expect(coach.requests[0]!.intent).to.deep.equal({ type: 'unknown', text: 'OrderPizzaIntent' });
    expect(res.response.shouldEndSession).to.equal(false);
    expect(lines.join('')).to.not.include('numb around my seat');
  });

  it('an IntentRequest without its intent gets the polite error, and the coach is not asked', async () => {
    const res = await invoke(envelope({ type: 'IntentRequest', dialogState: 'COMPLETED' }));
    expect(coach.requests).to.have.length(0);
    expect(ssmlText(speechOf(res))).to.match(/^Sorry, something went wrong/);
    expect(res.response.shouldEndSession).to.equal(false);
  });

  it('answers a SessionEndedRequest without asking the coach or speaking', async () => {
    const res = await invoke(envelope({ type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' }));
    expect(coach.requests).to.have.length(0);
    expect(res.response.outputSpeech).to.equal(undefined);
  });

  it('sends Fallback and unknown intents to the coach as unknown', async () => {
    await invoke(intentRequest('AMAZON.FallbackIntent'));
    await invoke(intentRequest('AMAZON.ShuffleOnIntent'));
    expect(coach.requests.map((r) => r.intent.type)).to.deep.equal(['unknown', 'unknown']);
  });

  it('answers politely when something throws, and keeps the session open', async () => {
    coach.answer = () => {
      throw new Error('store is down');
    };
    const res = await invoke(intentRequest('AMAZON.NextIntent'));
    expect(ssmlText(speechOf(res))).to.match(/^Sorry, something went wrong/);
    expect(res.response.shouldEndSession).to.equal(false);
    expect(lines.join('')).to.include('alexa handler failed');
  });

  it('rejects a request for another skill', async () => {
    let failed = false;
    await invoke(launchRequest({ applicationId: 'amzn1.ask.skill.someone-else' })).catch(() => (failed = true));
    expect(failed).to.equal(true);
    expect(coach.requests).to.have.length(0);
  });

  it('logs requests without slot values (health data stays out of the log)', async () => {
    await invoke(intentRequest('PainScoreIntent', { score: '8' }));
    await invoke(intentRequest('HurtsIntent', { kind: 'numb around my seat' }));
    const log = lines.join('\n');
    // The requests are logged, but not which intent: a PainScoreIntent or a HurtsIntent says what the person's health is.
    expect(log).to.include('alexa request');
    expect(log).to.not.include('PainScoreIntent');
    expect(log).to.not.include('HurtsIntent');
    expect(log).to.not.include('numb around my seat');
    expect(log).to.not.match(/"score"\s*:\s*8/);
    expect(log).to.not.include(USER_ID);
  });

  describe('reminders through the Alexa Reminders API', () => {
    let amazon: FakeAmazon;
    const schedule: PlatformEffect = { type: 'scheduleReminder', days: [1, 2, 3, 4, 5], time: '15:00' };
    const confirmed = closing({ speech: [{ kind: 'say', text: "Done. I'll remind you on weekdays at 3 PM." }] });

    beforeEach(async () => {
      amazon = await new FakeAmazon().start();
    });
    afterEach(() => amazon.stop());

    it('creates a recurring reminder when the permission is granted', async () => {
      coach.answer = () => ({ reply: confirmed, effects: [schedule] });
      const res = await invoke(intentRequest('SetReminderIntent', { time: '15:00', days: 'weekdays' }, { apiEndpoint: amazon.url, consent: true }));
      const post = amazon.calls.find((c) => c.method === 'POST')!;
      expect(post.authorization).to.equal(`Bearer ${FAKE_API_TOKEN}`);
      expect(post.body.trigger.type).to.equal('SCHEDULED_ABSOLUTE');
      expect(post.body.trigger.recurrence.recurrenceRules).to.deep.equal(['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=15;BYMINUTE=0;BYSECOND=0;INTERVAL=1']);
      expect(post.body.alertInfo.spokenInfo.content[0].locale).to.equal('en-US');
      expect(post.body.requestTime).to.equal('2026-03-02T10:00:00.000');
      expect(ssmlText(speechOf(res))).to.equal("Done. I'll remind you on weekdays at 3 PM.");
      expect(amazon.active()).to.have.length(1);
    });

    it('replaces the earlier reminder rather than adding a second', async () => {
      coach.answer = () => ({ reply: confirmed, effects: [schedule] });
      const options = { apiEndpoint: amazon.url, consent: true };
      await invoke(intentRequest('SetReminderIntent', {}, options));
      coach.answer = () => ({ reply: confirmed, effects: [{ type: 'scheduleReminder', days: [0, 1, 2, 3, 4, 5, 6], time: '08:30' }] });
      await invoke(intentRequest('SetReminderIntent', {}, options));
      expect(amazon.active()).to.have.length(1);
      expect(amazon.active()[0].trigger.recurrence.recurrenceRules).to.deep.equal(['FREQ=DAILY;BYHOUR=8;BYMINUTE=30;BYSECOND=0;INTERVAL=1']);
    });

    it('asks for the permission by voice when it is missing, then creates the reminder once accepted', async () => {
      coach.answer = () => ({ reply: confirmed, effects: [schedule] });
      const ask = await invoke(intentRequest('SetReminderIntent', {}, { apiEndpoint: amazon.url, consent: false }));
      expect(amazon.calls).to.have.length(0);
      expect(ask.response.directives).to.deep.equal([
        {
          type: 'Connections.SendRequest',
          name: 'AskFor',
          payload: { '@type': 'AskForPermissionsConsentRequest', '@version': '1', permissionScope: 'alexa::alerts:reminders:skill:readwrite' },
          token: 'back-break-reminder',
        },
      ]);
      expect(ask.response.outputSpeech).to.equal(undefined);
      expect(ask.response.reprompt).to.equal(undefined);

      const attributes = ask.sessionAttributes ?? {};
      const done = await invoke(permissionResponse('ACCEPTED', { apiEndpoint: amazon.url, consent: true, attributes }));
      expect(amazon.calls.filter((c) => c.method === 'POST')).to.have.length(1);
      expect(amazon.active()[0].trigger.recurrence.recurrenceRules[0]).to.include('BYDAY=MO,TU,WE,TH,FR;BYHOUR=15');
      expect(ssmlText(speechOf(done))).to.equal("Done. I'll remind you on weekdays at 3 PM.");
      expect(done.sessionAttributes ?? {}).to.not.have.property('awaitingReminderPermission');
      expect(coach.requests).to.have.length(1);
    });

    it('asks for the permission when the API answers 401', async () => {
      amazon.denyAll = true;
      coach.answer = () => ({ reply: confirmed, effects: [schedule] });
      const res = await invoke(intentRequest('SetReminderIntent', {}, { apiEndpoint: amazon.url, consent: true }));
      // The device's zone is read first (settings API, no permission needed); the one reminders call is refused.
      expect(amazon.calls.filter((c) => c.path.startsWith('/v1/alerts')).map((c) => c.method)).to.deep.equal(['POST']);
      expect(res.response.directives?.[0]?.type).to.equal('Connections.SendRequest');
    });

    for (const status of ['DENIED', 'NOT_ANSWERED'] as const) {
      it(`says clearly that there is no reminder when the permission is ${status}, with a permissions card`, async () => {
        const attributes = { awaitingReminderPermission: { pendingReminder: { days: [1], time: '09:00' }, reply: confirmed } };
        const res = await invoke(permissionResponse(status, { apiEndpoint: amazon.url, attributes }));
        expect(amazon.calls).to.have.length(0);
        expect(ssmlText(speechOf(res))).to.match(/^OK, no reminder\./);
        expect(res.response.card).to.deep.equal({
          type: 'AskForPermissionsConsent',
          permissions: ['alexa::alerts:reminders:skill:readwrite'],
        });
      });
    }

    it('takes a status it does not know as a refusal: no reminder, no API call, the permissions card', async () => {
      const attributes = { awaitingReminderPermission: { pendingReminder: { days: [1], time: '09:00' }, reply: confirmed } };
      const res = await invoke(permissionResponse('MAYBE_LATER', { apiEndpoint: amazon.url, consent: true, attributes }));
      expect(amazon.calls).to.have.length(0);
      expect(ssmlText(speechOf(res))).to.match(/^OK, no reminder\./);
      expect(res.response.card).to.deep.include({ type: 'AskForPermissionsConsent' });
      expect(res.sessionAttributes ?? {}).to.not.have.property('awaitingReminderPermission');
    });

    it('takes a response without a payload as not answered', async () => {
      const request = permissionResponse('ACCEPTED', { apiEndpoint: amazon.url, consent: true }).request as unknown as Record<string, unknown>;
      delete request.payload;
      const res = await invoke(envelope(request, { apiEndpoint: amazon.url, consent: true }));
      expect(amazon.calls).to.have.length(0);
      expect(ssmlText(speechOf(res))).to.match(/^OK, no reminder\./);
    });

    it('asks again for the time when the permission comes back but the reminder it was for is gone', async () => {
      const res = await invoke(permissionResponse('ACCEPTED', { apiEndpoint: amazon.url, consent: true }));
      expect(amazon.calls).to.have.length(0);
      expect(ssmlText(speechOf(res))).to.match(/tell me again when/);
      expect(res.response.shouldEndSession).to.equal(false);
      expect(coach.requests).to.have.length(0);
    });

    it('acknowledges a Connections.Response for something else without a word or a reminder', async () => {
      const request = { ...permissionResponse('ACCEPTED').request, name: 'Buy' } as unknown as Record<string, unknown>;
      const attributes = { awaitingReminderPermission: { pendingReminder: { days: [1], time: '09:00' }, reply: confirmed } };
      const res = await invoke(envelope(request, { apiEndpoint: amazon.url, consent: true, attributes }));
      expect(amazon.calls).to.have.length(0);
      expect(res.response.outputSpeech).to.equal(undefined);
      expect(res.sessionAttributes).to.have.property('awaitingReminderPermission');
    });

    it('says so when Amazon fails to create the reminder', async () => {
      amazon.failCreate = true;
      coach.answer = () => ({ reply: confirmed, effects: [schedule] });
      const res = await invoke(intentRequest('SetReminderIntent', {}, { apiEndpoint: amazon.url, consent: true }));
      expect(ssmlText(speechOf(res))).to.match(/couldn't set the reminder/);
    });

    it('says so, and calls nothing, when the request carries the consent but no API endpoint and token', async () => {
      coach.answer = () => ({ reply: confirmed, effects: [schedule] });
      const set = await invoke(intentRequest('SetReminderIntent', {}, { consent: true }));
      expect(ssmlText(speechOf(set))).to.match(/couldn't set the reminder/);
      coach.answer = () => ({ reply: closing(), effects: [{ type: 'cancelReminder' }] });
      const off = await invoke(intentRequest('ReminderOffIntent', {}, { consent: true }));
      expect(ssmlText(speechOf(off))).to.match(/couldn't remove your reminder/);
      expect(amazon.calls).to.have.length(0);
    });

    it("cancelReminder deletes the reminders the skill created", async () => {
      const options = { apiEndpoint: amazon.url, consent: true };
      coach.answer = () => ({ reply: confirmed, effects: [schedule] });
      await invoke(intentRequest('SetReminderIntent', {}, options));
      expect(amazon.active()).to.have.length(1);
      coach.answer = () => ({ reply: closing(), effects: [{ type: 'cancelReminder' }] });
      await invoke(intentRequest('ReminderOffIntent', {}, options));
      expect(amazon.active()).to.have.length(0);
      expect(amazon.calls.some((c) => c.method === 'DELETE')).to.equal(true);
    });
  });
});
