import { z } from 'zod';
import { busy, step, view, type CoachContext } from '../core/coach.js';
import type { Channel } from '../core/copy/en.js';
import { isPlatformEffect, type Effect } from '../core/effects.js';
import { HistoryEntry, newProfile, Profile } from '../core/profile.js';
import type { Routine } from '../core/routine.js';
import type { Reply } from '../core/reply.js';
import { parseSession, type Session } from '../core/session.js';
import { type Logger, pseudonym } from '../log.js';
import type { EraseGuard, Store, StoredHistory, TurnCommit, TurnState, Versioned } from './store.js';
import { Identity } from './identity.js';
import { ValidatedRows } from './validated.js';
import type { CoachPort, CoachView, IssuedCode, LinkPort, LinkResult, Surface, TurnRequest, TurnResult } from './turn.js';

/**
 * The application service: loads a person's profile, session and history, runs one core turn, saves with
 * compare-and-set, and carries out the storage effects. Platform effects go back to the adapter.
 */

/** A BCP 47 language tag as platforms send them: en, en-US, en-GB, es-419, zh-Hant-TW. */
const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/;

/** Whether Intl knows the zone (checked only when it differs from the stored one). */
function knownZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export interface CoachServiceDeps {
  store: Store;
  routines: readonly Routine[];
  log: Logger;
  /** The clock; injected so tests can move time. */
  now?: () => Date;
}

/** How many times a turn is retried when another device wrote the session in between. */
const MAX_ATTEMPTS = 3;
const HISTORY_WINDOW = 30;

// The web page speaks too, but it has buttons to tap, so it is told "tap Next".
const CHANNEL: Record<Surface, Channel> = { alexa: 'voice', slack: 'text', terminal: 'typed', web: 'text' };

/** A history entry as stored: the entry and its row id. */
const StoredHistoryEntry = HistoryEntry.extend({ id: z.number() });

/** Stored profile JSON, or undefined when it does not parse (corrupt, or an older shape). */
function parseProfile(value: unknown): Profile | undefined {
  const parsed = Profile.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export { pseudonym } from '../log.js';

interface Loaded {
  profile: Profile;
  /** The profile row's version as read (null: none), for the commit's check. */
  profileVersion: number | null;
  /** New, or the platform told a new locale or time zone: saved even when the core changes nothing. */
  profileDirty: boolean;
  session: Session | undefined;
  sessionVersion: number | null;
  recovered: boolean;
  history: StoredHistory[];
  /** The person the surface id resolved to (links), read in the same snapshot as the rest. */
  personId: string;
  epoch: number;
}

/** How long a turn may take when the adapter names no deadline of its own. */
const DEFAULT_DEADLINE_MS = 10_000;

/** The turn could not be saved before its deadline; nothing of it was applied. */
export class TurnLateError extends Error {
  constructor() {
    super('the turn was not saved before its deadline; nothing was applied');
    this.name = 'TurnLateError';
  }
}

export class CoachService implements CoachPort, CoachView, LinkPort {
  private readonly now: () => Date;

  private readonly identity: Identity;
  /** Rows this process already validated or wrote, so a turn does not validate its own write again. */
  private readonly validated = new ValidatedRows();

  constructor(private readonly deps: CoachServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.identity = new Identity({ store: deps.store, log: deps.log, now: this.now });
  }

  /**
   * One turn: load the person's state, step the core, commit everything the turn writes as one unit. When
   * another device (or an erase) got there first, the turn runs again on what it left; a turn that cannot be
   * committed before its deadline throws TurnLateError and changes nothing.
   */
  async handle(request: TurnRequest): Promise<TurnResult> {
    const log = this.deps.log.child({ person: pseudonym(request.personId), surface: request.surface });
    const deadline = request.deadline ?? Date.now() + DEFAULT_DEADLINE_MS;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const now = this.now();
      // The person behind this surface's id (linked identities share one), resolved in the load's snapshot; again
      // on every attempt, as a link that lands meanwhile is one reason a commit can conflict.
      const loaded = await this.load(request, now, log);
      const ctx = this.contextFor(request, loaded, now);

      const currentTurn = loaded.session?.turn ?? 0;
      const unchanged = (reply: Reply): TurnResult => ({ reply, effects: [], turn: currentTurn, stale: true, profile: loaded.profile, guard: guardOf(loaded) });
      if (request.atTurn !== undefined && request.atTurn !== currentTurn) {
        log.info({ event: 'turn.stale', atTurn: request.atTurn, turn: currentTurn });
        return unchanged(view(loaded.session, ctx));
      }

      const result = step(loaded.session, request.intent, ctx);
      if (result.stale) return unchanged(result.reply);

      const erase = result.effects.some((e) => e.type === 'erase');
      const commit = erase ? this.eraseCommit(loaded, request, deadline) : this.turnCommit(result.session, result.effects, loaded, request, deadline);
      const outcome = await this.deps.store.commitTurn(loaded.personId, commit);
      if (!outcome.ok) {
        if (outcome.reason === 'late') {
          log.warn({ event: 'turn.late' });
          throw new TurnLateError();
        }
        if (outcome.reason === 'duplicate') {
          // The same request again (a platform retry): applied once already; show where things stand now.
          log.info({ event: 'turn.duplicate' });
          const fresh = await this.load(request, now, log);
          return { ...unchanged(view(fresh.session, this.contextFor(request, fresh, now))), turn: fresh.session?.turn ?? 0, profile: fresh.profile, guard: guardOf(fresh) };
        }
        // The session decides who wins: another device moved on (or erased); run the turn again on its state.
        log.warn({ event: 'session.conflict', attempt });
        continue;
      }
      if (erase) {
        this.validated.forget(loaded.personId);
        log.info({ event: 'person.erased' });
        return { reply: result.reply, effects: [{ type: 'cancelReminder' }], turn: 0, stale: false, profile: newProfile(now), guard: { personId: loaded.personId, epoch: outcome.epoch } };
      }
      if (commit.session !== undefined && result.session && outcome.session !== null) {
        this.validated.remember(loaded.personId, outcome.epoch, { session: { version: outcome.session, value: result.session } });
      }
      log.debug({ event: 'turn', turn: result.session?.turn });
      return {
        reply: result.reply,
        effects: result.effects.filter(isPlatformEffect),
        turn: result.session?.turn ?? 0,
        stale: false,
        profile: commit.profile ?? loaded.profile,
        guard: { personId: loaded.personId, epoch: outcome.epoch },
      };
    }
    log.error({ event: 'session.conflict_gave_up' });
    return this.busyReply(request, log);
  }

  async current(request: Omit<TurnRequest, 'intent' | 'atTurn'>): Promise<TurnResult> {
    const now = this.now();
    const loaded = await this.load(request, now, this.deps.log);
    const reply = view(loaded.session, this.contextFor(request, loaded, now));
    return { reply, effects: [], turn: loaded.session?.turn ?? 0, stale: false, profile: loaded.profile, guard: guardOf(loaded) };
  }

  async history(surfaceId: string, limit: number): Promise<StoredHistory[]> {
    const rows = await this.deps.store.listHistory(await this.identity.resolve(surfaceId), limit);
    return rows.filter((h) => StoredHistoryEntry.safeParse(h).success);
  }

  /** Surface data is merged by field into the newest stored profile: a conflict re-reads and merges again. */
  async setSurfaceData(surfaceId: string, surface: Surface, data: Record<string, string>): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const state = await this.deps.store.loadTurn(surfaceId, 0);
      const { profile, version } = this.profileOf(state.profile, this.now(), this.deps.log);
      const next = { ...profile, surfaces: { ...profile.surfaces, [surface]: { ...profile.surfaces[surface], ...data } } };
      const outcome = await this.deps.store.commitTurn(state.personId, { basis: { profile: version, epoch: state.epoch }, profile: next });
      if (outcome.ok) return;
    }
    throw new Error('profile kept changing while saving surface data');
  }

  /** Everything kept about a person and the identities linked to them, outside any turn (the skill was disabled). */
  async erase(surfaceId: string): Promise<void> {
    await this.deps.store.erasePerson(surfaceId);
  }

  async getProfile(surfaceId: string): Promise<Profile | undefined> {
    const stored = await this.deps.store.getProfile(await this.identity.resolve(surfaceId));
    return stored && parseProfile(stored.value);
  }

  issueLinkCode(surfaceId: string): Promise<IssuedCode> {
    return this.identity.issueLinkCode(surfaceId);
  }

  redeemLinkCode(surfaceId: string, code: string): Promise<LinkResult> {
    return this.identity.redeemLinkCode(surfaceId, code);
  }

  private contextFor(request: Pick<TurnRequest, 'surface'>, loaded: Loaded, now: Date): CoachContext {
    return {
      now,
      routines: this.deps.routines,
      profile: loaded.profile,
      history: loaded.history,
      channel: CHANNEL[request.surface],
      recovered: loaded.recovered,
    };
  }

  /** The profile as read: the object validated before when the row is still that version, else parsed now. */
  private knownProfile(state: TurnState, now: Date, log: Logger): { profile: Profile; version: number | null } {
    const stored = state.profile;
    const known = stored && this.validated.profile(state.personId, state.epoch, stored);
    if (known) return { profile: known, version: stored.version };
    const read = this.profileOf(stored, now, log);
    // Remembered only when the stored row itself parsed (profileOf gives a fresh profile for an unreadable one).
    if (stored && read.fromRow) this.validated.remember(state.personId, state.epoch, { profile: { version: stored.version, value: read.profile } });
    return read;
  }

  /** The session as read: the one this process wrote or validated when the row is still that version, else parsed now. */
  private knownSession(personId: string, epoch: number, stored: Versioned<unknown>): Session | undefined {
    const known = this.validated.session(personId, epoch, stored);
    if (known) return known;
    const session = parseSession(stored.value);
    if (session) this.validated.remember(personId, epoch, { session: { version: stored.version, value: session } });
    return session;
  }

  private profileOf(stored: Versioned<unknown> | undefined, now: Date, log: Logger): { profile: Profile; version: number | null; fromRow?: true } {
    if (!stored) return { profile: newProfile(now), version: null };
    const profile = parseProfile(stored.value);
    if (profile) return { profile, version: stored.version, fromRow: true };
    // Unreadable: start over with a fresh profile (the next save overwrites it), never crash.
    log.warn({ event: 'profile.unreadable' });
    return { profile: newProfile(now), version: stored.version };
  }

  private async load(request: Omit<TurnRequest, 'intent' | 'atTurn'>, now: Date, log: Logger): Promise<Loaded> {
    const state = await this.deps.store.loadTurn(request.personId, HISTORY_WINDOW);
    const { profile: stored, version: profileVersion } = this.knownProfile(state, now, log);
    let profile = stored;
    // What a platform says is taken only when it is a locale and a zone: a bad value changes nothing stored.
    if (request.locale && request.locale !== profile.locale && LOCALE.test(request.locale)) profile = { ...profile, locale: request.locale };
    if (request.timeZone && request.timeZone !== profile.timeZone && knownZone(request.timeZone)) profile = { ...profile, timeZone: request.timeZone };
    const profileDirty = profileVersion === null || profile !== stored;
    const session = state.session ? this.knownSession(state.personId, state.epoch, state.session) : undefined;
    const recovered = state.session !== undefined && session === undefined;
    if (recovered) log.warn({ event: 'session.unreadable' });
    // Entries that do not parse are left out; the rest keep their row id (markSettled needs it).
    const history = state.history.filter((h) => StoredHistoryEntry.safeParse(h).success);
    return {
      profile,
      profileVersion,
      profileDirty,
      session,
      sessionVersion: state.session?.version ?? null,
      recovered,
      history,
      personId: state.personId,
      epoch: state.epoch,
    };
  }

  /** Everything the turn writes, checked against what it read: session, profile, history, the once-key. */
  private turnCommit(session: Session | undefined, effects: Effect[], loaded: Loaded, request: TurnRequest, deadline: number): TurnCommit {
    const saveWanted = effects.find((e): e is Extract<Effect, { type: 'saveProfile' }> => e.type === 'saveProfile');
    const newest = loaded.history[0];
    const updateHistory: NonNullable<TurnCommit['updateHistory']> = [];
    for (const effect of effects) {
      if (effect.type === 'markSettled' && newest) updateHistory.push({ id: newest.id, patch: { settled: effect.settled } });
      if (effect.type === 'recordPainAfter') {
        const entry = loaded.history.find((h) => h.routineId === effect.routineId && h.startedAt === effect.startedAt);
        if (entry) updateHistory.push({ id: entry.id, patch: { painAfter: effect.painAfter } });
      }
    }
    const commit: TurnCommit = {
      basis: { session: loaded.sessionVersion, profile: loaded.profileVersion, epoch: loaded.epoch },
      session,
      addHistory: effects.flatMap((e) => (e.type === 'recordHistory' ? [e.entry] : [])),
      updateHistory,
      deadline,
    };
    if (saveWanted || loaded.profileDirty) commit.profile = saveWanted?.profile ?? loaded.profile;
    if (request.once !== undefined) commit.once = request.once;
    return commit;
  }

  /** "Forget me" is a turn too: it lands only on the state the person confirmed it on. */
  private eraseCommit(loaded: Loaded, request: TurnRequest, deadline: number): TurnCommit {
    const commit: TurnCommit = {
      basis: { session: loaded.sessionVersion, profile: loaded.profileVersion, epoch: loaded.epoch },
      erase: true,
      deadline,
    };
    if (request.once !== undefined) commit.once = request.once;
    return commit;
  }

  /** Another device kept winning the session: nothing changed, and the person is asked to say it again. */
  private busyReply(request: TurnRequest, log: Logger): TurnResult {
    log.warn({ event: 'turn.busy', intent: request.intent.type });
    return { reply: busy(request.locale ?? 'en-US', request.timeZone), effects: [], turn: 0, stale: true, profile: newProfile(this.now()) };
  }

}

function guardOf(loaded: Loaded): EraseGuard {
  return { personId: loaded.personId, epoch: loaded.epoch };
}

export function createCoachService(deps: CoachServiceDeps): CoachService {
  return new CoachService(deps);
}
