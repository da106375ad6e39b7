import type { HistoryEntry, Profile } from '../core/profile.js';

/**
 * The persistence port the application service owns. SQLite (embedded default) and PostgreSQL implement it;
 * one contract suite runs against every implementation.
 *
 * A person is identified by a string key with a surface prefix: `alexa:<userId>`, `slack:<team>:<user>`,
 * `terminal:<name>`.
 */

/** A stored value with its version, for compare-and-set. */
export interface Versioned<T> {
  value: T;
  version: number;
}

export type SaveResult = { ok: true; version: number } | { ok: false; reason: 'conflict' };

export interface StoredHistory extends HistoryEntry {
  id: number;
}

export interface Reminder {
  id: string;
  personId: string;
  surface: 'slack' | 'alexa';
  /** Days of the week, 0 = Sunday. */
  days: number[];
  /** Local "HH:MM" in `timeZone`. */
  time: string;
  timeZone: string;
  /** Where to deliver (Slack DM channel), surface-specific. */
  target: string;
  /** Next time it is due, as epoch milliseconds. */
  nextDueAt: number;
  /** Set while an instance is delivering it; a claim expires after its lease. */
  claimedUntil?: number;
}

export interface Store {
  /** Profile as stored JSON (parsed by the caller, so corrupt data is the app's to handle). */
  getProfile(personId: string): Promise<Versioned<unknown> | undefined>;
  /** Compare-and-set: `expected` is the version read, or null when creating. */
  saveProfile(personId: string, profile: Profile, expected: number | null): Promise<SaveResult>;

  getSession(personId: string): Promise<Versioned<unknown> | undefined>;
  saveSession(personId: string, session: unknown, expected: number | null): Promise<SaveResult>;
  deleteSession(personId: string): Promise<void>;

  addHistory(personId: string, entry: HistoryEntry): Promise<void>;
  /** Newest first. */
  listHistory(personId: string, limit: number): Promise<StoredHistory[]>;
  updateHistory(personId: string, id: number, patch: Partial<HistoryEntry>): Promise<void>;

  /** One reminder per person and surface: replaces an earlier one. */
  putReminder(reminder: Reminder): Promise<void>;
  getReminder(personId: string, surface: Reminder['surface']): Promise<Reminder | undefined>;
  deleteReminder(personId: string, surface: Reminder['surface']): Promise<void>;
  /**
   * Atomically claims up to `limit` reminders due at `now` that nobody holds, for `leaseMs`.
   * Two instances never claim the same reminder (PostgreSQL: FOR UPDATE SKIP LOCKED).
   */
  claimDueReminders(now: number, limit: number, leaseMs: number): Promise<Reminder[]>;
  /** Releases a claim and sets the next due time. */
  rescheduleReminder(id: string, nextDueAt: number): Promise<void>;

  /** Records a key once; false when it was seen before (Slack retries, double clicks). */
  claimOnce(key: string, now: number): Promise<boolean>;

  /** Removes everything stored about a person. */
  erasePerson(personId: string): Promise<void>;

  /** Resolves when the database answers a trivial query (readiness: GET /readyz); rejects otherwise. */
  ping(): Promise<void>;

  close(): Promise<void>;
}
