import type { RequestHandler } from 'express';
import type { Store } from '../app/store.js';
import type { Logger } from '../log.js';

/** Longer than a healthy database ever takes for `select 1`, shorter than a prober's usual timeout. */
const PING_TIMEOUT_MS = 2000;

/**
 * GET /readyz: 200 when the store answers, 503 when it does not (a load balancer stops sending turns here
 * until it does). GET /healthz stays liveness: the process serves HTTP. The reason is logged, not answered.
 */
export function readiness(store: Store, log: Logger, timeoutMs = PING_TIMEOUT_MS): RequestHandler {
  return async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        store.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      res.json({ ok: true });
    } catch (err) {
      log.warn({ event: 'ready.store_down', err: err instanceof Error ? err.message : String(err) }, 'not ready: the database does not answer');
      res.status(503).json({ ok: false, reason: 'database' });
    } finally {
      clearTimeout(timer);
    }
  };
}
