import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Amazon's Reminders API, faked on 127.0.0.1: records every call and answers as Amazon does
 * (201 with an alertToken, the list of this skill's reminders, 204 on delete; 401 without permission).
 */
export interface ApiCall {
  method: string;
  path: string;
  authorization?: string;
  body?: any;
}

export class FakeAmazon {
  readonly calls: ApiCall[] = [];
  /** Answer 401 to every call, as Amazon does when the reminders permission is not granted. */
  denyAll = false;
  /** Answer 500 to creations. */
  failCreate = false;
  /** The device's zone, as Alexa's settings API answers it; unset: 404 (no device setting). */
  timeZone: string | undefined;
  private readonly reminders = new Map<string, any>();
  private next = 1;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const call: ApiCall = { method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization };
        if (raw) call.body = JSON.parse(raw);
        this.calls.push(call);
        const send = (status: number, body?: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(body === undefined ? '' : JSON.stringify(body));
        };
        // The device settings API needs no permission: it answers even when reminders are refused.
        if (req.method === 'GET' && /^\/v2\/devices\/[^/]+\/settings\/System\.timeZone$/.test(req.url ?? '')) {
          return this.timeZone ? send(200, this.timeZone) : send(404, { code: 'NOT_FOUND' });
        }
        if (this.denyAll) return send(401, { code: 'UNAUTHORIZED', message: 'permission not granted' });
        if (req.method === 'POST' && req.url === '/v1/alerts/reminders') {
          if (this.failCreate) return send(500, { code: 'INTERNAL_SERVER_ERROR' });
          const alertToken = `fake-alert-${this.next++}`;
          this.reminders.set(alertToken, { alertToken, status: 'ON', ...call.body });
          return send(201, { alertToken, status: 'ON', version: '1', createdTime: new Date().toISOString() });
        }
        if (req.method === 'GET' && req.url === '/v1/alerts/reminders') {
          return send(200, { totalCount: String(this.reminders.size), alerts: [...this.reminders.values()] });
        }
        const del = /^\/v1\/alerts\/reminders\/([^/]+)$/.exec(req.url ?? '');
        if (req.method === 'DELETE' && del) {
          this.reminders.delete(decodeURIComponent(del[1]!));
          return send(204);
        }
        send(404, { code: 'NOT_FOUND' });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Reminders the skill has on Amazon's side now. */
  active(): any[] {
    return [...this.reminders.values()];
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
