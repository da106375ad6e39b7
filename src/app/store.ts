import type { HistoryEntry, Profile } from '../core/profile.js';

/**
 * The persistence port the application service owns. SQLite (embedded default) and PostgreSQL implement it;
 * one contract suite runs against every implementation.
 *
 * A person is identified by a string key with a surface prefix: `alexa:<userId>`, `slack:<team>:<user>`,
 * `terminal:<name>`, `web:<hash>`. Identities can be linked: a surface id then resolves to another person's id
 * (resolvePerson), whose profile, session and history serve every linked surface. Reminders stay keyed by the
 * surface id that made them (the platform delivers them there).
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

/** A single-use code that links another surface to a person, until it expires. */
export interface LinkCode {
  /** Six digits. */
  code: string;
  personId: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/**
 * Joins person `from` into person `into`, atomically: `into` gets `profile` and `session` (undefined: none),
 * `from`'s history rows become `into`'s, every surface id of `from` (and `from` itself) resolves to `into`, and
 * `from`'s profile, session and codes are gone. `read` holds the versions the merge was computed from (null:
 * no row); when any of the four rows changed since, nothing is written and the result is a conflict.
 */
export interface PersonMerge {
  from: string;
  into: string;
  read: { fromProfile: number | null; fromSession: number | null; intoProfile: number | null; intoSession: number | null };
  profile: Profile;
  session: unknown;
  /** Epoch milliseconds, recorded on the link. */
  now: number;
}

/** Everything a turn reads about one person, as one consistent picture. */
export interface TurnState {
  /** The person the surface id given resolves to (itself unless linked), read in the same snapshot. */
  personId: string;
  /** Stored profile JSON (parsed by the caller) and its version. */
  profile: Versioned<unknown> | undefined;
  session: Versioned<unknown> | undefined;
  /** Newest first, up to the limit asked for. */
  history: StoredHistory[];
  /**
   * The person's erase epoch when read: it moves on with every erase, so a commit computed on an older
   * picture of the person (read before "forget me") is refused.
   */
  epoch: number;
}

/**
 * What a turn read, for the commit to check: `null` means "did not exist", a number the version read;
 * a field left out is not checked (a write that does not depend on it, e.g. surface data).
 */
export interface TurnBasis {
  session?: number | null;
  profile?: number | null;
  epoch: number;
}

/** A person (as resolved, after links) and their erase epoch as a turn read it. */
export interface EraseGuard {
  personId: string;
  epoch: number;
}

/** Everything one turn writes, applied all together or not at all. */
export interface TurnCommit {
  basis: TurnBasis;
  /** The session after the turn (left as it is when absent). */
  session?: unknown;
  /** The profile after the turn (left as it is when absent). */
  profile?: Profile;
  addHistory?: HistoryEntry[];
  updateHistory?: Array<{ id: number; patch: Partial<HistoryEntry> }>;
  /** Erase everything about the person instead of writing (the rest is ignored); moves the epoch on. */
  erase?: boolean;
  /**
   * A key that makes the commit happen once (a platform's request id): a commit whose key was seen is
   * refused as `duplicate`. Recorded in the same transaction, so a failed commit leaves the key free.
   */
  once?: string;
  /** Epoch milliseconds: a commit that would land later is refused as `late` and changes nothing. */
  deadline?: number;
}

export type CommitResult =
  | { ok: true; session: number | null; profile: number | null; epoch: number }
  | { ok: false; reason: 'conflict' | 'duplicate' | 'late' };

/** A write the database refused or could not take (gone, unwritable, timed out); nothing of it landed. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

export interface Store {
  /**
   * A turn's reading of one person, from a surface id: the person it resolves to, their profile, session,
   * newest history and erase epoch, all in one snapshot.
   */
  loadTurn(surfaceId: string, historyLimit: number): Promise<TurnState>;
  /**
   * Writes a turn as one unit (SQLite: one IMMEDIATE transaction; PostgreSQL: one transaction under the
   * person's lock): every basis check, then session, profile, history, or the erase. Either all of it lands
   * or none; a failed check answers `conflict` (run the turn again on a fresh load).
   */
  commitTurn(personId: string, commit: TurnCommit): Promise<CommitResult>;

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

  /**
   * One reminder per person and surface: replaces an earlier one. With a guard (a turn's), it is stored only
   * if the person the turn was for was not erased since; false when refused.
   */
  putReminder(reminder: Reminder, guard?: EraseGuard): Promise<boolean>;
  getReminder(personId: string, surface: Reminder['surface']): Promise<Reminder | undefined>;
  deleteReminder(personId: string, surface: Reminder['surface']): Promise<void>;
  /**
   * Atomically claims up to `limit` reminders due at `now` that nobody holds, for `leaseMs`.
   * Two instances never claim the same reminder (PostgreSQL: FOR UPDATE SKIP LOCKED).
   */
  claimDueReminders(now: number, limit: number, leaseMs: number): Promise<Reminder[]>;
  /** Releases a claim and sets the next due time. */
  rescheduleReminder(id: string, nextDueAt: number): Promise<void>;
  /**
   * Moves a reminder's next due time from `from` to `to` (a snooze, "skip today") only if it is still due at
   * `from` and no instance holds it at `now`; false otherwise (it was sent, moved or claimed meanwhile).
   * With `timeZone`, the reminder's zone changes in the same write (the person moved).
   */
  moveReminder(id: string, from: number, to: number, now: number, timeZone?: string): Promise<boolean>;

  /** Records a key once; false when it was seen before (Slack retries, double clicks). */
  claimOnce(key: string, now: number): Promise<boolean>;

  /** The person a surface id belongs to: the id itself unless it was linked into another person. */
  resolvePerson(surfaceId: string): Promise<string>;
  /** The person and every surface id linked into them: the person's own id first, then in surface id order. */
  linkedIds(personId: string): Promise<string[]>;
  /** Stores a new code and drops the person's earlier ones; false when the code is live for anyone (draw again). */
  putLinkCode(code: LinkCode, now: number): Promise<boolean>;
  /** Takes a live code once: the person who issued it, or undefined (no such code, used, or expired). */
  takeLinkCode(code: string, now: number): Promise<string | undefined>;
  /** Failed code entries by a person since `since` (epoch ms). */
  linkTries(personId: string, since: number): Promise<number>;
  /** Counts one failed entry; a count older than `since` starts again at one. Returns the count. */
  addLinkTry(personId: string, now: number, since: number): Promise<number>;
  mergePerson(merge: PersonMerge): Promise<SaveResult>;

  /**
   * Removes everything stored about a person and every identity linked to them, and the links themselves,
   * whatever they were doing (the skill was disabled), and moves their erase epoch on so no turn read before
   * it can land.
   */
  erasePerson(personId: string): Promise<void>;

  /** A Slack workspace's installation (OAuth), as JSON the adapter reads back; replaces an earlier one. */
  putInstallation(teamId: string, installation: unknown, now: number): Promise<void>;
  getInstallation(teamId: string): Promise<unknown | undefined>;
  /**
   * Removes a Slack workspace: its installation and everything stored under its people's ids
   * (`slack:<team>:...`: profiles, sessions, history, reminders, links, codes). Throws on a team id that is
   * not Slack's plain form (letters and digits).
   */
  eraseWorkspace(teamId: string): Promise<void>;

  /** Resolves when the database answers a trivial query (readiness: GET /readyz); rejects otherwise. */
  ping(): Promise<void>;

  close(): Promise<void>;
}
