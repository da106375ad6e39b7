import http from 'node:http';
import autocannon from 'autocannon';
import type { BenchChild } from './child.js';
import { summarise } from './stats.js';

/** One load run against one server: throughput, latency and the server's CPU time per request. */
export interface LoadRun {
  requests: number;
  /** Responses per second over the run. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not 2xx, and socket errors or timeouts. */
  failures: number;
  /** The server process's CPU time (user + system) per response, microseconds. */
  cpuUsPerRequest: number;
  /** The bench process's own CPU time per response (load generator, fake APIs): if it nears a core, the client is the limit. */
  loaderCpuUsPerRequest: number;
}

export interface RequestShape {
  path: string;
  headers?: Record<string, string>;
  /** Builds the body and headers of connection `slot`'s next request. */
  next(slot: number): { body: string; headers?: Record<string, string> };
}

export interface CannonOptions {
  connections: number;
  seconds: number;
  /** Requests per second over all connections; unset: as fast as the server answers (closed loop). */
  rate?: number;
  /** Exactly this many requests instead of a duration. */
  amount?: number;
}

/**
 * autocannon in this process against a server in another, on loopback. Latencies come from autocannon's
 * per-response timings (fractions of a millisecond, which its histogram rounds away).
 */
export async function cannon(child: BenchChild, shape: RequestShape, options: CannonOptions): Promise<LoadRun> {
  const latencies: number[] = [];
  let slots = 0;
  const before = await child.stats();
  const loaderBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  let finish!: (err: unknown, result: autocannon.Result) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => (finish = (err, result) => (err ? reject(err) : resolve(result))));
  const instance = autocannon({
    url: child.url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
    ...(options.rate ? { overallRate: options.rate } : {}),
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: shape.path,
        setupRequest: (req, context: { slot?: number }) => {
          context.slot ??= slots++ % options.connections;
          const next = shape.next(context.slot);
          return { ...req, body: next.body, headers: { ...shape.headers, ...next.headers } };
        },
      },
    ],
  }, (err, result) => finish(err, result));
  let failures = 0;
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
    else failures++;
  });
  instance.on('reqError', () => failures++);
  const result = await finished;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const loader = process.cpuUsage(loaderBefore);
  const after = await child.stats();
  const s = summarise(latencies);
  return {
    requests: s.count,
    rps: s.count / seconds,
    p50Ms: s.p50,
    p99Ms: s.p99,
    failures: failures + result.timeouts,
    cpuUsPerRequest: s.count ? (after.cpuUs - before.cpuUs) / s.count : Number.NaN,
    loaderCpuUsPerRequest: s.count ? (loader.user + loader.system) / s.count : Number.NaN,
  };
}

/**
 * A closed loop on whole turns, for work that goes on after the HTTP answer (Slack acks first): each of
 * `users` sends a request, waits for its answer AND for `done(user)` (the turn's message update at the fake
 * Web API), then sends the next. Nothing can pile up: at most `users` turns are ever under way, so the rate
 * measured is what the server completes, with no backlog growing behind it.
 */
export async function closedTurnLoop(
  child: BenchChild,
  options: { users: number; seconds: number; path: string; request: (user: number) => { body: string; headers: Record<string, string> }; done: (user: number) => Promise<void> },
): Promise<LoadRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.users });
  const latencies: number[] = [];
  let failures = 0;
  const before = await child.stats();
  const loaderBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(options.seconds * 1e9));
  const url = new URL(options.path, child.url);
  await Promise.all(
    Array.from({ length: options.users }, async (_, user) => {
      while (process.hrtime.bigint() < deadline) {
        const t0 = process.hrtime.bigint();
        const { body, headers } = options.request(user);
        const completed = options.done(user);
        const status = await post(agent, url, body, headers);
        if (status < 200 || status >= 300) {
          failures++;
          continue;
        }
        if (!(await withinTurnTimeout(completed))) {
          failures++;
          continue;
        }
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const loader = process.cpuUsage(loaderBefore);
  const after = await child.stats();
  agent.destroy();
  const s = summarise(latencies);
  return {
    requests: s.count,
    rps: s.count / seconds,
    p50Ms: s.p50,
    p99Ms: s.p99,
    failures,
    cpuUsPerRequest: s.count ? (after.cpuUs - before.cpuUs) / s.count : Number.NaN,
    loaderCpuUsPerRequest: s.count ? (loader.user + loader.system) / s.count : Number.NaN,
  };
}

/** A turn whose message never comes counts as failed instead of hanging the bench. */
const TURN_TIMEOUT_MS = 10_000;
async function withinTurnTimeout(done: Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const ok = await Promise.race([done.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), TURN_TIMEOUT_MS)))]);
  clearTimeout(timer);
  return ok;
}

function post(agent: http.Agent, url: URL, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.setTimeout(10_000, () => req.destroy());
    req.on('error', () => resolve(0));
    req.end(body);
  });
}
