import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Slack's Web API, faked on 127.0.0.1: records every call (method and decoded body) and answers the methods
 * the adapter uses. Scripted failures (a 429 with Retry-After, an error) can be queued per method.
 */
export interface ApiCall {
  method: string;
  body: Record<string, any>;
  /** What the fake answered. */
  response: Record<string, any>;
  /** The token the call carried (Authorization: Bearer ...), to tell workspaces apart. */
  token?: string;
  at: number;
}

type Scripted = { status: number; headers?: Record<string, string>; body: Record<string, unknown> };

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  /** users.info answers with these zones (default Europe/Paris). */
  readonly timeZones = new Map<string, string>();
  /** users.info answers with these locales (default en-US). */
  readonly locales = new Map<string, string>();
  /** dnd.info answers by user (default: do-not-disturb off). */
  readonly dnd = new Map<string, Record<string, unknown>>();
  /** users.profile.get answers by user (default: no status, no huddle). */
  readonly profiles = new Map<string, Record<string, unknown>>();
  /** Milliseconds to wait before answering a method (a slow Slack). */
  readonly delays = new Map<string, number>();
  private readonly scripted = new Map<string, Scripted[]>();
  private server: Server | undefined;
  private seq = 0;
  url = '';
  /** OAuth codes oauth.v2.access accepts, with the workspace each installs in; the bot token is `xoxb-<team>`. */
  readonly oauthCodes = new Map<string, { id: string; name: string }>();
  /** What apps.connections.open answers (a FakeSocketMode's ws:// URL); unset: Socket Mode is refused. */
  socketUrl: string | undefined;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.read(req).then(async (raw) => {
        const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
        const body = decode(raw, req.headers['content-type']);
        const delay = this.delays.get(method);
        if (delay) await new Promise((r) => setTimeout(r, delay));
        const next = this.scripted.get(method)?.shift();
        const answer = next ?? { status: 200, body: this.answer(method, body) };
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (typeof body.token === 'string' ? body.token : undefined);
        this.calls.push({ method, body, response: answer.body, at: Date.now(), ...(token ? { token } : {}) });
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next call of `method` answers 429 with Retry-After. */
  rateLimitNext(method: string, retryAfterSeconds: number): void {
    this.queue(method, { status: 429, headers: { 'retry-after': String(retryAfterSeconds) }, body: { ok: false, error: 'ratelimited' } });
  }

  /** The next call of `method` answers ok: false with `error`. */
  failNext(method: string, error: string): void {
    this.queue(method, { status: 200, body: { ok: false, error } });
  }

  private queue(method: string, answer: Scripted): void {
    const list = this.scripted.get(method) ?? [];
    list.push(answer);
    this.scripted.set(method, list);
  }

  of(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages posted or updated, in order. */
  messages(): ApiCall[] {
    return this.calls.filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.update');
  }

  clear(): void {
    this.calls.length = 0;
  }

  private answer(method: string, body: Record<string, any>): Record<string, unknown> {
    switch (method) {
      case 'dnd.info':
        return { ok: true, dnd_enabled: false, snooze_enabled: false, ...this.dnd.get(String(body.user)) };
      case 'users.profile.get':
        return { ok: true, profile: { status_text: '', status_emoji: '', status_expiration: 0, huddle_state: 'default_unset', ...this.profiles.get(String(body.user)) } };
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'invalid_auth' };
      case 'oauth.v2.access': {
        const team = this.oauthCodes.get(String(body.code));
        if (!team) return { ok: false, error: 'invalid_code' };
        return {
          ok: true,
          app_id: 'A0TEST',
          access_token: `xoxb-${team.id}`,
          token_type: 'bot',
          scope: 'commands,chat:write,im:write,users:read',
          bot_user_id: `UBOT${team.id}`,
          team,
          enterprise: null,
          is_enterprise_install: false,
          authed_user: { id: 'UINSTALLER', scope: 'identify', access_token: 'xoxp-installer-user-token', token_type: 'user' },
        };
      }
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users).replace(/^U/, '')}` } };
      case 'chat.postMessage':
        this.seq++;
        return { ok: true, channel: body.channel, ts: `1700000000.${String(this.seq).padStart(6, '0')}` };
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: '1700000000.999999' };
      case 'views.open':
        return { ok: true, view: { id: 'VMODAL', ...body.view } };
      case 'views.publish':
        return { ok: true, view: { id: 'V1' } };
      case 'users.info':
        return {
          ok: true,
          user: {
            id: body.user,
            tz: this.timeZones.get(String(body.user)) ?? 'Europe/Paris',
            tz_offset: 3600,
            ...(body.include_locale === 'true' || body.include_locale === true ? { locale: this.locales.get(String(body.user)) ?? 'en-US' } : {}),
          },
        };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private read(req: IncomingMessage): Promise<string> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  }
}

/** The Web API client sends form bodies with JSON-encoded nested values; JSON bodies are accepted too. */
function decode(raw: string, contentType: string | undefined): Record<string, any> {
  if (contentType?.includes('application/json')) return raw ? JSON.parse(raw) : {};
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
