import { Writable } from 'node:stream';
import type { Store } from '../../../src/app/store.js';
import { mountedSlack, type SlackMount } from '../../../src/adapters/slack/index.js';
import type { Config } from '../../../src/config.js';
import { createLogger, type Logger } from '../../../src/log.js';
import { buildServer, type BackBreakServer } from '../../../src/server.js';
import { openStore } from '../../../src/store/index.js';
import { type ApiCall, FakeSlack } from './fakeSlack.js';
import { FakeSocketMode } from './fakeSocket.js';
import { newSigningSecret, postSigned, postSignedJson, type PostOptions, type SlackPost } from './signed.js';

export const TEAM = 'T0TEST';
export const BOT_TOKEN = 'xoxb-test-not-a-real-token';
export const APP_TOKEN = 'xapp-1-test-not-a-real-token';

export interface HarnessOptions {
  store?: Store;
  now?: () => Date;
  /** Slack reaches the app by Socket Mode (a FakeSocketMode on 127.0.0.1) instead of signed HTTP requests. */
  socket?: boolean;
  /** Changes to the Slack config (OAuth instead of a bot token, busy emoji, ...). */
  slack?: (base: NonNullable<Config['slack']>) => NonNullable<Config['slack']>;
  /** The server's logger instead of the harness's debug one (whose lines are `logs`). */
  log?: Logger;
  /** The server opens this database itself, as it does in production (and its pseudonym key beside it). */
  databaseUrl?: string;
  /** Alexa's settings on the same server (default: verification on). */
  alexa?: Config['alexa'];
}

/**
 * The real server from buildServer(config) on 127.0.0.1:0 with Slack on, its Web API calls going to a
 * FakeSlack; helpers send signed slash commands and button clicks like Slack does.
 */
export class SlackHarness {
  private triggers = 0;
  private constructor(
    readonly logs: string[],
    readonly fake: FakeSlack,
    readonly server: BackBreakServer,
    readonly baseUrl: string,
    readonly secret: string,
    readonly store: Store,
    private readonly ownsStore: boolean,
    /** Set in Socket Mode: requests go over it instead of HTTP. */
    readonly socket?: FakeSocketMode,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<SlackHarness> {
    const fake = await new FakeSlack().start();
    const secret = newSigningSecret();
    const logs: string[] = [];
    const log = options.log ?? createLogger(
      'debug',
      new Writable({
        write(chunk, _enc, done) {
          logs.push(String(chunk));
          done();
        },
      }),
    );
    const store = options.databaseUrl ? undefined : (options.store ?? (await openStore('memory:')));
    const socket = options.socket ? await new FakeSocketMode().start() : undefined;
    if (socket) fake.socketUrl = socket.url;
    const base = socket ? { appToken: APP_TOKEN, botToken: BOT_TOKEN, apiUrl: fake.url } : { signingSecret: secret, botToken: BOT_TOKEN, apiUrl: fake.url };
    const config: Config = {
      port: 0,
      host: '127.0.0.1',
      databaseUrl: options.databaseUrl ?? 'sqlite::memory:',
      logLevel: 'debug',
      alexa: options.alexa ?? { verify: true },
      slack: options.slack ? options.slack(base) : base,
    };
    const server = await buildServer(config, { log, ...(store ? { store } : {}), ...(options.now ? { now: options.now } : {}) });
    const port = await server.listen();
    const harness = new SlackHarness(logs, fake, server, `http://127.0.0.1:${port}`, secret, server.store, options.store === undefined && store !== undefined, socket);
    if (socket) await harness.slack.ready;
    return harness;
  }

  get slack(): SlackMount {
    const mount = mountedSlack(this.server.app);
    if (!mount) throw new Error('Slack is not mounted');
    return mount;
  }

  /** Waits for every turn the server started (acked requests keep working after the HTTP answer). */
  async idle(): Promise<void> {
    await this.slack.conversation.idle();
  }

  async close(): Promise<void> {
    await this.server.close();
    await this.socket?.stop();
    await this.fake.stop();
    if (this.ownsStore) await this.store.close();
  }

  async command(user: string, text: string, extra: Partial<PostOptions> & { channel?: string; trigger?: string; team?: string } = {}): Promise<SlackPost> {
    const form = {
      token: 'unused',
      team_id: extra.team ?? TEAM,
      team_domain: 'test',
      channel_id: extra.channel ?? `D${user.replace(/^U/, '')}`,
      channel_name: 'directmessage',
      user_id: user,
      user_name: user.toLowerCase(),
      command: '/backbreak',
      text,
      api_app_id: 'A0TEST',
      response_url: `${this.fake.url}response`,
      trigger_id: extra.trigger ?? `trigger.${++this.triggers}.${Date.now()}`,
    };
    const res = this.socket ? await this.overSocket('slash_commands', form) : await postSigned(this.baseUrl, form, { secret: this.secret, ...extra });
    await this.idle();
    return res;
  }

  /** An envelope over the socket, its ack read as the HTTP answer would be (200 and the ack's payload). */
  private async overSocket(type: 'slash_commands' | 'interactive' | 'events_api', payload: unknown, extra: Record<string, unknown> = {}): Promise<SlackPost> {
    const ack = await this.socket!.send(type, payload, extra);
    const json = ack.payload && Object.keys(ack.payload).length > 0 ? ack.payload : undefined;
    return { status: 200, text: json ? JSON.stringify(json) : '', json };
  }

  /** An Events API event (app_home_opened, app_uninstalled, user_change, message) from `team`. */
  async event(event: Record<string, unknown>, extra: Partial<PostOptions> & { team?: string; eventId?: string } = {}): Promise<SlackPost> {
    const body = {
      token: 'unused',
      team_id: extra.team ?? TEAM,
      api_app_id: 'A0TEST',
      event: { event_ts: `${Date.now() / 1000}`, ...event },
      type: 'event_callback',
      event_id: extra.eventId ?? `Ev${++this.triggers}${Date.now()}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: extra.team ?? TEAM, user_id: 'UBOT', is_bot: true }],
    };
    const res = this.socket
      ? await this.overSocket('events_api', body, { retry_attempt: extra.retryNum ?? 0, retry_reason: extra.retryNum ? 'timeout' : '' })
      : await postSignedJson(this.baseUrl, body, { secret: this.secret, ...extra });
    await this.idle();
    return res;
  }

  /** The block_actions payload Slack sends when `user` presses `button` on `message`. */
  clickPayload(user: string, message: { channel: string; ts: string }, button: Button, actionTs?: string): Record<string, unknown> {
    return {
      type: 'block_actions',
      team: { id: TEAM, domain: 'test' },
      user: { id: user, username: user.toLowerCase(), team_id: TEAM },
      api_app_id: 'A0TEST',
      token: 'unused',
      container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
      trigger_id: `trigger.${++this.triggers}.${Date.now()}`,
      channel: { id: message.channel, name: 'directmessage' },
      message: { type: 'message', ts: message.ts, text: '' },
      response_url: `${this.fake.url}response`,
      actions: [
        {
          type: 'button',
          action_id: button.action_id,
          block_id: button.block_id,
          text: { type: 'plain_text', text: button.label },
          value: button.value,
          action_ts: actionTs ?? `${Date.now() / 1000}${++this.triggers}`,
        },
      ],
    };
  }

  async sendAction(payload: Record<string, unknown>, extra: Partial<PostOptions> = {}): Promise<SlackPost> {
    const res = this.socket
      ? await this.overSocket('interactive', payload)
      : await postSigned(this.baseUrl, { payload: JSON.stringify(payload) }, { secret: this.secret, ...extra });
    await this.idle();
    return res;
  }

  /** Presses the button labelled `label` on the person's current session message. */
  async click(user: string, label: string, extra: Partial<PostOptions> = {}): Promise<SlackPost> {
    const current = this.currentMessage(user);
    if (!current) throw new Error(`no session message for ${user}`);
    const button = buttonsOf(current.body.blocks).find((b) => b.label.toLowerCase() === label.toLowerCase());
    if (!button) throw new Error(`no button "${label}" among [${buttonsOf(current.body.blocks).map((b) => b.label).join(', ')}]`);
    return this.sendAction(this.clickPayload(user, current.message, button), extra);
  }

  /** The latest message posted or updated in the person's DM, with where it lives. */
  currentMessage(user: string): { message: { channel: string; ts: string }; body: Record<string, any> } | undefined {
    const dm = `D${user.replace(/^U/, '')}`;
    const posts = this.fake.messages().filter((c) => c.body.channel === dm && c.body.metadata?.event_type === 'back_break_turn');
    const last = posts.at(-1);
    if (!last) return undefined;
    return { message: { channel: dm, ts: tsOf(last) }, body: last.body };
  }
}

export interface Button {
  label: string;
  action_id: string;
  block_id?: string;
  value: string;
  style?: string;
  confirm?: unknown;
}

/** Every button in a message's blocks (actions blocks and section accessories). */
export function buttonsOf(blocks: any[] | undefined): Button[] {
  const out: Button[] = [];
  for (const block of blocks ?? []) {
    const elements = block.type === 'actions' ? block.elements : block.accessory ? [block.accessory] : [];
    for (const e of elements) {
      if (e.type === 'button') out.push({ label: e.text.text, action_id: e.action_id, block_id: block.block_id, value: e.value, style: e.style, confirm: e.confirm });
    }
  }
  return out;
}

/** All the text a message shows (header, sections, context), for reading what the coach said. */
export function textOf(blocks: any[] | undefined): string {
  const parts: string[] = [];
  for (const block of blocks ?? []) {
    if (block.text?.text) parts.push(block.text.text);
    if (block.type === 'context') for (const e of block.elements) if (e.text) parts.push(e.text);
  }
  return parts.join('\n');
}

/** The ts of a recorded post or update, as the fake answered it. */
export function tsOf(call: ApiCall): string {
  return String(call.response.ts ?? call.body.ts);
}
