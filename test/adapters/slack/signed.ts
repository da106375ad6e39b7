import { createHmac, randomBytes } from 'node:crypto';

/** A signing secret made for this test run. */
export function newSigningSecret(): string {
  return randomBytes(24).toString('hex');
}

/** Slack's request signature: v0= HMAC-SHA256 of `v0:<timestamp>:<raw body>`. */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlackPost {
  status: number;
  text: string;
  json?: any;
}

export interface PostOptions {
  secret: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  /** Overrides the computed signature (bad-signature tests). */
  signature?: string;
  retryNum?: number;
}

/** POSTs a form body to /slack/events (slash commands, button clicks), signed like Slack signs it. */
export function postSigned(baseUrl: string, form: Record<string, string>, options: PostOptions): Promise<SlackPost> {
  return post(baseUrl, new URLSearchParams(form).toString(), 'application/x-www-form-urlencoded', options);
}

/** POSTs a JSON event (Events API), signed. */
export function postSignedJson(baseUrl: string, payload: unknown, options: PostOptions): Promise<SlackPost> {
  return post(baseUrl, JSON.stringify(payload), 'application/json', options);
}

async function post(baseUrl: string, body: string, contentType: string, options: PostOptions): Promise<SlackPost> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? sign(options.secret, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const res = await fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, text, json: text ? parseJson(text) : undefined };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
