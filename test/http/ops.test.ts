import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { readConfig } from '../../src/config.js';
import { requestContext } from '../../src/log.js';
import { readiness } from '../../src/http/ready.js';
import { type BackBreakServer, buildServer } from '../../src/server.js';
import { MemoryStore } from '../../src/store/index.js';
import { launchRequest } from '../adapters/alexa/envelopes.js';
import { logSink } from '../adapters/alexa/log-sink.js';

/** /healthz, /readyz, /metrics, request ids and latency in the log, and the shutdown deadline. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Line {
  msg?: string;
  reqId?: string;
  route?: string;
  status?: number;
  ms?: number;
  method?: string;
  event?: string;
  level: number;
}

describe('operations endpoints and request logging', () => {
  let server: BackBreakServer;
  let url: string;
  let lines: string[];
  let store: MemoryStore;
  const logged = (): Line[] => lines.map((l) => JSON.parse(l) as Line);
  const requestLines = () => logged().filter((l) => l.msg === 'request');

  beforeEach(async () => {
    const sink = logSink();
    lines = sink.lines;
    store = new MemoryStore();
    server = await buildServer(
      { port: 0, host: '127.0.0.1', databaseUrl: 'memory:', logLevel: 'debug', alexa: { verify: false } },
      { log: sink.log, store },
    );
    url = `http://127.0.0.1:${await server.listen()}`;
  });
  afterEach(() => server.close());

  it('/readyz says ok while the database answers, 503 when it does not; /healthz stays live', async () => {
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).to.equal(200);
    expect(await ready.json()).to.deep.equal({ ok: true });
    await store.close();
    const down = await fetch(`${url}/readyz`);
    expect(down.status).to.equal(503);
    expect(await down.json()).to.deep.equal({ ok: false, reason: 'database' });
    expect(logged().some((l) => l.event === 'ready.store_down')).to.equal(true);
    expect((await fetch(`${url}/healthz`)).status).to.equal(200);
  });

  it('answers every request with an X-Request-Id: the caller\'s when sane, else a new one', async () => {
    const given = await fetch(`${url}/healthz`, { headers: { 'X-Request-Id': 'lb-7f3a.2' } });
    expect(given.headers.get('x-request-id')).to.equal('lb-7f3a.2');
    for (const bad of ['has spaces in it', 'x'.repeat(129), '<script>']) {
      const res = await fetch(`${url}/healthz`, { headers: { 'X-Request-Id': bad } });
      expect(res.headers.get('x-request-id'), bad).to.match(UUID);
    }
    expect((await fetch(`${url}/healthz`)).headers.get('x-request-id')).to.match(UUID);
  });

  it('logs one line per request with its id, route, status and milliseconds, and tags the turn\'s lines with the id', async () => {
    const res = await fetch(`${url}/alexa`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'turn-0001' },
      body: JSON.stringify(launchRequest()),
    });
    expect(res.status).to.equal(200);
    await res.arrayBuffer();
    const line = requestLines().find((l) => l.reqId === 'turn-0001');
    expect(line).to.include({ method: 'POST', route: '/alexa', status: 200 });
    expect(line!.ms).to.be.a('number').and.at.least(0);
    expect(line!.level).to.equal(30);
    // Lines the adapter and the service wrote for this turn carry the same id.
    expect(logged().filter((l) => l.reqId === 'turn-0001' && l.msg !== 'request').length).to.be.greaterThan(0);
  });

  it('logs no query string, and probes at debug so they do not fill the log', async () => {
    await (await fetch(`${url}/healthz?painBefore=8&token=hunter2`)).arrayBuffer();
    await (await fetch(`${url}/readyz`)).arrayBuffer();
    const probes = requestLines().filter((l) => l.route === '/healthz' || l.route === '/readyz');
    expect(probes).to.have.length(2);
    for (const l of probes) expect(l.level).to.equal(20);
    expect(lines.join('')).to.not.include('hunter2').and.not.include('painBefore=');
  });

  it('/metrics counts requests by method, route and status in Prometheus format, with process metrics', async () => {
    await (await fetch(`${url}/readyz`)).arrayBuffer();
    await (await fetch(`${url}/wp-login.php`)).arrayBuffer();
    await (await fetch(`${url}/another/scan`)).arrayBuffer();
    const res = await fetch(`${url}/metrics`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).to.include('http_requests_total{method="GET",route="/readyz",status="200"} 1');
    // Unknown paths share one label, so a scan cannot make a series per path.
    expect(text).to.include('http_requests_total{method="GET",route="other",status="404"} 2');
    expect(text).to.match(/http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/readyz",status="200"\} \d/);
    expect(text).to.include('process_cpu_user_seconds_total');
    expect(text).to.include('nodejs_eventloop_lag_seconds');
  });
});

describe('request ids in the log', () => {
  it('a line carries its own fields and the request id only: nothing from the lines before it', () => {
    const { log, lines } = logSink();
    log.info({ port: 3000 }, 'first');
    log.info('second');
    requestContext.run({ reqId: 'r-1' }, () => {
      log.info({ routine: 'five-moves' }, 'third');
      log.info('fourth');
    });
    log.info('fifth');
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed[1]).to.not.have.property('port');
    expect(parsed[2]).to.include({ reqId: 'r-1', routine: 'five-moves' });
    expect(parsed[3]).to.include({ reqId: 'r-1' }).and.not.have.property('routine');
    expect(parsed[4]).to.not.have.any.keys('reqId', 'routine', 'port');
  });
});

describe('readiness when the database hangs', () => {
  it('answers 503 after its timeout instead of hanging the prober', async () => {
    const { log } = logSink();
    const hanging = Object.assign(new MemoryStore(), { ping: () => new Promise<void>(() => {}) });
    const app = express().get('/readyz', readiness(hanging, log, 50));
    const listener = app.listen(0, '127.0.0.1');
    await new Promise((r) => listener.once('listening', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(listener.address() as { port: number }).port}/readyz`);
      expect(res.status).to.equal(503);
    } finally {
      listener.close();
    }
  });
});

describe('shutdown deadline', function () {
  this.timeout(60_000);

  it('SHUTDOWN_TIMEOUT_MS is read and checked', () => {
    expect(readConfig({}).shutdownTimeoutMs).to.equal(8000);
    expect(readConfig({ SHUTDOWN_TIMEOUT_MS: '2500' }).shutdownTimeoutMs).to.equal(2500);
    expect(() => readConfig({ SHUTDOWN_TIMEOUT_MS: 'soon' })).to.throw(/SHUTDOWN_TIMEOUT_MS/);
  });

  /** The server from its sources in a child process; resolves once it listens. */
  function serve(extra: Record<string, string>) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0', DATABASE_URL: 'memory:', ALEXA_VERIFY: 'false', ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += String(c)));
    const port = new Promise<number>((resolve, reject) => {
      child.stdout.on('data', () => {
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    let signalled = 0;
    const exit = new Promise<{ code: number | null; ms: number }>((resolve) => {
      child.once('exit', (code) => resolve({ code, ms: Date.now() - signalled }));
    });
    const stop = () => {
      signalled = Date.now();
      child.kill('SIGTERM');
    };
    return { port, exit, stop, output: () => out };
  }

  it('exits 0 at once on SIGTERM when nothing is in flight', async () => {
    const s = serve({ SHUTDOWN_TIMEOUT_MS: '5000' });
    await s.port;
    s.stop();
    const { code, ms } = await s.exit;
    expect(code).to.equal(0);
    expect(ms).to.be.below(5000);
  });

  it('exits 1 at the deadline when a request never finishes, saying so in the log', async () => {
    const s = serve({ SHUTDOWN_TIMEOUT_MS: '300' });
    const port = await s.port;
    // A request whose body never comes: it stays in flight.
    const socket = connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write('POST /alexa HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"version"');
    await new Promise((r) => setTimeout(r, 200));
    s.stop();
    const { code } = await s.exit;
    socket.destroy();
    expect(code).to.equal(1);
    expect(s.output()).to.include('shutdown deadline passed');
  });
});
