import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { SLACK_EVENTS_PATH } from '../../../src/adapters/slack/index.js';
import { COMMAND } from '../../../src/adapters/slack/listeners/commands/backbreak.js';
import { BOT_SCOPES } from '../../../src/adapters/slack/scopes.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (name: string) => JSON.parse(readFileSync(join(ROOT, 'slack', name), 'utf8'));
/** Hosted over HTTP (request URLs at /slack/events), and Socket Mode (no URL at all). */
const manifest = read('manifest.json');
const socketManifest = read('manifest.socket.json');

/** The bot scope each Web API method needs (docs.slack.dev method pages); null: no scope. */
const SCOPE_OF: Record<string, string | null> = {
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'conversations.open': 'im:write',
  'users.info': 'users:read',
  'users.profile.get': 'users.profile:read',
  'dnd.info': 'dnd:read',
  'views.publish': null,
  'views.open': null,
  'auth.test': null,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('slack app manifest', () => {
  it('declares the slash command, interactivity and the App Home event at /slack/events', () => {
    const command = manifest.features.slash_commands.find((c: { command: string }) => c.command === COMMAND);
    expect(command, COMMAND).to.exist;
    expect(command.url).to.match(new RegExp(`${SLACK_EVENTS_PATH}$`));
    expect(manifest.settings.interactivity.is_enabled).to.equal(true);
    expect(manifest.settings.interactivity.request_url).to.match(new RegExp(`${SLACK_EVENTS_PATH}$`));
    expect(manifest.settings.event_subscriptions.request_url).to.match(new RegExp(`${SLACK_EVENTS_PATH}$`));
    expect(manifest.settings.event_subscriptions.bot_events).to.deep.equal(['app_home_opened', 'app_uninstalled', 'tokens_revoked', 'user_change', 'message.im']);
    expect(manifest.oauth_config.redirect_urls).to.deep.equal(['https://back-break.example.com/slack/oauth_redirect']);
    expect(manifest.features.app_home.home_tab_enabled).to.equal(true);
    expect(manifest.display_information.long_description.length).to.be.within(175, 4000);
  });

  it('has a Socket Mode twin: the same app, socket mode on, no request URL anywhere', () => {
    expect(socketManifest.settings.socket_mode_enabled).to.equal(true);
    expect(manifest.settings.socket_mode_enabled).to.equal(false);
    expect(JSON.stringify(socketManifest)).to.not.include('request_url');
    expect(socketManifest.features.slash_commands[0]).to.not.have.property('url');
    // Everything else matches: features, scopes, events, interactivity.
    const strip = (m: any) => {
      const copy = structuredClone(m);
      for (const c of copy.features.slash_commands) delete c.url;
      delete copy.settings.event_subscriptions.request_url;
      delete copy.settings.interactivity.request_url;
      delete copy.settings.socket_mode_enabled;
      delete copy.oauth_config.redirect_urls;
      return copy;
    };
    expect(strip(socketManifest)).to.deep.equal(strip(manifest));
  });

  it('asks for exactly the bot scopes the code uses', () => {
    const called = new Set<string>();
    for (const file of sources(join(ROOT, 'src/adapters/slack'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bclient\.(chat|conversations|users\.profile|users|views|auth|dnd)\.(\w+)\(/g)) called.add(`${m[1]}.${m[2]}`);
    }
    expect([...called].sort()).to.include.members(['chat.postMessage', 'chat.update', 'conversations.open', 'users.info', 'views.publish', 'dnd.info', 'users.profile.get']);
    // The slash command, and the DM's messages (message.im) need their own scopes.
    const needed = new Set<string>(['commands', 'im:history']);
    for (const method of called) {
      expect(SCOPE_OF, `scope of ${method} unknown to this test`).to.have.property(method);
      const scope = SCOPE_OF[method];
      if (scope) needed.add(scope);
    }
    expect([...manifest.oauth_config.scopes.bot].sort()).to.deep.equal([...needed].sort());
    // What an OAuth install asks for is what the manifest declares.
    expect([...BOT_SCOPES].sort()).to.deep.equal([...manifest.oauth_config.scopes.bot].sort());
  });
});
