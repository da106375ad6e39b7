import type { Store } from '../../../src/app/store.js';
import { readConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { type BackBreakServer, buildServer } from '../../../src/server.js';
import { MemoryStore } from '../../../src/store/index.js';

/** The real server on 127.0.0.1 with the web coach, a memory store unless given one, and a movable clock. */
export interface WebHarness {
  base: string;
  server: BackBreakServer;
  store: Store;
  clock: { now: Date };
  close(): Promise<void>;
}

export async function startWeb(options: { store?: Store; env?: Record<string, string>; now?: Date } = {}): Promise<WebHarness> {
  const clock = { now: options.now ?? new Date('2026-11-23T09:00:00Z') };
  const store = options.store ?? new MemoryStore();
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'memory:', ALEXA_VERIFY: 'false', ...options.env });
  const server = await buildServer(config, { store, log: createLogger('silent'), now: () => clock.now });
  const port = await server.listen();
  return { base: `http://127.0.0.1:${port}`, server, store, clock, close: () => server.close({ cutAfterMs: 2000 }) };
}

export interface TurnResponse {
  reply: { moment: string; expect: string; speech: Array<{ kind: string; text?: string }>; display: Record<string, unknown>; choices: Array<{ label: string; intent: { type: string } }>; hold?: { seconds: number; stepKey: string }; end: boolean };
  turn: number;
  stale: boolean;
  notice?: string;
}

/** A browser as the API sees it: one cookie jar, and the Origin a page on this server sends. */
export class Browser {
  cookie = '';
  constructor(private readonly base: string) {}

  async request(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...(this.cookie ? { cookie: this.cookie } : {}) };
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers.origin = this.base;
    }
    const res = await fetch(`${this.base}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { ...headers, ...init.headers },
      ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
    });
    const set = res.headers.get('set-cookie');
    const m = set && /bb_person=([^;]+)/.exec(set);
    if (m) this.cookie = `bb_person=${m[1]}`;
    return res;
  }

  async turn(body: Record<string, unknown>): Promise<TurnResponse> {
    const res = await this.request('/api/coach', { body });
    if (res.status !== 200) throw new Error(`turn ${JSON.stringify(body)}: ${res.status} ${await res.text()}`);
    return (await res.json()) as TurnResponse;
  }

  say(text: string, expect?: string): Promise<TurnResponse> {
    return this.turn({ text, ...(expect ? { expect } : {}) });
  }
}

export function speech(r: TurnResponse): string {
  return r.reply.speech.filter((s) => s.kind === 'say').map((s) => s.text).join(' ');
}
