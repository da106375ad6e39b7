import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * GET /metrics in Prometheus' text format: requests and their latency by method, route and status, and
 * prom-client's process metrics (CPU, memory, event loop delay, GC). A registry per server, so two servers in
 * one process (the tests) keep their own counts.
 */
export interface HttpMetrics {
  observe(method: string, route: string, status: number, seconds: number): void;
  handler: RequestHandler;
}

export function createHttpMetrics(): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered', labelNames, registers: [registry] });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from a request arriving to its response finishing',
    labelNames,
    // Alexa allows about 8 s; a turn should take a few milliseconds.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return {
    observe(method, route, status, seconds) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
    handler: (_req, res, next) => {
      registry.metrics().then((text) => {
        res.setHeader('Content-Type', registry.contentType);
        res.end(text);
      }, next);
    },
  };
}
