import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';

/**
 * A person on the web without an account: a random secret in a cookie. The store never sees the secret, only
 * `web:<hash>`, so a copy of the database cannot be used to act as anyone.
 */

export const COOKIE = 'bb_person';
/** Browsers cap cookie lifetimes at 400 days; the cookie is renewed on every visit. */
const MAX_AGE_S = 400 * 24 * 3600;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export interface WebPerson {
  personId: string;
  /** The cookie was set on this response (a first visit, or an unreadable cookie replaced). */
  fresh: boolean;
}

export function personIdOf(secret: string): string {
  return `web:${createHash('sha256').update(secret).digest('base64url').slice(0, 32)}`;
}

/** The value of one cookie, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The request's secret when it carries a well-formed one. */
export function secretOf(req: Request): string | undefined {
  const value = readCookie(req.headers.cookie, COOKIE);
  return value && SECRET.test(value) ? value : undefined;
}

/** Served over HTTPS, directly or behind a proxy that says so. */
function overHttps(req: Request): boolean {
  return req.secure || String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() === 'https';
}

/** The person behind the request; a new one (and its cookie) when the request has none. */
export function webPerson(req: Request, res: Response): WebPerson {
  const existing = secretOf(req);
  const secret = existing ?? randomBytes(32).toString('base64url');
  // Renewed on every response, so a person who keeps coming back keeps their history.
  const attributes = [`${COOKIE}=${secret}`, 'Path=/', `Max-Age=${MAX_AGE_S}`, 'HttpOnly', 'SameSite=Lax'];
  if (overHttps(req)) attributes.push('Secure');
  res.append('Set-Cookie', attributes.join('; '));
  return { personId: personIdOf(secret), fresh: existing === undefined };
}
