import { expect } from 'chai';
import { SlackHarness, TEAM, textOf } from './harness.js';

/**
 * Words typed in the app's DM drive the same conversation as /backbreak, through the real server, over HTTP
 * and Socket Mode, with one bot token and with OAuth installs.
 */
const typed = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text, ts: `${Date.now() / 1000}`, ...extra });

for (const socket of [false, true]) {
  describe(`slack: typing in the app's DM${socket ? ' (Socket Mode)' : ''}`, () => {
    let h: SlackHarness;
    beforeEach(async () => {
      h = await SlackHarness.start({ socket });
    });
    afterEach(() => h.close());

    it('starts a routine and moves it on, in the one session message', async () => {
      await h.event(typed('start five moves'));
      const posted = h.fake.of('chat.postMessage');
      expect(posted).to.have.length(1);
      expect(posted[0]!.body.channel).to.equal('D1');
      expect(textOf(posted[0]!.body.blocks)).to.match(/Five Moves/i);
      await h.event(typed('next'));
      expect(h.fake.of('chat.postMessage')).to.have.length(1);
      expect(h.fake.of('chat.update')).to.have.length(1);
      expect(h.fake.of('chat.update')[0]!.body.ts).to.equal(posted[0]!.response.ts);
    });

    it('answers words it does not know with a usage line in the DM, not silence', async () => {
      await h.event(typed('purple monkey dishwasher'));
      const posted = h.fake.of('chat.postMessage');
      expect(posted).to.have.length(1);
      expect(posted[0]!.body.text).to.match(/^Try /);
      // Typed words are offered, not the slash command spelled out ("what can you do" read badly).
      expect(posted[0]!.body.text).to.include('`start five moves`').and.not.include('`/backbreak start');
      expect(JSON.stringify(posted[0]!.body.blocks)).to.not.include('`/backbreak start');
    });

    it("leaves alone the app's own messages, edits, and other bots", async () => {
      await h.event(typed('Time for a back break', { bot_id: 'BBOT', user: 'UBOT' }));
      await h.event(typed('start five moves', { subtype: 'message_changed' }));
      await h.event({ ...typed('start five moves'), channel_type: 'channel', channel: 'C1' });
      expect(h.fake.messages()).to.have.length(0);
    });
  });
}

describe("slack: typing in the app's DM of an OAuth workspace", () => {
  it("is answered with that workspace's token", async () => {
    const h = await SlackHarness.start({
      slack: ({ botToken: _none, ...base }) => ({ ...base, oauth: { clientId: '1.2', clientSecret: 'c', stateSecret: 'a-state-secret-for-tests' } }),
    });
    try {
      await h.store.putInstallation(TEAM, { team: { id: TEAM }, bot: { token: 'xoxb-installed', id: 'B1', userId: 'UBOT' }, authVersion: 'v2', user: { id: 'UI' } }, Date.now());
      await h.event(typed('start five moves'));
      expect(h.fake.of('chat.postMessage').map((c) => c.token)).to.deep.equal(['xoxb-installed']);
    } finally {
      await h.close();
    }
  });
});
