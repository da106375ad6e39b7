import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { type Logger, requestContext } from '../log.js';
import type { HttpMetrics } from './metrics.js';

/** An id a caller (a proxy, a load balancer) may hand us; anything else is replaced, never logged. */
const GOOD_REQUEST_ID = /^[A-Za-z0-9._:@\/+=-]{1,128}$/;

/** Requests a prober or scraper makes every few seconds: their lines are at debug, not info. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/** The few routes the server serves, as a metric label. */
export function routeOf(path: string): string {
  if (path === '/alexa' || path.startsWith('/alexa/')) return '/alexa';
  if (path === '/slack/events') return '/slack/events';
  if (path === '/api' || path.startsWith('/api/')) return '/api';
  if (PROBES.has(path)) return path;
  // The web coach's pages and files, and anything unknown: one label each, so a scan cannot grow the series.
  return 'other';
}

/**
 * Gives each request an id (the caller's X-Request-Id when it is a sane token, else a new UUID), sends it
 * back as X-Request-Id, tags every log line written while the request is handled with it, and writes one
 * line when the response is done: method, route, status and milliseconds. Never the query, body or headers:
 * they can carry health data and secrets.
 */
export function requestLog(log: Logger, metrics?: HttpMetrics): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const reqId = given && GOOD_REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', reqId);
    const started = process.hrtime.bigint();
    const route = routeOf(req.path);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // A response cut off before it was sent (the client went away) is counted as status 0.
      const status = res.writableFinished ? res.statusCode : 0;
      metrics?.observe(req.method, route, status, seconds);
      const line = { reqId, method: req.method, route, status, ms: Math.round(seconds * 10_000) / 10 };
      if (PROBES.has(route)) log.debug(line, 'request');
      else log.info(line, 'request');
    };
    res.once('finish', finish);
    res.once('close', finish);
    requestContext.run({ reqId }, next);
  };
}
