import { createServer, type RequestListener, type Server } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../log.js';

/**
 * How long a client may take to send its request: the headers, then the whole request. A platform answers
 * within seconds (Slack 3 s, Alexa 8 s) and a page's turn is a few hundred bytes; a client slower than this is
 * holding a connection, not talking to the coach. Node checks every `checkEveryMs` (30 s by default).
 */
export interface HttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  checkEveryMs: number;
}

export const HTTP_LIMITS: HttpLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 15_000, checkEveryMs: 1_000 };

/** An HTTP server for `app` with those limits. */
export function limitedServer(app: RequestListener, limits: HttpLimits = HTTP_LIMITS): Server {
  return createServer(
    { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: limits.checkEveryMs },
    app,
  );
}

/**
 * The last answers: an unknown path, or an error nothing before handled (a body that could not be read, a
 * malformed path). Short fixed words, whatever NODE_ENV says: express's own would show the stack, with the
 * install's paths, outside production. The log line has the error's kind, never its message (a JSON parse
 * error quotes the body it read, which can hold what a person said).
 */
export function notFound(): RequestHandler {
  return (_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  };
}

export function lastErrorAnswer(log: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const e = (err ?? {}) as { status?: unknown; statusCode?: unknown; type?: unknown; name?: unknown };
    const given = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500;
    const status = given >= 400 && given < 600 ? given : 500;
    log.warn({ event: 'http.request_failed', status, kind: typeof e.type === 'string' ? e.type : typeof e.name === 'string' ? e.name : typeof err });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(status).set('connection', 'close').type('text/plain').send(status < 500 ? 'Bad request' : 'Something went wrong. Please try again.');
  };
}
