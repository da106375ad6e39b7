import { expect } from 'chai';
import { BOT_SCOPES } from '../../../src/adapters/slack/scopes.js';
import type { Store } from '../../../src/app/store.js';
import { newProfile } from '../../../src/core/profile.js';
import { type HarnessOptions, SlackHarness } from './harness.js';

/**
 * Many workspaces through the real server: OAuth installs (/slack/install, /slack/oauth_redirect with the state
 * checked against the browser's cookie, oauth.v2.access on the fake Web API), each workspace's requests
 * answered with its own bot token, and app_uninstalled / tokens_revoked erasing a workspace's installation
 * and its people's data. Over HTTP and over Socket Mode.
 */
const OAUTH = { clientId: '1111.2222', clientSecret: 'not-a-real-client-secret', stateSecret: 'a-state-secret-for-tests-only' };

function oauthHarness(extra: HarnessOptions = {}): Promise<SlackHarness> {
  return SlackHarness.start({
    ...extra,
    slack: ({ botToken: _none, ...base }) => ({ ...base, oauth: OAUTH }),
  });
}

/** A browser: follows our install link, keeps the cookie, comes back from Slack's consent page with a code. */
async function install(h: SlackHarness, code: string, options: { cookie?: boolean; state?: string } = {}): Promise<{ status: number; page: string }> {
  const start = await fetch(`${h.baseUrl}/slack/install`, { redirect: 'manual' });
  expect(start.status).to.equal(302);
  const consent = new URL(start.headers.get('location')!);
  const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
  const state = options.state ?? consent.searchParams.get('state')!;
  const back = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, {
    headers: options.cookie === false ? {} : { cookie },
  });
  return { status: back.status, page: await back.text() };
}

async function seedPerson(store: Store, personId: string): Promise<void> {
  await store.saveProfile(personId, newProfile(new Date()), null);
  await store.saveSession(personId, { v: 1 }, null);
  await store.addHistory(personId, { routineId: 'back-break', startedAt: new Date().toISOString(), finishedAt: new Date().toISOString(), completed: true, stepsDone: 6, stepsSkipped: 0, painBefore: 5, painAfter: 3 });
  await store.putReminder({ id: personId, personId, surface: 'slack', days: [1, 2, 3, 4, 5], time: '15:00', timeZone: 'Europe/Paris', target: 'D1', nextDueAt: Date.now() + 3600_000 });
}

for (const socket of [false, true]) {
  describe(`slack installs in many workspaces (OAuth${socket ? ', Socket Mode' : ', HTTP'})`, () => {
    let h: SlackHarness;
    beforeEach(async () => {
      h = await oauthHarness({ socket });
      h.fake.oauthCodes.set('code-a', { id: 'TA', name: 'Team <A>' });
      h.fake.oauthCodes.set('code-b', { id: 'TB', name: 'Team B' });
    });
    afterEach(() => h.close());

    it('sends the browser to Slack with our client id, the bot scopes and a signed state bound to a cookie', async () => {
      const start = await fetch(`${h.baseUrl}/slack/install`, { redirect: 'manual' });
      expect(start.status).to.equal(302);
      const consent = new URL(start.headers.get('location')!);
      expect(consent.origin + consent.pathname).to.equal('https://slack.com/oauth/v2/authorize');
      expect(consent.searchParams.get('client_id')).to.equal(OAUTH.clientId);
      expect(consent.searchParams.get('scope')!.split(',')).to.deep.equal([...BOT_SCOPES]);
      const state = consent.searchParams.get('state')!;
      expect(state.length).to.be.greaterThan(20);
      expect(start.headers.get('set-cookie')).to.include(`=${state};`).and.to.include('HttpOnly');
    });

    it('stores the installation (bot token, no user token) and says where it was installed', async () => {
      const done = await install(h, 'code-a');
      expect(done.status).to.equal(200);
      expect(done.page).to.include('installed in Team &lt;A&gt;');
      const stored = (await h.store.getInstallation('TA')) as any;
      expect(stored.bot.token).to.equal('xoxb-TA');
      expect(stored.bot.userId).to.equal('UBOTTA');
      expect(JSON.stringify(stored)).to.not.include('xoxp-');
      expect(h.logs.join('')).to.not.include('xoxb-TA');
      expect(h.fake.of('oauth.v2.access')[0]!.body.client_secret).to.equal(OAUTH.clientSecret);
    });

    it('refuses a return without the browser cookie, with another state, with a forged state or with no code, storing nothing', async () => {
      expect((await install(h, 'code-a', { cookie: false })).status).to.equal(400);
      const other = await fetch(`${h.baseUrl}/slack/install`, { redirect: 'manual' });
      const otherState = new URL(other.headers.get('location')!).searchParams.get('state')!;
      expect((await install(h, 'code-a', { state: otherState })).status).to.equal(400);
      // A state that matches its own cookie but was not signed with our secret.
      const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzY29wZXMiOltdfQ.c2lnbmF0dXJl';
      const res = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=code-a&state=${forged}`, { headers: { cookie: `slack-app-oauth-state=${forged}` } });
      expect(res.status).to.equal(400);
      expect(await res.text()).to.include('expired or was opened in another browser');
      expect((await fetch(`${h.baseUrl}/slack/oauth_redirect?state=x`)).status).to.equal(400);
      expect(h.fake.of('oauth.v2.access')).to.have.length(0);
      expect(await h.store.getInstallation('TA')).to.equal(undefined);
    });

    it('says plainly when the person cancelled on Slack\'s page', async () => {
      const res = await fetch(`${h.baseUrl}/slack/oauth_redirect?error=access_denied&state=x`);
      expect(await res.text()).to.include('Install cancelled');
      expect(await h.store.getInstallation('TA')).to.equal(undefined);
    });

    it('says so when Slack refuses the code', async () => {
      const done = await install(h, 'code-nobody-issued');
      expect(done.status).to.equal(502);
      expect(done.page).to.include('did not complete the install');
    });

    it("answers each workspace with its own bot token, and nobody from a workspace that never installed", async () => {
      await install(h, 'code-a');
      await install(h, 'code-b');
      h.fake.clear();
      await h.command('U1', 'start five moves', { team: 'TA' });
      await h.command('U1', 'start five moves', { team: 'TB' });
      const posts = h.fake.of('chat.postMessage');
      expect(posts.map((p) => p.token)).to.deep.equal(['xoxb-TA', 'xoxb-TB']);
      // Every call of a turn carries the team's token.
      expect(new Set(h.fake.calls.map((c) => c.token))).to.deep.equal(new Set(['xoxb-TA', 'xoxb-TB']));

      h.fake.clear();
      await h.command('U1', 'start five moves', { team: 'TNEVER' }).catch(() => undefined);
      expect(h.fake.messages()).to.have.length(0);
    });

    it("app_uninstalled erases the workspace's installation and its people's data, and only theirs", async () => {
      await install(h, 'code-a');
      await install(h, 'code-b');
      for (const id of ['slack:TA:U1', 'slack:TA:U2', 'slack:TB:U1']) await seedPerson(h.store, id);

      await h.event({ type: 'app_uninstalled' }, { team: 'TA' });

      expect(await h.store.getInstallation('TA')).to.equal(undefined);
      for (const id of ['slack:TA:U1', 'slack:TA:U2']) {
        expect(await h.store.getProfile(id)).to.equal(undefined);
        expect(await h.store.getSession(id)).to.equal(undefined);
        expect(await h.store.listHistory(id, 5)).to.deep.equal([]);
        expect(await h.store.getReminder(id, 'slack')).to.equal(undefined);
      }
      expect(await h.store.getInstallation('TB')).to.not.equal(undefined);
      expect(await h.store.getProfile('slack:TB:U1')).to.not.equal(undefined);
      expect(await h.store.getReminder('slack:TB:U1', 'slack')).to.not.equal(undefined);

      // The workspace is gone: its requests get nothing back; the other carries on.
      h.fake.clear();
      await h.command('U1', 'start five moves', { team: 'TA' }).catch(() => undefined);
      await h.command('U1', 'start five moves', { team: 'TB' });
      expect(h.fake.of('chat.postMessage').map((p) => p.token)).to.deep.equal(['xoxb-TB']);
    });

    it('tokens_revoked erases the workspace when its bot token goes; user tokens alone change nothing', async () => {
      await install(h, 'code-a');
      await seedPerson(h.store, 'slack:TA:U1');
      await h.event({ type: 'tokens_revoked', tokens: { oauth: ['UINSTALLER'] } }, { team: 'TA' });
      expect(await h.store.getInstallation('TA')).to.not.equal(undefined);
      expect(await h.store.getProfile('slack:TA:U1')).to.not.equal(undefined);

      await h.event({ type: 'tokens_revoked', tokens: { bot: ['UBOTTA'] } }, { team: 'TA' });
      expect(await h.store.getInstallation('TA')).to.equal(undefined);
      expect(await h.store.getProfile('slack:TA:U1')).to.equal(undefined);
    });
  });
}

describe('slack with one bot token: app_uninstalled', () => {
  it("erases the workspace's people's data too", async () => {
    const h = await SlackHarness.start();
    try {
      await seedPerson(h.store, 'slack:T0TEST:U1');
      await seedPerson(h.store, 'slack:TOTHER:U1');
      await h.event({ type: 'app_uninstalled' });
      expect(await h.store.getProfile('slack:T0TEST:U1')).to.equal(undefined);
      expect(await h.store.getReminder('slack:T0TEST:U1', 'slack')).to.equal(undefined);
      expect(await h.store.getProfile('slack:TOTHER:U1')).to.not.equal(undefined);
    } finally {
      await h.close();
    }
  });
});
