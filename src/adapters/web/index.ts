import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { CoachPort, CoachView, LinkPort } from '../../app/turn.js';
import type { Routine } from '../../core/routine.js';
import type { Logger } from '../../log.js';
import { webApi } from './api.js';
import { RateLimit, refuse, sameOrigin } from './guard.js';
import { personIdOf, secretOf } from './person.js';

/**
 * The web coach: static pages from ./public (no build step) and a small JSON API under /api, over the same
 * application service as Alexa, Slack and the terminal.
 */
export interface WebDeps {
  coach: CoachPort & CoachView & LinkPort;
  routines: readonly Routine[];
  log: Logger;
  now?: () => Date;
  /** Requests per person: at once, and per second on average (defaults 30 and 2). */
  rateLimit?: { burst: number; perSecond: number };
}

/**
 * The pages are served from the repository as they are (no build step): beside this file under tsx, or from
 * src/ when this module runs inside the dist/ bundle.
 */
export const PUBLIC_DIR = [new URL('./public/', import.meta.url), new URL('../src/adapters/web/public/', import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((dir) => existsSync(`${dir}index.html`)) ?? fileURLToPath(new URL('./public/', import.meta.url));

/** Only our own scripts, styles and API; nothing may frame the page. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
  next();
}

export function webRouter(deps: WebDeps): Router {
  const router = express.Router();
  // Real time, not the coach's clock: tests that freeze the coach's clock still get their tokens back.
  const limit = new RateLimit({ burst: 30, perSecond: 2, ...deps.rateLimit });
  router.use(securityHeaders);
  router.use(
    '/api',
    (req, res, next) => {
      // By person when the request has one, else by address (first visits).
      const secret = secretOf(req);
      const key = secret ? personIdOf(secret) : `ip:${req.ip}`;
      if (limit.take(key)) return next();
      res.set('Retry-After', '2');
      refuse(res, 429, 'Too many requests. Please wait a moment.');
    },
    sameOrigin,
    webApi(deps),
  );
  // Revalidated on every load (ETag), so a new version is picked up at once; the files are small.
  router.use(express.static(PUBLIC_DIR, { extensions: ['html'], index: 'index.html', cacheControl: true, maxAge: 0 }));
  return router;
}
