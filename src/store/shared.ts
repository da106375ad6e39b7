import { createHash } from 'node:crypto';
import type { CommitResult, Reminder, SaveResult, TurnCommit } from '../app/store.js';
import type { HistoryEntry } from '../core/profile.js';
import { type Logger, pseudonym } from '../log.js';

/**
 * Behaviour every Store implementation shares, kept in one place so memory, SQLite and PostgreSQL agree.
 */

/**
 * What getProfile/getSession return as `value` when the stored text is not JSON. A symbol: no schema the
 * caller parses with accepts it, it carries none of the stored content, and the version still comes back so
 * the caller can overwrite the row with compare-and-set (a fresh session, a polite restart).
 */
export const CORRUPT_JSON: unique symbol = Symbol('back-break.store.corrupt-json');

type JsonTable = 'profiles' | 'sessions' | 'history';

/** Parses stored JSON; on failure logs the event kind and ids only (never the text) and returns CORRUPT_JSON. */
export function parseStored(
  log: Logger | undefined,
  text: string,
  table: JsonTable,
  personId: string,
  rowId?: number,
): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    log?.warn({ event: 'store.corrupt_json', table, person: pseudonym(personId), ...(rowId === undefined ? {} : { rowId }) }, 'stored JSON does not parse');
    return CORRUPT_JSON;
  }
}

/** Stored JSON text of a value; refuses what JSON cannot hold (undefined, a function) instead of storing nothing. */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('value is not JSON-serialisable');
  return text;
}

/** A plain JSON object (not null, not an array): what a stored history entry must parse to. */
function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A stored history entry, or undefined when its text does not parse to an object (logged by parseStored). */
export function parseHistoryEntry(log: Logger | undefined, text: string, personId: string, rowId: number): HistoryEntry | undefined {
  const entry = parseStored(log, text, 'history', personId, rowId);
  return isObject(entry) ? (entry as HistoryEntry) : undefined;
}

/** What a compare-and-set that lost returns. */
export const CONFLICT: SaveResult = Object.freeze({ ok: false, reason: 'conflict' });

/** The order claimDueReminders returns: earliest due first, then by id. */
export function byDueThenId(a: Reminder, b: Reminder): number {
  return a.nextDueAt - b.nextDueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Merge used by updateHistory: keys set to undefined in the patch leave the entry as it was. */
export function mergePatch<T extends object>(entry: T, patch: Partial<T>): T {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return { ...entry, ...defined };
}

export interface StoreOptions {
  log?: Logger;
  /** How long claimOnce remembers a key (default 7 days). Older keys are pruned and may be claimed again. */
  seenKeyTtlMs?: number;
  /** At most one prune of old claimOnce keys per this interval of `now` (default 1 hour). */
  pruneEveryMs?: number;
}

const DEFAULT_SEEN_KEY_TTL_MS = 7 * 24 * 3600_000;
const DEFAULT_PRUNE_EVERY_MS = 3600_000;

/** Decides when claimOnce prunes old keys, from the caller's clock (`now`). */
export class PruneSchedule {
  /** How long claimOnce remembers a key. */
  readonly ttlMs: number;
  private readonly everyMs: number;
  private last = -Infinity;
  constructor(options: StoreOptions) {
    this.ttlMs = options.seenKeyTtlMs ?? DEFAULT_SEEN_KEY_TTL_MS;
    this.everyMs = options.pruneEveryMs ?? DEFAULT_PRUNE_EVERY_MS;
  }
  /** The cutoff to prune below, or undefined when it is not time yet. */
  due(now: number): number | undefined {
    if (now - this.last < this.everyMs) return undefined;
    this.last = now;
    return now - this.ttlMs;
  }
}

/**
 * The id prefix of a Slack workspace's people (`slack:<team>:`). The team id must be Slack's plain form,
 * letters and digits, so the prefix can go in a LIKE pattern with no wildcard inside it.
 */
export function workspacePrefix(teamId: string): string {
  if (!/^[A-Z0-9]{2,40}$/i.test(teamId)) throw new RangeError('not a Slack team id');
  return `slack:${teamId}:`;
}

/** How many erase-epoch buckets people are spread over (see migration 0004). */
export const ERASE_BUCKETS = 1024;

/** The erase-epoch bucket of a person: a hash, so the epochs table holds nothing that names anyone. */
export function eraseBucket(personId: string): number {
  let bucket = buckets.get(personId);
  if (bucket === undefined) {
    if (buckets.size >= BUCKETS_KEPT) buckets.delete(buckets.keys().next().value!);
    bucket = createHash('sha256').update(personId).digest().readUInt16BE(0) % ERASE_BUCKETS;
    buckets.set(personId, bucket);
  }
  return bucket;
}

/** Kept for the people seen lately: a turn's load and its commit each need the bucket, one hash serves both. */
const buckets = new Map<string, number>();
const BUCKETS_KEPT = 10_000;

/** Why a commit was refused; thrown inside a transaction to roll it back, answered as a CommitResult. */
export class CommitRefused extends Error {
  constructor(readonly reason: Extract<CommitResult, { ok: false }>['reason']) {
    super(`commit refused: ${reason}`);
    this.name = 'CommitRefused';
  }
}

/** True when a commit's deadline has passed by `now` (epoch milliseconds). */
export function pastDeadline(commit: Pick<TurnCommit, 'deadline'>, now: number): boolean {
  return commit.deadline !== undefined && now > commit.deadline;
}
