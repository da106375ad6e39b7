import type { NextFunction, Request, Response } from 'express';

/**
 * What keeps the web API for the page that served it: writes only from the same origin, and a bounded
 * number of requests per person (or per address before a person exists).
 */

/** A write must come from our own page: Sec-Fetch-Site says so, or else Origin names this host. */
export function sameOrigin(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) {
    if (site === 'same-origin') return next();
    return refuse(res, 403, 'cross-site request refused');
  }
  const origin = req.headers.origin;
  if (origin && req.headers.host) {
    try {
      if (new URL(origin).host === req.headers.host) return next();
    } catch {
      // An Origin that is not a URL is refused below.
    }
  }
  refuse(res, 403, 'requests must come from this site');
}

export function refuse(res: Response, status: number, error: string): void {
  res.status(status).json({ error });
}

export interface RateLimitOptions {
  /** Requests allowed at once. */
  burst: number;
  /** Requests allowed per second, on average. */
  perSecond: number;
  /** Keys remembered at most; the oldest are forgotten first (bounded memory under a flood of new keys). */
  maxKeys?: number;
  now?: () => number;
}

/** A token bucket per key, in this process's memory (several instances each allow their own share). */
export class RateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions) {
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Takes one token for `key`; false when there is none left. */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key);
    const tokens = bucket
      ? Math.min(this.options.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.options.perSecond)
      : this.options.burst;
    // Re-inserted so the map's order is least recently used first.
    this.buckets.delete(key);
    if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return false;
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return true;
  }
}
