import { expect } from 'chai';
import { mountedSlack } from '../../src/adapters/slack/index.js';
import type { Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { type BackBreakServer, buildServer } from '../../src/server.js';
import { MemoryStore } from '../../src/store/index.js';
import { device, say } from '../adapters/alexa/harness.js';
import type { Alexa } from '../adapters/alexa/voice.js';
import { FakeSlack } from '../adapters/slack/fakeSlack.js';
import { textOf } from '../adapters/slack/harness.js';
import { newSigningSecret, postSigned } from '../adapters/slack/signed.js';
import { Browser, type TurnResponse } from '../adapters/web/harness.js';

/**
 * One person on three surfaces through the real server: a routine walked on the web, then Alexa ("link my
 * account" reads a code, entered on the web page) and Slack (`/backbreak link` shows a code, entered on the web
 * page) see that history and that screening; forget me on the web erases all three.
 */
describe('linking web, Alexa and Slack through the real server', function () {
  this.timeout(60_000);
  let server: BackBreakServer;
  let fake: FakeSlack;
  let base: string;
  const secret = newSigningSecret();
  let triggers = 0;

  beforeEach(async () => {
    fake = await new FakeSlack().start();
    const config: Config = {
      port: 0,
      host: '127.0.0.1',
      databaseUrl: 'memory:',
      logLevel: 'silent',
      alexa: { verify: false },
      slack: { signingSecret: secret, botToken: 'xoxb-test-not-a-real-token', apiUrl: fake.url },
    };
    server = await buildServer(config, { store: new MemoryStore(), log: createLogger('silent') });
    base = `http://127.0.0.1:${await server.listen()}`;
  });

  afterEach(async () => {
    await server.close();
    await fake.stop();
  });

  async function slash(user: string, text: string) {
    const res = await postSigned(
      base,
      {
        token: 'unused',
        team_id: 'T0TEST',
        team_domain: 'test',
        channel_id: `D${user}`,
        channel_name: 'directmessage',
        user_id: user,
        user_name: user.toLowerCase(),
        command: '/backbreak',
        text,
        api_app_id: 'A0TEST',
        response_url: `${fake.url}response`,
        trigger_id: `trigger.${++triggers}`,
      },
      { secret },
    );
    await mountedSlack(server.app)!.conversation.idle();
    return res;
  }

  /** What the coach last said in the person's Slack DM. */
  function lastDm(user: string): string {
    const posts = fake.messages().filter((c) => c.body.channel === `D${user.replace(/^U/, '')}` && c.body.metadata?.event_type === 'back_break_turn');
    return textOf(posts.at(-1)?.body.blocks);
  }

  /** Walks the short routine on the web, answering the safety questions no and giving pain 6 then 3. */
  async function walkOnWeb(web: Browser): Promise<TurnResponse> {
    let r = await web.turn({ intent: { type: 'start', routine: 'back-break' } });
    for (let i = 0; i < 40 && r.reply.moment !== 'finished'; i++) {
      const intent =
        r.reply.expect === 'painScore'
          ? { type: 'painScore', score: r.reply.moment === 'painBefore' ? 6 : 3 }
          : r.reply.moment === 'step'
            ? { type: 'next' }
            : r.reply.moment === 'equipment'
              ? { type: 'yes' }
              : { type: 'no' };
      r = await web.turn({ intent, atTurn: r.turn });
    }
    expect(r.reply.moment).to.equal('finished');
    return web.turn({ intent: { type: 'no' }, atTurn: r.turn });
  }

  it('a history started on the web is seen on Alexa and in Slack, one screening serves all, and forget me erases all', async () => {
    const web = new Browser(base);
    await walkOnWeb(web);

    // Alexa: "link my account" reads a code; the person types it on the web page.
    const echo: Alexa = device(base);
    const heard = await say(echo, 'link my account');
    expect(heard.end, JSON.stringify(heard).slice(0, 600)).to.equal(true);
    const code = /(\d{3})\D+(\d{3})/.exec(heard.speech)!;
    expect(code, heard.speech).to.not.equal(null);
    const linked = await web.request('/api/link', { body: { code: `${code[1]}-${code[2]}` } });
    expect(await linked.json()).to.deep.equal({ kind: 'linked' });

    // Alexa now knows the routine done on the web, and the screening given there.
    const history = await say(echo, 'my history');
    expect(history.speech).to.match(/Back break/);
    const start = await say(echo, 'start the back break');
    expect(start.speech).to.not.match(/fever/i);

    // Slack: /backbreak link shows a code; entered on the web page, Slack joins the same person.
    const shown = await slash('U1', 'link');
    const slackCode = /\*(\d{3}-\d{3})\*/.exec(shown.json?.text ?? '')?.[1];
    expect(slackCode, shown.text).to.be.a('string');
    const joined = await web.request('/api/link', { body: { code: slackCode } });
    expect(await joined.json()).to.deep.equal({ kind: 'linked' });
    await slash('U1', 'history');
    expect(lastDm('U1')).to.match(/Back break/);
    // A used code is refused, with the tries left.
    const again = await slash('U2', `link ${slackCode}`);
    expect(again.json.text).to.match(/not right.*4 tries left/);

    // And the web page sees it all still, as one history.
    const view = (await (await web.request('/api/history')).json()) as { sessions: Array<{ routineId: string; painBefore: number; painAfter: number }> };
    expect(view.sessions).to.have.length(1);
    expect(view.sessions[0]).to.include({ routineId: 'back-break', painBefore: 6, painAfter: 3 });

    // Forget me on the web erases every linked identity: Alexa and Slack start afresh.
    const asked = await web.turn({ intent: { type: 'forgetMe' } });
    await web.turn({ intent: { type: 'yes' }, atTurn: asked.turn });
    const afterAlexa = await say(echo, 'my history');
    expect(afterAlexa.speech).to.not.match(/Back break, /);
    expect(afterAlexa.speech).to.match(/haven't finished a routine/);
    await slash('U1', 'history');
    expect(lastDm('U1')).to.match(/haven't finished a routine/);
  });

  it('Slack shows a code, the web page enters it; a routine walked on the web then shows in Slack', async () => {
    const shown = await slash('U7', 'link');
    const slackCode = /\*(\d{3}-\d{3})\*/.exec(shown.json?.text ?? '')![1]!;
    const web = new Browser(base);
    expect(await (await web.request('/api/link', { body: { code: slackCode } })).json()).to.deep.equal({ kind: 'linked' });
    await walkOnWeb(web);
    await slash('U7', 'history');
    expect(lastDm('U7'), JSON.stringify(fake.messages().map((m) => m.body.channel + ' ' + m.body.metadata?.event_type))).to.match(/Back break/);
  });
});
