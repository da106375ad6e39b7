import { Writable } from 'node:stream';
import { expect } from 'chai';
import { SLACK_OFF_MESSAGE } from '../../../src/adapters/slack/index.js';
import { decodeValue, encodeValue } from '../../../src/adapters/slack/render/values.js';
import type { Config } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { buildServer } from '../../../src/server.js';
import { openStore } from '../../../src/store/index.js';
import { screenedProfile } from '../../scripts/script.js';
import { buttonsOf, SlackHarness, TEAM, textOf } from './harness.js';
import { postSigned, postSignedJson, sign } from './signed.js';

/**
 * The real server (buildServer) with Slack on, driven by signed requests as Slack sends them; Slack's Web
 * API is the fake on 127.0.0.1.
 */
const person = (user: string) => `slack:${TEAM}:${user}`;

async function screened(h: SlackHarness, user: string): Promise<void> {
  await h.store.saveProfile(person(user), screenedProfile(new Date()), null);
}

/** From "start five moves" to step 1, answering the short safety check, equipment and pain by buttons. */
async function toFirstStep(h: SlackHarness, user: string): Promise<void> {
  await screened(h, user);
  await h.command(user, 'start five moves');
  await h.click(user, 'No'); // tier A: nothing of the kind
  await h.click(user, 'Yes'); // has a strap
  await h.click(user, '4'); // pain before
}

function payload(call: { body: Record<string, any> }) {
  return call.body.metadata?.event_payload as { moment: string; turn: number; end: boolean };
}

describe('slack through the real server', function () {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await SlackHarness.start();
  });
  afterEach(async () => {
    // Bolt is given its identity: never an auth.test per request (nor at all).
    expect(h.fake.of('auth.test')).to.have.length(0);
    await h.close();
  });

  describe('request verification', () => {
    it('a bad signature gets 401 and changes nothing', async () => {
      const res = await postSigned(h.baseUrl, { command: '/backbreak', text: 'start five moves', team_id: TEAM, user_id: 'U1', trigger_id: 't1', channel_id: 'D1' }, { secret: h.secret, signature: 'v0=' + '0'.repeat(64) });
      expect(res.status).to.equal(401);
      const wrongSecret = await postSigned(h.baseUrl, { command: '/backbreak', text: 'start', team_id: TEAM, user_id: 'U1', trigger_id: 't2', channel_id: 'D1' }, { secret: 'not-the-secret' });
      expect(wrongSecret.status).to.equal(401);
      await h.idle();
      expect(h.fake.calls).to.have.length(0);
      expect(await h.store.getProfile(person('U1'))).to.equal(undefined);
      expect(await h.store.getSession(person('U1'))).to.equal(undefined);
    });

    it('a stale timestamp (over 5 minutes) gets 401 even when correctly signed', async () => {
      const old = Math.floor(Date.now() / 1000) - 6 * 60;
      const form = { command: '/backbreak', text: 'start five moves', team_id: TEAM, user_id: 'U1', trigger_id: 't1', channel_id: 'D1' };
      const body = new URLSearchParams(form).toString();
      const res = await postSigned(h.baseUrl, form, { secret: h.secret, timestamp: old, signature: sign(h.secret, old, body) });
      expect(res.status).to.equal(401);
      await h.idle();
      expect(h.fake.calls).to.have.length(0);
      expect(await h.store.getSession(person('U1'))).to.equal(undefined);
    });
  });

  describe('/backbreak', () => {
    it('with no text shows a short ephemeral menu of routines with Start buttons', async () => {
      const res = await h.command('U1', '');
      expect(res.status).to.equal(200);
      expect(res.json.response_type).to.equal('ephemeral');
      const starts = buttonsOf(res.json.blocks);
      expect(starts.length).to.equal(h.server.routines.length);
      expect(starts.every((b) => b.label === 'Start' && decodeValue(b.value)?.i.type === 'start')).to.equal(true);
      expect(h.fake.calls).to.have.length(0);
    });

    it('unknown text gets a usage line, no error and no turn', async () => {
      const res = await h.command('U1', 'purple monkey dishwasher');
      expect(res.status).to.equal(200);
      expect(res.json.response_type).to.equal('ephemeral');
      expect(res.json.text).to.match(/^Try `\/backbreak`/);
      expect(res.text).not.to.match(/error|stack|exception/i);
      expect(h.fake.calls).to.have.length(0);
      expect(await h.store.getSession(person('U1'))).to.equal(undefined);
    });

    it('start posts the session message to the DM; buttons update that same message in place', async () => {
      await screened(h, 'U1');
      const res = await h.command('U1', 'start five moves');
      expect(res.status).to.equal(200);
      expect(h.fake.of('conversations.open')[0]!.body.users).to.equal('U1');
      const posts = h.fake.of('chat.postMessage');
      expect(posts).to.have.length(1);
      expect(posts[0]!.body.channel).to.equal('D1');
      expect(payload(posts[0]!).moment).to.equal('screening');
      expect(buttonsOf(posts[0]!.body.blocks).map((b) => b.label)).to.deep.equal(['Yes', 'No', 'Not sure']);
      const ts = posts[0]!.response.ts;

      await h.click('U1', 'No');
      await h.click('U1', 'Yes');
      await h.click('U1', '4');
      const updates = h.fake.of('chat.update');
      expect(updates).to.have.length(3);
      for (const u of updates) expect([u.body.channel, u.body.ts]).to.deep.equal(['D1', ts]);
      expect(h.fake.of('chat.postMessage')).to.have.length(1);

      const step = updates.at(-1)!;
      expect(payload(step).moment).to.equal('step');
      const blocks = step.body.blocks;
      expect(blocks[0].type).to.equal('header');
      expect(textOf(blocks)).to.match(/Step 1 of \d+ · (right side · )?\d+ (breaths|seconds|times|reps)/);
      const buttons = buttonsOf(blocks);
      expect(buttons.map((b) => b.label)).to.include.members(['Next', 'Repeat', 'Easier', 'Pause', 'Stop', 'This hurts']);
      expect(buttons.find((b) => b.label === 'Stop')!.confirm).to.exist;
      expect(buttons.find((b) => b.label === 'This hurts')!.style).to.equal('danger');
      for (const b of buttons) expect(decodeValue(b.value)!.t).to.equal(payload(step).turn);
      // The message remembered for the person is that one message.
      const profile = await h.server.coach.getProfile(person('U1'));
      expect(profile!.surfaces.slack).to.include({ channel: 'D1', ts, open: '1' });
    });

    it('typed in a channel, the answer goes to the DM and the channel gets a pointer', async () => {
      await screened(h, 'U1');
      const res = await h.command('U1', 'start five moves', { channel: 'C0GENERAL' });
      expect(res.json.response_type).to.equal('ephemeral');
      expect(res.json.text).to.match(/DM/);
      expect(h.fake.of('chat.postMessage')[0]!.body.channel).to.equal('D1');
    });

    it('typed commands move the same session message', async () => {
      await toFirstStep(h, 'U1');
      const before = h.fake.of('chat.update').length;
      await h.command('U1', 'next');
      const update = h.fake.of('chat.update').at(-1)!;
      expect(h.fake.of('chat.update')).to.have.length(before + 1);
      expect(textOf(update.body.blocks)).to.match(/Step 2 of/);
      expect(h.fake.of('chat.postMessage')).to.have.length(1);
    });

    it('acks at once and does the slow work after (Slack slow to answer)', async () => {
      await screened(h, 'U1');
      h.fake.delays.set('chat.postMessage', 1500);
      const started = Date.now();
      const res = await postSigned(
        h.baseUrl,
        { command: '/backbreak', text: 'start five moves', team_id: TEAM, user_id: 'U1', trigger_id: 'slow.1', channel_id: 'D1' },
        { secret: h.secret },
      );
      const ackMs = Date.now() - started;
      expect(res.status).to.equal(200);
      expect(ackMs).to.be.below(1000);
      expect(h.fake.of('chat.postMessage')).to.have.length(0);
      await h.idle();
      expect(h.fake.of('chat.postMessage')).to.have.length(1);
      console.log(`      ack of /backbreak start: ${ackMs} ms (chat.postMessage answered after 1500 ms)`);
    });
  });

  describe('safety and repeats', () => {
    it('"This hurts" takes the safety path: what kind, then emergency advice for seat numbness', async () => {
      await toFirstStep(h, 'U1');
      await h.click('U1', 'This hurts');
      let current = h.currentMessage('U1')!;
      expect(current.body.metadata.event_payload.moment).to.equal('hurtKind');
      expect(buttonsOf(current.body.blocks).map((b) => b.label)).to.include.members(['Sharp or shooting', 'Numb around my seat']);
      await h.click('U1', 'Numb around my seat');
      current = h.currentMessage('U1')!;
      expect(current.body.metadata.event_payload).to.include({ moment: 'emergency', end: true });
      expect(textOf(current.body.blocks)).to.match(/911/);
      expect(buttonsOf(current.body.blocks).map((b) => b.label)).not.to.include('Next');
      // Still the one message.
      expect(h.fake.of('chat.postMessage')).to.have.length(1);
    });

    it('a double click applies once (one after the other, and both at once)', async () => {
      await toFirstStep(h, 'U1');
      const step1 = h.currentMessage('U1')!;
      const next = buttonsOf(step1.body.blocks).find((b) => b.label === 'Next')!;
      const updates = h.fake.of('chat.update').length;
      await h.sendAction(h.clickPayload('U1', step1.message, next));
      await h.sendAction(h.clickPayload('U1', step1.message, next));
      expect(h.fake.of('chat.update')).to.have.length(updates + 1);
      expect(textOf(h.currentMessage('U1')!.body.blocks)).to.match(/Step 2 of/);

      const step2 = h.currentMessage('U1')!;
      const next2 = buttonsOf(step2.body.blocks).find((b) => b.label === 'Next')!;
      await Promise.all([h.sendAction(h.clickPayload('U1', step2.message, next2)), h.sendAction(h.clickPayload('U1', step2.message, next2))]);
      expect(h.fake.of('chat.update')).to.have.length(updates + 2);
      expect(textOf(h.currentMessage('U1')!.body.blocks)).to.match(/Step 3 of/);
    });

    it('a retried request (X-Slack-Retry-Num) applies once: command, button and event', async () => {
      await toFirstStep(h, 'U1');
      const updates = h.fake.of('chat.update').length;
      await h.command('U1', 'next', { trigger: 'retry.trigger.1' });
      const retried = await h.command('U1', 'next', { trigger: 'retry.trigger.1', retryNum: 1 });
      expect(retried.status).to.equal(200);
      expect(h.fake.of('chat.update')).to.have.length(updates + 1);

      const current = h.currentMessage('U1')!;
      const repeat = buttonsOf(current.body.blocks).find((b) => b.label === 'Next')!;
      const click = h.clickPayload('U1', current.message, repeat, '1700000123.000001');
      await h.sendAction(click);
      await h.sendAction(click, { retryNum: 1 });
      expect(h.fake.of('chat.update')).to.have.length(updates + 2);

      const event = { type: 'event_callback', team_id: TEAM, api_app_id: 'A0TEST', event_id: 'Ev0RETRY', event_time: 1, event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' } };
      await postSignedJson(h.baseUrl, event, { secret: h.secret });
      await postSignedJson(h.baseUrl, event, { secret: h.secret, retryNum: 1 });
      await postSignedJson(h.baseUrl, event, { secret: h.secret, retryNum: 2 });
      await h.idle();
      expect(h.fake.of('views.publish')).to.have.length(1);
    });
  });

  describe('bad input', () => {
    it('a button no listener knows is acked at once and changes nothing', async () => {
      const started = Date.now();
      const unknown = { label: 'Go', action_id: 'bb_launch_missiles', value: encodeValue({ type: 'next' }, 0) };
      const res = await h.sendAction(h.clickPayload('U1', { channel: 'D1', ts: '1700000000.000001' }, unknown));
      expect(res.status).to.equal(200);
      expect(Date.now() - started).to.be.below(1000);
      expect(h.fake.calls).to.have.length(0);
      expect(await h.store.getSession(person('U1'))).to.equal(undefined);
      expect(h.logs.join('')).to.include('slack_bad_button_value');
    });

    it('a garbled or forged button value on the session message is acked and changes nothing', async () => {
      await toFirstStep(h, 'U1');
      const current = h.currentMessage('U1')!;
      const next = buttonsOf(current.body.blocks).find((b) => b.label === 'Next')!;
      const calls = h.fake.calls.length;
      for (const value of ['{"v":1,"i":{"type":"next"', '{"v":1,"i":{"type":"launchMissiles"},"t":0}', 'next', '']) {
        const res = await h.sendAction(h.clickPayload('U1', current.message, { ...next, value }));
        expect(res.status, value).to.equal(200);
      }
      // A Start button carrying something other than a start.
      const res = await h.sendAction(h.clickPayload('U1', current.message, { label: 'Start', action_id: 'bb_start_five-moves', value: encodeValue({ type: 'forgetMe' }) }));
      expect(res.status).to.equal(200);
      expect(h.fake.calls).to.have.length(calls);
      expect(textOf(h.currentMessage('U1')!.body.blocks)).to.match(/Step 1 of/);
      expect(await h.store.getProfile(person('U1'))).not.to.equal(undefined);
    });

    it('/backbreak handsfree with a bad word answers with how to say it and stores nothing', async () => {
      const res = await h.command('U1', 'handsfree maybe');
      expect(res.status).to.equal(200);
      expect(res.json.response_type).to.equal('ephemeral');
      expect(res.json.text).to.match(/handsfree on/);
      expect(h.fake.calls).to.have.length(0);
      expect(await h.store.getProfile(person('U1'))).to.equal(undefined);
    });

    it('/backbreak remind with a time that is no time: the coach says it did not catch the time, and stores no reminder', async () => {
      for (const text of ['remind daily 25:00', 'remind weekdays 9:75']) {
        const res = await h.command('U1', text);
        expect(res.status, text).to.equal(200);
        await h.idle();
        expect(textOf(h.currentMessage('U1')!.body.blocks), text).to.include("I didn't catch the time.");
      }
      expect(await h.store.getReminder(person('U1'), 'slack')).to.equal(undefined);
    });
  });

  describe('App Home, reminders, hands-free, forget', () => {
    it('App Home shows routines, the next reminder, recent history and the hands-free setting', async () => {
      h.fake.timeZones.set('U1', 'America/New_York');
      await h.command('U1', 'remind weekdays 15:00');
      const event = { type: 'event_callback', team_id: TEAM, api_app_id: 'A0TEST', event_id: 'Ev0HOME', event_time: 1, event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' } };
      const res = await postSignedJson(h.baseUrl, event, { secret: h.secret });
      expect(res.status).to.equal(200);
      await h.idle();
      const publish = h.fake.of('views.publish')[0]!;
      expect(publish.body.user_id).to.equal('U1');
      const view = publish.body.view;
      expect(view.type).to.equal('home');
      expect(view.blocks.length).to.be.at.most(100);
      const text = textOf(view.blocks);
      expect(text).to.include('Weekdays at 15:00 (America/New_York)');
      expect(buttonsOf(view.blocks).filter((b) => b.label === 'Start')).to.have.length(h.server.routines.length);

      // The hands-free button saves the setting and shows the tab again.
      const toggle = buttonsOf(view.blocks).find((b) => b.action_id === 'bb_handsfree')!;
      const click = h.clickPayload('U1', { channel: '', ts: '' }, toggle);
      delete click.channel;
      delete click.message;
      click.container = { type: 'view', view_id: 'V1' };
      await h.sendAction(click);
      expect((await h.server.coach.getProfile(person('U1')))!.surfaces.slack!.handsFree).to.equal('on');
      expect(textOf(h.fake.of('views.publish')[1]!.body.view.blocks)).to.include('Hands-free:* on');
    });

    it('remind stores the reminder in the person\'s zone; the scheduler DMs it once; its button starts the back break once', async () => {
      h.fake.timeZones.set('U1', 'America/New_York');
      await h.command('U1', 'remind weekdays 15:00');
      expect(h.fake.of('users.info').at(-1)!.body.user).to.equal('U1');
      const reminder = (await h.store.getReminder(person('U1'), 'slack'))!;
      expect(reminder).to.include({ time: '15:00', timeZone: 'America/New_York', target: 'D1' });
      expect(reminder.days).to.deep.equal([1, 2, 3, 4, 5]);
      const local = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(reminder.nextDueAt);
      expect(local).to.match(/^(Mon|Tue|Wed|Thu|Fri) 15:00$/);
      expect(reminder.nextDueAt).to.be.greaterThan(Date.now());

      // Due now: the server's own scheduler sends it.
      await h.store.rescheduleReminder(reminder.id, Date.now() - 1000);
      await h.slack.scheduler.tick();
      await h.slack.scheduler.tick();
      const dm = h.fake.of('chat.postMessage').filter((c) => c.body.text?.startsWith('Time for a back break'));
      expect(dm).to.have.length(1);
      expect(dm[0]!.body.channel).to.equal('D1');

      const start = buttonsOf(dm[0]!.body.blocks).find((b) => b.label === 'Start a back break')!;
      const where = { channel: 'D1', ts: dm[0]!.response.ts };
      const postsBefore = h.fake.of('chat.postMessage').length;
      await h.sendAction(h.clickPayload('U1', where, start));
      await h.sendAction(h.clickPayload('U1', where, start));
      const sessions = h.fake.of('chat.postMessage').slice(postsBefore);
      expect(sessions).to.have.length(1);
      expect(sessions[0]!.body.metadata.event_type).to.equal('back_break_turn');
      expect(sessions[0]!.body.blocks[0].text.text).to.match(/back break/i);

      await h.command('U1', 'remind off');
      expect(await h.store.getReminder(person('U1'), 'slack')).to.equal(undefined);
    });

    it('hands-free: the step says it moves on; the elapsed hold advances the message; stale keys and stop change nothing more', async () => {
      await screened(h, 'U1');
      const set = await h.command('U1', 'handsfree on');
      expect(set.json.text).to.match(/Hands-free is on/);
      await h.command('U1', 'start five moves');
      await h.click('U1', 'No');
      await h.click('U1', 'Yes');
      await h.click('U1', '4');
      const step1 = h.currentMessage('U1')!;
      expect(textOf(step1.body.blocks)).to.match(/moves on by itself in \d+ s/);
      const pending = h.slack.conversation.timers.pending(person('U1'))!;
      expect(pending.turn).to.equal(step1.body.metadata.event_payload.turn);

      // What the timer does when the hold ends (the timer itself is tested with short holds elsewhere).
      const who = { teamId: TEAM, userId: 'U1', personId: person('U1') };
      const updates = h.fake.of('chat.update').length;
      await h.slack.conversation.turn(who, { type: 'timerElapsed', stepKey: pending.stepKey }, { atTurn: pending.turn });
      expect(h.fake.of('chat.update')).to.have.length(updates + 1);
      expect(textOf(h.currentMessage('U1')!.body.blocks)).to.match(/Step 2 of/);
      const armedAgain = h.slack.conversation.timers.pending(person('U1'))!;
      expect(armedAgain.stepKey).not.to.equal(pending.stepKey);

      // The old step's timer, late: nothing changes.
      await h.slack.conversation.turn(who, { type: 'timerElapsed', stepKey: pending.stepKey }, { atTurn: pending.turn });
      expect(h.fake.of('chat.update')).to.have.length(updates + 1);

      await h.click('U1', 'Stop');
      expect(h.slack.conversation.timers.pending(person('U1'))).to.equal(undefined);
      expect(h.slack.conversation.timers.size).to.equal(0);
    });

    it('forget asks first, then erases everything and leaves nothing behind', async () => {
      h.fake.timeZones.set('U1', 'Europe/London');
      await toFirstStep(h, 'U1');
      await h.command('U1', 'remind daily 9am');
      await h.command('U1', 'forget');
      const ask = h.currentMessage('U1')!;
      expect(ask.body.metadata.event_payload.moment).to.equal('forget');
      await h.click('U1', 'Yes');
      expect(h.currentMessage('U1')!.body.metadata.event_payload.end).to.equal(true);
      expect(await h.store.getProfile(person('U1'))).to.equal(undefined);
      expect(await h.store.getSession(person('U1'))).to.equal(undefined);
      expect(await h.store.getReminder(person('U1'), 'slack')).to.equal(undefined);
    });

    it('logs carry no pain scores or screening answers', async () => {
      await toFirstStep(h, 'U1');
      await h.command('U1', '7');
      const logs = h.logs.join('');
      // The turn is logged, but not what it was about (nor the Web API bodies that carry the coach's words).
      expect(logs).to.include('"event":"turn"');
      expect(logs).not.to.include('painScore');
      expect(logs).not.to.include('How is your back');
      expect(logs).not.to.match(/"score"\s*:\s*\d/);
      expect(logs).not.to.match(/"answers"\s*:\s*\{/);
      expect(logs).not.to.include('xoxb-');
      expect(logs).not.to.include(h.secret);
    });
  });
});

describe('slack off', () => {
  it('without Slack variables the log says so once and /slack/events is not served', async () => {
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
    const store = await openStore('memory:');
    const config: Config = { port: 0, host: '127.0.0.1', databaseUrl: 'sqlite::memory:', logLevel: 'info', alexa: { verify: true } };
    const server = await buildServer(config, { log, store });
    const port = await server.listen();
    try {
      expect(lines.filter((l) => l.includes(SLACK_OFF_MESSAGE))).to.have.length(1);
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: 'x' });
      expect(res.status).to.equal(404);
    } finally {
      await server.close();
      await store.close();
    }
  });
});
