import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Slack's Web API as far as a turn uses it, faked on 127.0.0.1 for the Slack benches. It keeps counts, not
 * calls (a bench sends tens of thousands), and lets a caller wait for the next chat.update in a channel: a
 * turn is complete when its message has been updated.
 */
export class FakeWebApi {
  updates = 0;
  posts = 0;
  other = 0;
  private readonly waiters = new Map<string, Array<() => void>>();
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
        const raw = Buffer.concat(chunks).toString('utf8');
        const body = req.headers['content-type']?.includes('json') ? (JSON.parse(raw || '{}') as Record<string, string>) : Object.fromEntries(new URLSearchParams(raw));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(this.answer(method, body)));
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
    return this;
  }

  /** Resolves at the next chat.update (or post) in `channel`. */
  nextUpdate(channel: string): Promise<void> {
    return new Promise((resolve) => {
      const list = this.waiters.get(channel) ?? [];
      list.push(resolve);
      this.waiters.set(channel, list);
    });
  }

  get completed(): number {
    return this.updates + this.posts;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(method: string, body: Record<string, string>): Record<string, unknown> {
    switch (method) {
      case 'chat.update':
        this.updates++;
        this.wake(body.channel);
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'chat.postMessage':
        this.posts++;
        this.wake(body.channel);
        return { ok: true, channel: body.channel, ts: `1700000001.${String(this.posts).padStart(6, '0')}` };
      case 'users.info':
        this.other++;
        return { ok: true, user: { id: body.user, tz: 'Europe/Berlin', tz_offset: 3600, locale: 'en-US' } };
      case 'conversations.open':
        this.other++;
        return { ok: true, channel: { id: `D${String(body.users)}` } };
      default:
        this.other++;
        return { ok: true };
    }
  }

  private wake(channel: string | undefined): void {
    if (!channel) return;
    const next = this.waiters.get(channel)?.shift();
    next?.();
  }
}
