import { z } from 'zod';
import { busy, step, view, type CoachContext } from '../core/coach.js';
import type { Channel } from '../core/copy/en.js';
import { isPlatformEffect, type Effect } from '../core/effects.js';
import { HistoryEntry, newProfile, Profile } from '../core/profile.js';
import type { Routine } from '../core/routine.js';
import { parseSession, type Session } from '../core/session.js';
import { type Logger, pseudonym } from '../log.js';
import type { Store, StoredHistory } from './store.js';
import { Identity } from './identity.js';
import type { CoachPort, CoachView, IssuedCode, LinkPort, LinkResult, Surface, TurnRequest, TurnResult } from './turn.js';

/**
 * The application service: loads a person's profile, session and history, runs one core turn, saves with
 * compare-and-set, and carries out the storage effects. Platform effects go back to the adapter.
 */

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
const CHANNEL: Record<Surface, Channel> = { alexa: 'voice', slack: 'text', terminal: 'text', web: 'text' };

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
  profileVersion: number | null;
  /** New, or the platform told a new locale or time zone: saved even when the core changes nothing. */
  profileDirty: boolean;
  session: Session | undefined;
  sessionVersion: number | null;
  recovered: boolean;
  history: StoredHistory[];
}

export class CoachService implements CoachPort, CoachView, LinkPort {
  private readonly now: () => Date;

  private readonly identity: Identity;

  constructor(private readonly deps: CoachServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.identity = new Identity({ store: deps.store, log: deps.log, now: this.now });
  }

  async handle(request: TurnRequest): Promise<TurnResult> {
    const log = this.deps.log.child({ person: pseudonym(request.personId), surface: request.surface });
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const now = this.now();
      // The person behind this surface's id (linked identities share one); again on every attempt, as a link
      // that lands meanwhile is one reason a save can conflict.
      const personId = await this.identity.resolve(request.personId);
      const loaded = await this.load({ ...request, personId }, now, log);
      const ctx = this.contextFor(request, loaded, now);

      const currentTurn = loaded.session?.turn ?? 0;
      if (request.atTurn !== undefined && request.atTurn !== currentTurn) {
        log.info({ event: 'turn.stale', intent: request.intent.type, atTurn: request.atTurn, turn: currentTurn });
        return { reply: view(loaded.session, ctx), effects: [], turn: currentTurn, stale: true, profile: loaded.profile };
      }

      const result = step(loaded.session, request.intent, ctx);
      if (result.stale) {
        return { reply: result.reply, effects: [], turn: currentTurn, stale: true, profile: loaded.profile };
      }

      if (result.effects.some((e) => e.type === 'erase')) {
        // Every linked identity goes too (the store follows the links).
        await this.deps.store.erasePerson(personId);
        log.info({ event: 'person.erased' });
        return { reply: result.reply, effects: [{ type: 'cancelReminder' }], turn: 0, stale: false, profile: newProfile(now) };
      }

      // The session decides who wins: a conflict means another device moved on; run the turn again on its state.
      const saved = await this.deps.store.saveSession(personId, result.session, loaded.sessionVersion);
      if (!saved.ok) {
        log.warn({ event: 'session.conflict', attempt });
        continue;
      }
      const profile = await this.applyEffects(personId, result.effects, loaded, log);
      log.info({ event: 'turn', intent: request.intent.type, moment: result.reply.moment, turn: result.session?.turn });
      return {
        reply: result.reply,
        effects: result.effects.filter(isPlatformEffect),
        turn: result.session?.turn ?? 0,
        stale: false,
        profile,
      };
    }
    log.error({ event: 'session.conflict_gave_up' });
    return this.busyReply(request, log);
  }

  async current(request: Omit<TurnRequest, 'intent' | 'atTurn'>): Promise<TurnResult> {
    const now = this.now();
    const personId = await this.identity.resolve(request.personId);
    const loaded = await this.load({ ...request, personId }, now, this.deps.log);
    const reply = view(loaded.session, this.contextFor(request, loaded, now));
    return { reply, effects: [], turn: loaded.session?.turn ?? 0, stale: false, profile: loaded.profile };
  }

  async history(surfaceId: string, limit: number): Promise<StoredHistory[]> {
    const rows = await this.deps.store.listHistory(await this.identity.resolve(surfaceId), limit);
    return rows.filter((h) => StoredHistoryEntry.safeParse(h).success);
  }

  async setSurfaceData(surfaceId: string, surface: Surface, data: Record<string, string>): Promise<void> {
    const personId = await this.identity.resolve(surfaceId);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const { profile, version } = await this.loadProfile(personId, this.now(), this.deps.log);
      const next = { ...profile, surfaces: { ...profile.surfaces, [surface]: { ...profile.surfaces[surface], ...data } } };
      if ((await this.deps.store.saveProfile(personId, next, version)).ok) return;
    }
    throw new Error('profile kept changing while saving surface data');
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

  private async loadProfile(personId: string, now: Date, log: Logger): Promise<{ profile: Profile; version: number | null }> {
    const stored = await this.deps.store.getProfile(personId);
    if (!stored) return { profile: newProfile(now), version: null };
    const profile = parseProfile(stored.value);
    if (profile) return { profile, version: stored.version };
    // Unreadable: start over with a fresh profile (the next save overwrites it), never crash.
    log.warn({ event: 'profile.unreadable' });
    return { profile: newProfile(now), version: stored.version };
  }

  private async load(request: Omit<TurnRequest, 'intent' | 'atTurn'>, now: Date, log: Logger): Promise<Loaded> {
    const { store } = this.deps;
    const [{ profile: stored, version: profileVersion }, sessionRow, historyRows] = await Promise.all([
      this.loadProfile(request.personId, now, log),
      store.getSession(request.personId),
      store.listHistory(request.personId, HISTORY_WINDOW),
    ]);
    let profile = stored;
    if (request.locale && request.locale !== profile.locale) profile = { ...profile, locale: request.locale };
    if (request.timeZone && request.timeZone !== profile.timeZone) profile = { ...profile, timeZone: request.timeZone };
    const profileDirty = profileVersion === null || profile !== stored;
    const session = sessionRow ? parseSession(sessionRow.value) : undefined;
    const recovered = sessionRow !== undefined && session === undefined;
    if (recovered) log.warn({ event: 'session.unreadable' });
    // Entries that do not parse are left out; the rest keep their row id (markSettled needs it).
    const history = historyRows.filter((h) => StoredHistoryEntry.safeParse(h).success);
    return {
      profile,
      profileVersion,
      profileDirty,
      session,
      sessionVersion: sessionRow?.version ?? null,
      recovered,
      history,
    };
  }

  private async applyEffects(personId: string, effects: Effect[], loaded: Loaded, log: Logger): Promise<Profile> {
    const { store } = this.deps;
    let profile = loaded.profile;
    const saveWanted = effects.find((e): e is Extract<Effect, { type: 'saveProfile' }> => e.type === 'saveProfile');
    if (saveWanted || loaded.profileDirty) {
      profile = saveWanted?.profile ?? profile;
      await this.saveProfile(personId, profile, loaded.profileVersion);
    }
    for (const effect of effects) {
      switch (effect.type) {
        case 'recordHistory':
          await store.addHistory(personId, effect.entry);
          break;
        case 'recordPainAfter': {
          const entry = loaded.history.find((h) => h.routineId === effect.routineId && h.startedAt === effect.startedAt);
          if (entry) await store.updateHistory(personId, entry.id, { painAfter: effect.painAfter });
          break;
        }
        case 'markSettled': {
          const newest = loaded.history[0];
          if (newest) await store.updateHistory(personId, newest.id, { settled: effect.settled });
          break;
        }
        case 'safetyEvent':
          // The kind and ids only: never answers or scores.
          log.info({ event: 'safety', kind: effect.kind, routineId: effect.routineId, stepId: effect.stepId });
          break;
        default:
          break;
      }
    }
    return profile;
  }

  /** Profile writes are rare and small; on a conflict the newest read is overwritten with this turn's view. */
  private async saveProfile(personId: string, profile: Profile, expected: number | null): Promise<void> {
    let version = expected;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if ((await this.deps.store.saveProfile(personId, profile, version)).ok) return;
      version = (await this.deps.store.getProfile(personId))?.version ?? null;
    }
    throw new Error('profile kept changing while saving');
  }

  /** Another device kept winning the session: nothing changed, and the person is asked to say it again. */
  private busyReply(request: TurnRequest, log: Logger): TurnResult {
    log.warn({ event: 'turn.busy', intent: request.intent.type });
    return { reply: busy(request.locale ?? 'en-US', request.timeZone), effects: [], turn: 0, stale: true, profile: newProfile(this.now()) };
  }

}

export function createCoachService(deps: CoachServiceDeps): CoachService {
  return new CoachService(deps);
}
