import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { type Config, ConfigError, readConfig } from './config.js';
import { setUpPseudonyms } from './logKey.js';
import { estimatedMinutes, type Routine } from './core/routine.js';
import { createLogger, type Logger } from './log.js';
import { alexaRouter } from './adapters/alexa/http.js';
import { createHttpMetrics } from './http/metrics.js';
import { readiness } from './http/ready.js';
import { requestLog } from './http/requests.js';
import { type HttpLimits, lastErrorAnswer, limitedServer, notFound } from './http/limits.js';
import { mountSlackIfConfigured } from './adapters/slack/index.js';
import { webRouter } from './adapters/web/index.js';
import { createCoachService, type CoachService } from './app/service.js';
import type { Store } from './app/store.js';
import { loadRoutines } from './routines/load.js';
import { openStore, StoreConfigError } from './store/index.js';

/**
 * The composition root: the only module that knows every adapter. One express app hosts
 * POST /alexa, POST /slack/events, the web coach at / (with its API under /api), GET /healthz (liveness),
 * GET /readyz (the database answers) and GET /metrics (Prometheus). No global body parser: the Alexa and
 * Slack adapters read raw bodies to verify signatures.
 */
export interface BackBreakServer {
  app: express.Express;
  routines: Routine[];
  store: Store;
  coach: CoachService;
  /** Listens on config.port (0 for a free port); resolves with the bound port. */
  listen(): Promise<number>;
  /**
   * Stops: no new requests, the ones under way finish (or are cut after `cutAfterMs`), then the adapters'
   * schedulers and clients, then the store.
   */
  close(options?: { cutAfterMs?: number }): Promise<void>;
}

export interface ServerOptions {
  log?: Logger;
  /** The clock, for tests that move time. */
  now?: () => Date;
  /** A store opened by the caller (tests share one between instances); otherwise DATABASE_URL's. */
  store?: Store;
  /** Header and request timeouts (src/http/limits.ts); tests shorten them. */
  httpLimits?: HttpLimits;
}

export async function buildServer(config: Config, options: ServerOptions = {}): Promise<BackBreakServer> {
  const log = options.log ?? createLogger(config.logLevel);
  const routines = loadRoutines();
  // The pseudonyms' key goes with the database it was made for (a store given by a test keeps the process's).
  if (!options.store) setUpPseudonyms(config);
  const store = options.store ?? (await openStore(config.databaseUrl, { log }));
  const coach = createCoachService({ store, routines, log, ...(options.now ? { now: options.now } : {}) });
  const app = express();
  app.disable('x-powered-by');
  const metrics = createHttpMetrics();
  app.use(requestLog(log, metrics));
  app.get('/readyz', readiness(store, log));
  app.get('/metrics', metrics.handler);

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, routines: routines.map((r) => ({ id: r.id, title: r.title, minutes: estimatedMinutes(r) })) });
  });

  const closers: Array<() => Promise<void> | void> = [];
  // Adapters mount here (composition root). Anything they start (timers, schedulers) goes in `closers`.
  app.use('/alexa', alexaRouter({ coach, link: coach, erase: (id) => coach.erase(id), log, verify: config.alexa.verify, skillId: config.alexa.skillId, ...(options.now ? { now: options.now } : {}) }));
  const slack = mountSlackIfConfigured(app, config.slack, { coach, link: coach, store, routines, log, ...(options.now ? { now: options.now } : {}) });
  if (slack) closers.push(() => slack.close());
  // Last: the web coach serves / and /api, after the platforms' own paths.
  app.use(webRouter({ coach, routines, log, ...(options.now ? { now: options.now } : {}) }));
  app.use(notFound(), lastErrorAnswer(log));

  let server: Server | undefined;
  return {
    app,
    routines,
    store,
    coach,
    listen: () =>
      new Promise((resolve, reject) => {
        server = limitedServer(app, options.httpLimits);
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const address = server!.address();
          resolve(typeof address === 'object' && address ? address.port : config.port);
        });
      }),
    close: async ({ cutAfterMs } = {}) => {
      // First no new requests, and the ones under way finish (their turns, and the Web API calls they make);
      // then what the adapters started (schedulers, Slack's client); the store last.
      if (server) await drain(server, cutAfterMs);
      for (const close of closers.reverse()) await close();
      if (!options.store) await store.close();
    },
  };
}

/**
 * Stops accepting and waits for the requests under way, closing each connection as it falls idle. With
 * `cutAfterMs`, whatever is still open then is cut (a test's browser that keeps a request open); without, the
 * wait ends when they finish or the process's shutdown deadline passes (main).
 */
async function drain(server: Server, cutAfterMs?: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const cut = cutAfterMs === undefined ? undefined : setTimeout(() => server.closeAllConnections(), cutAfterMs);
  try {
    await closed;
  } finally {
    clearTimeout(cut);
  }
}

async function main(): Promise<void> {
  let server: BackBreakServer;
  let log: Logger;
  let config: Config;
  try {
    config = readConfig();
    log = createLogger(config.logLevel);
    server = await buildServer(config, { log });
    const port = await server.listen();
    log.info({ port, host: config.host }, `Back Break listening on http://${config.host}:${port}`);
  } catch (err) {
    // Bad configuration names the variable; nothing else is worth a stack trace to the person starting it.
    if (err instanceof ConfigError || err instanceof StoreConfigError) {
      console.error(`Back Break cannot start: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const shutdown = () => {
    log.info('shutting down');
    // Whatever is still open when the deadline passes (a hung request, a stuck database) does not keep the
    // process: the platform would kill it anyway, later and without a word in the log.
    const deadline = config.shutdownTimeoutMs ?? 8000;
    setTimeout(() => {
      log.error({ event: 'shutdown.deadline', ms: deadline }, 'shutdown deadline passed; exiting');
      process.exit(1);
    }, deadline).unref();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error('Back Break failed to start:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
