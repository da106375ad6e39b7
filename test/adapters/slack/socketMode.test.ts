import { expect } from 'chai';
import { Writable } from 'node:stream';
import { mountedSlack } from '../../../src/adapters/slack/index.js';
import { createLogger } from '../../../src/log.js';
import { buildServer } from '../../../src/server.js';
import { openStore } from '../../../src/store/index.js';
import { FakeSlack } from './fakeSlack.js';
import { APP_TOKEN, BOT_TOKEN, buttonsOf, SlackHarness, TEAM, textOf } from './harness.js';

/**
 * Socket Mode through the real server: with SLACK_APP_TOKEN the app opens a WebSocket (apps.connections.open on
 * the fake Web API gives a ws://127.0.0.1 URL) and Slack's envelopes come over it: slash commands, buttons and
 * events, each acknowledged by envelope id. No public URL: nothing is served at /slack/events.
 */
describe('slack over Socket Mode (fake Socket Mode server on 127.0.0.1)', () => {
  let h: SlackHarness;

  afterEach(async () => {
    await h?.close();
  });

  it('connects with the app token and serves nothing at /slack/events', async () => {
    h = await SlackHarness.start({ socket: true });
    const open = h.fake.of('apps.connections.open');
    expect(open).to.have.length(1);
    expect(open[0]!.token).to.equal(APP_TOKEN);
    expect(h.socket!.connections).to.equal(1);
    const res = await fetch(`${h.baseUrl}/slack/events`, { method: 'POST', body: 'x' });
    expect(res.status).to.equal(404);
    expect(h.logs.join('')).to.include('Slack is on (Socket Mode)');
  });

  it('a slash command is acked on the socket at once, the menu in the ack, the session in the DM', async () => {
    h = await SlackHarness.start({ socket: true });
    const menu = await h.command('U1', '');
    expect(menu.json?.response_type).to.equal('ephemeral');
    expect(buttonsOf(menu.json?.blocks).map((b) => b.label)).to.include('Start');

    // A slow Slack: the ack must not wait for the Web API.
    h.fake.delays.set('chat.postMessage', 300);
    const started = Date.now();
    const ack = await h.socket!.send('slash_commands', {
      team_id: TEAM,
      user_id: 'U1',
      channel_id: 'D1',
      command: '/backbreak',
      text: 'start five moves',
      trigger_id: 'trigger.socket.1',
      api_app_id: 'A0TEST',
      response_url: `${h.fake.url}response`,
    });
    expect(Date.now() - started).to.be.below(300);
    expect(ack.payload ?? {}).to.deep.equal({});
    await h.idle();
    const posted = h.fake.of('chat.postMessage');
    expect(posted).to.have.length(1);
    expect(posted[0]!.token).to.equal(BOT_TOKEN);
    expect(posted[0]!.body.channel).to.equal('D1');
    expect(textOf(posted[0]!.body.blocks)).to.match(/Five Moves/i);
  });

  it('buttons arrive as interactive envelopes and move the same session message', async () => {
    h = await SlackHarness.start({ socket: true });
    await h.command('U1', 'start five moves');
    const before = h.currentMessage('U1')!;
    await h.click('U1', buttonsOf(before.body.blocks)[0]!.label);
    const updates = h.fake.of('chat.update');
    expect(updates).to.have.length(1);
    expect(updates[0]!.body.ts).to.equal(before.message.ts);
    expect(h.socket!.received.length).to.equal(2);
  });

  it('events arrive as events_api envelopes; a retried envelope is acked and not applied twice', async () => {
    h = await SlackHarness.start({ socket: true });
    await h.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' }, { eventId: 'Ev0SOCKET' });
    await h.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' }, { eventId: 'Ev0SOCKET', retryNum: 1 });
    expect(h.fake.of('views.publish')).to.have.length(1);
    expect(h.socket!.received.map((a) => a.envelope_id)).to.have.length(2);
  });

  it('reconnects when Slack asks it to, and carries on', async () => {
    h = await SlackHarness.start({ socket: true });
    h.socket!.askToReconnect();
    await h.socket!.ready();
    expect(h.socket!.connections).to.equal(2);
    expect(h.fake.of('apps.connections.open')).to.have.length(2);
    const menu = await h.command('U1', '');
    expect(menu.json?.response_type).to.equal('ephemeral');
  });

  it('a refused app token is said plainly, and the rest of the server still serves', async () => {
    const fake = await new FakeSlack().start();
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }));
    const store = await openStore('memory:');
    const server = await buildServer(
      { port: 0, host: '127.0.0.1', databaseUrl: 'memory:', logLevel: 'info', alexa: { verify: true }, slack: { appToken: 'xapp-1-revoked', botToken: BOT_TOKEN, apiUrl: fake.url } },
      { log, store },
    );
    try {
      const port = await server.listen();
      let refused: unknown;
      await mountedSlack(server.app)!.ready.catch((err: unknown) => (refused = err));
      expect(refused).to.be.instanceOf(Error);
      expect(lines.join('')).to.include('check SLACK_APP_TOKEN');
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).to.equal(200);
    } finally {
      await server.close();
      await store.close();
      await fake.stop();
    }
  });
});
