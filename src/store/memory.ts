import type { HistoryEntry, Profile } from '../core/profile.js';
import type { Logger } from '../log.js';
import type { CommitResult, EraseGuard, LinkCode, PersonMerge, Reminder, SaveResult, Store, StoredHistory, TurnCommit, TurnState, Versioned } from '../app/store.js';
import {
  byDueThenId,
  CommitRefused,
  CONFLICT,
  eraseBucket,
  pastDeadline,
  mergePatch,
  parseHistoryEntry,
  parseStored,
  PruneSchedule,
  type StoreOptions,
  toJson,
  workspacePrefix,
} from './shared.js';

/**
 * An in-memory Store with the same semantics as the SQLite and PostgreSQL ones: values are kept as JSON text
 * (so callers get copies and corrupt text behaves the same), versions start at 1 and grow by one per save,
 * reminders are claimed with leases, claimOnce remembers keys for a TTL. For tests and `memory:`.
 */

interface Row {
  text: string;
  version: number;
}

interface HistoryRow {
  id: number;
  text: string;
}

export class MemoryStore implements Store {
  private readonly profiles = new Map<string, Row>();
  private readonly sessions = new Map<string, Row>();
  /** By person, oldest first: listHistory (every turn) reads only that person's newest rows. */
  private readonly history = new Map<string, HistoryRow[]>();
  private nextHistoryId = 1;
  /** By reminder id. */
  private readonly reminders = new Map<string, Reminder>();
  private readonly seen = new Map<string, number>();
  /** Surface id -> the person it was linked into. */
  private readonly links = new Map<string, string>();
  private readonly codes = new Map<string, LinkCode>();
  private readonly tries = new Map<string, { since: number; count: number }>();
  /** Slack installations by team, as JSON text. */
  private readonly installations = new Map<string, string>();
  /** Erase epochs by bucket (absent: 0). */
  private readonly epochs = new Map<number, number>();
  private readonly prune: PruneSchedule;
  private readonly log: Logger | undefined;
  private closed = false;

  constructor(options: StoreOptions = {}) {
    this.log = options.log;
    this.prune = new PruneSchedule(options);
  }

  async loadTurn(surfaceId: string, historyLimit: number): Promise<TurnState> {
    this.open();
    const personId = this.links.get(surfaceId) ?? surfaceId;
    return {
      personId,
      epoch: this.epochs.get(eraseBucket(personId)) ?? 0,
      session: this.read(this.sessions, 'sessions', personId),
      profile: this.read(this.profiles, 'profiles', personId),
      history: await this.listHistory(personId, historyLimit),
    };
  }

  /** Checks everything first and writes after, all in one synchronous stretch: nothing interleaves. */
  async commitTurn(personId: string, commit: TurnCommit): Promise<CommitResult> {
    this.open();
    try {
      if (pastDeadline(commit, Date.now())) throw new CommitRefused('late');
      const now = Date.now();
      if (commit.once !== undefined) {
        const seenAt = this.seen.get(commit.once);
        if (seenAt !== undefined && seenAt >= now - this.prune.ttlMs) throw new CommitRefused('duplicate');
      }
      if ((this.epochs.get(eraseBucket(personId)) ?? 0) !== commit.basis.epoch) throw new CommitRefused('conflict');
      const { basis } = commit;
      for (const [map, expected] of [[this.sessions, basis.session], [this.profiles, basis.profile]] as const) {
        if (expected !== undefined && (map.get(personId)?.version ?? null) !== expected) throw new CommitRefused('conflict');
      }
      // Serialise before writing anything, so a value JSON cannot hold changes nothing.
      const sessionText = commit.erase || commit.session === undefined ? undefined : toJson(commit.session);
      const profileText = commit.erase || commit.profile === undefined ? undefined : toJson(commit.profile);
      const added = commit.erase ? [] : (commit.addHistory ?? []).map(toJson);
      if (commit.once !== undefined) this.seen.set(commit.once, now);
      if (commit.erase) {
        return { ok: true, session: null, profile: null, epoch: this.eraseNow(personId) };
      }
      const session = this.put(this.sessions, personId, sessionText, basis.session);
      const profile = this.put(this.profiles, personId, profileText, basis.profile);
      for (const text of added) this.appendHistory(personId, text);
      for (const { id, patch } of commit.updateHistory ?? []) {
        const row = this.history.get(personId)?.find((r) => r.id === id);
        const entry = row && parseHistoryEntry(this.log, row.text, personId, row.id);
        if (row && entry) row.text = toJson(mergePatch(entry, patch));
      }
      return { ok: true, session, profile, epoch: commit.basis.epoch };
    } catch (err) {
      if (err instanceof CommitRefused) return { ok: false, reason: err.reason };
      throw err;
    }
  }

  async getProfile(personId: string): Promise<Versioned<unknown> | undefined> {
    return this.read(this.profiles, 'profiles', personId);
  }

  async saveProfile(personId: string, profile: Profile, expected: number | null): Promise<SaveResult> {
    return this.cas(this.profiles, personId, profile, expected);
  }

  async getSession(personId: string): Promise<Versioned<unknown> | undefined> {
    return this.read(this.sessions, 'sessions', personId);
  }

  async saveSession(personId: string, session: unknown, expected: number | null): Promise<SaveResult> {
    return this.cas(this.sessions, personId, session, expected);
  }

  async deleteSession(personId: string): Promise<void> {
    this.open();
    this.sessions.delete(personId);
  }

  async addHistory(personId: string, entry: HistoryEntry): Promise<void> {
    this.open();
    this.appendHistory(personId, toJson(entry));
  }

  private appendHistory(personId: string, text: string): void {
    const row = { id: this.nextHistoryId++, text };
    const rows = this.history.get(personId);
    if (rows) rows.push(row);
    else this.history.set(personId, [row]);
  }

  /** Writes a row's new text; its version after (absent text: the version checked, as the SQL stores answer). */
  private put(map: Map<string, Row>, personId: string, text: string | undefined, expected: number | null | undefined): number | null {
    const row = map.get(personId);
    if (text === undefined) return expected ?? null;
    const version = (row?.version ?? 0) + 1;
    map.set(personId, { text, version });
    return version;
  }

  async listHistory(personId: string, limit: number): Promise<StoredHistory[]> {
    this.open();
    const rows = this.history.get(personId) ?? [];
    const out: StoredHistory[] = [];
    for (let i = rows.length - 1; i >= 0 && out.length < limit; i--) {
      const row = rows[i]!;
      const entry = parseHistoryEntry(this.log, row.text, personId, row.id);
      if (entry) out.push({ ...entry, id: row.id });
    }
    return out;
  }

  async updateHistory(personId: string, id: number, patch: Partial<HistoryEntry>): Promise<void> {
    this.open();
    const row = this.history.get(personId)?.find((r) => r.id === id);
    if (!row) return;
    const entry = parseHistoryEntry(this.log, row.text, personId, row.id);
    if (!entry) return;
    row.text = toJson(mergePatch(entry, patch));
  }

  async putReminder(reminder: Reminder, guard?: EraseGuard): Promise<boolean> {
    this.open();
    if (guard !== undefined && (this.epochs.get(eraseBucket(guard.personId)) ?? 0) !== guard.epoch) return false;
    const existing = this.reminders.get(reminder.id);
    if (existing && (existing.personId !== reminder.personId || existing.surface !== reminder.surface)) {
      throw new Error(`reminder id ${reminder.id} belongs to another person or surface`);
    }
    for (const [id, r] of this.reminders) {
      if (r.personId === reminder.personId && r.surface === reminder.surface) this.reminders.delete(id);
    }
    this.reminders.set(reminder.id, copyReminder(reminder));
    return true;
  }

  async getReminder(personId: string, surface: Reminder['surface']): Promise<Reminder | undefined> {
    this.open();
    for (const r of this.reminders.values()) {
      if (r.personId === personId && r.surface === surface) return copyReminder(r);
    }
    return undefined;
  }

  async deleteReminder(personId: string, surface: Reminder['surface']): Promise<void> {
    this.open();
    for (const [id, r] of this.reminders) {
      if (r.personId === personId && r.surface === surface) this.reminders.delete(id);
    }
  }

  async claimDueReminders(now: number, limit: number, leaseMs: number): Promise<Reminder[]> {
    this.open();
    const due = [...this.reminders.values()]
      .filter((r) => r.nextDueAt <= now && (r.claimedUntil === undefined || r.claimedUntil <= now))
      .sort(byDueThenId)
      .slice(0, Math.max(0, limit));
    return due.map((r) => {
      r.claimedUntil = now + leaseMs;
      return copyReminder(r);
    });
  }

  async rescheduleReminder(id: string, nextDueAt: number): Promise<void> {
    this.open();
    const r = this.reminders.get(id);
    if (!r) return;
    r.nextDueAt = nextDueAt;
    delete r.claimedUntil;
  }

  async moveReminder(id: string, from: number, to: number, now: number, timeZone?: string): Promise<boolean> {
    this.open();
    const r = this.reminders.get(id);
    if (!r || r.nextDueAt !== from || (r.claimedUntil !== undefined && r.claimedUntil > now)) return false;
    r.nextDueAt = to;
    if (timeZone !== undefined) r.timeZone = timeZone;
    delete r.claimedUntil;
    return true;
  }

  async claimOnce(key: string, now: number): Promise<boolean> {
    this.open();
    const cutoff = this.prune.due(now);
    if (cutoff !== undefined) {
      for (const [k, at] of this.seen) if (at < cutoff) this.seen.delete(k);
    }
    const seenAt = this.seen.get(key);
    if (seenAt !== undefined && seenAt >= now - this.prune.ttlMs) return false;
    this.seen.set(key, now);
    return true;
  }

  async resolvePerson(surfaceId: string): Promise<string> {
    this.open();
    return this.links.get(surfaceId) ?? surfaceId;
  }

  async linkedIds(personId: string): Promise<string[]> {
    this.open();
    return this.linkedIdsNow(personId);
  }

  private linkedIdsNow(personId: string): string[] {
    const linked = [...this.links].filter(([, p]) => p === personId).map(([surface]) => surface);
    // In surface id order, as the SQL stores return them.
    return [personId, ...linked.sort()];
  }

  async putLinkCode(code: LinkCode, now: number): Promise<boolean> {
    this.open();
    const live = this.codes.get(code.code);
    if (live && live.expiresAt > now) return false;
    for (const [c, row] of this.codes) if (row.personId === code.personId || row.expiresAt <= now) this.codes.delete(c);
    this.codes.set(code.code, { ...code });
    return true;
  }

  async takeLinkCode(code: string, now: number): Promise<string | undefined> {
    this.open();
    const row = this.codes.get(code);
    if (!row) return undefined;
    this.codes.delete(code);
    return row.expiresAt > now ? row.personId : undefined;
  }

  async linkTries(personId: string, since: number): Promise<number> {
    this.open();
    const row = this.tries.get(personId);
    return row && row.since >= since ? row.count : 0;
  }

  async addLinkTry(personId: string, now: number, since: number): Promise<number> {
    this.open();
    const row = this.tries.get(personId);
    const next = row && row.since >= since ? { since: row.since, count: row.count + 1 } : { since: now, count: 1 };
    this.tries.set(personId, next);
    return next.count;
  }

  async mergePerson(m: PersonMerge): Promise<SaveResult> {
    this.open();
    const version = (map: Map<string, Row>, id: string) => map.get(id)?.version ?? null;
    if (
      version(this.profiles, m.from) !== m.read.fromProfile ||
      version(this.sessions, m.from) !== m.read.fromSession ||
      version(this.profiles, m.into) !== m.read.intoProfile ||
      version(this.sessions, m.into) !== m.read.intoSession
    ) {
      return CONFLICT;
    }
    const profileText = toJson(m.profile);
    const sessionText = m.session === undefined ? undefined : toJson(m.session);
    // `from` is gone after this: a turn read as them must not land afterwards (it would be an orphan).
    const fromBucket = eraseBucket(m.from);
    this.epochs.set(fromBucket, (this.epochs.get(fromBucket) ?? 0) + 1);
    const profileVersion = (m.read.intoProfile ?? 0) + 1;
    this.profiles.set(m.into, { text: profileText, version: profileVersion });
    if (sessionText === undefined) this.sessions.delete(m.into);
    else this.sessions.set(m.into, { text: sessionText, version: (m.read.intoSession ?? 0) + 1 });
    this.profiles.delete(m.from);
    this.sessions.delete(m.from);
    const moved = this.history.get(m.from) ?? [];
    this.history.delete(m.from);
    // Kept in id order, as addHistory leaves them.
    const rows = [...(this.history.get(m.into) ?? []), ...moved].sort((a, b) => a.id - b.id);
    if (rows.length) this.history.set(m.into, rows);
    for (const [surface, person] of this.links) if (person === m.from) this.links.set(surface, m.into);
    this.links.set(m.from, m.into);
    for (const [c, row] of this.codes) if (row.personId === m.from) this.codes.delete(c);
    return { ok: true, version: profileVersion };
  }

  async erasePerson(personId: string): Promise<void> {
    this.open();
    this.eraseNow(personId);
  }

  /** Everything about the person (as resolved) and every identity linked to them; their epoch moves on. */
  private eraseNow(personId: string): number {
    const person = this.links.get(personId) ?? personId;
    const ids = new Set(this.linkedIdsNow(person));
    const bucket = eraseBucket(person);
    const epoch = (this.epochs.get(bucket) ?? 0) + 1;
    this.epochs.set(bucket, epoch);
    for (const id of ids) {
      this.profiles.delete(id);
      this.sessions.delete(id);
      this.history.delete(id);
      this.links.delete(id);
      this.tries.delete(id);
    }
    for (const [id, r] of this.reminders) if (ids.has(r.personId)) this.reminders.delete(id);
    for (const [c, row] of this.codes) if (ids.has(row.personId)) this.codes.delete(c);
    return epoch;
  }

  async putInstallation(teamId: string, installation: unknown): Promise<void> {
    this.open();
    this.installations.set(teamId, toJson(installation));
  }

  async getInstallation(teamId: string): Promise<unknown | undefined> {
    this.open();
    const text = this.installations.get(teamId);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }

  async eraseWorkspace(teamId: string): Promise<void> {
    this.open();
    const prefix = workspacePrefix(teamId);
    const ours = (id: string) => id.startsWith(prefix);
    this.installations.delete(teamId);
    for (const map of [this.profiles, this.sessions, this.history, this.tries]) {
      for (const id of [...map.keys()]) if (ours(id)) map.delete(id);
    }
    for (const [id, r] of this.reminders) if (ours(r.personId)) this.reminders.delete(id);
    for (const [surface, person] of this.links) if (ours(surface) || ours(person)) this.links.delete(surface);
    for (const [c, row] of this.codes) if (ours(row.personId)) this.codes.delete(c);
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('store closed');
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /**
   * Test hook: stores `text` as the raw JSON of a profile or session (or every history entry of the person), bypassing serialisation, as writing
   * through the driver does for the SQL stores.
   */
  writeRawForTest(table: 'profiles' | 'sessions' | 'history', personId: string, text: string): void {
    if (table === 'history') {
      for (const row of this.history.get(personId) ?? []) row.text = text;
      return;
    }
    const map = table === 'profiles' ? this.profiles : this.sessions;
    const version = map.get(personId)?.version ?? 1;
    map.set(personId, { text, version });
  }

  private read(map: Map<string, Row>, table: 'profiles' | 'sessions', personId: string): Versioned<unknown> | undefined {
    this.open();
    const row = map.get(personId);
    if (!row) return undefined;
    return { value: parseStored(this.log, row.text, table, personId), version: row.version };
  }

  private cas(map: Map<string, Row>, personId: string, value: unknown, expected: number | null): SaveResult {
    this.open();
    const text = toJson(value);
    const row = map.get(personId);
    if (expected === null) {
      if (row) return CONFLICT;
      map.set(personId, { text, version: 1 });
      return { ok: true, version: 1 };
    }
    if (!row || row.version !== expected) return CONFLICT;
    row.text = text;
    row.version = expected + 1;
    return { ok: true, version: row.version };
  }

  private open(): void {
    if (this.closed) throw new Error('store is closed');
  }
}

function copyReminder(r: Reminder): Reminder {
  const copy: Reminder = { ...r, days: [...r.days] };
  if (copy.claimedUntil === undefined) delete copy.claimedUntil;
  return copy;
}
