import type { PlatformEffect } from '../core/effects.js';
import type { Intent } from '../core/intents.js';
import type { Profile } from '../core/profile.js';
import type { Reply } from '../core/reply.js';
import type { EraseGuard } from './store.js';
import type { StoredHistory } from './store.js';

/** The surfaces that drive the core. */
export type Surface = 'alexa' | 'slack' | 'terminal' | 'web';

/** One thing a person said or pressed, as an adapter hands it to the application service. */
export interface TurnRequest {
  /** `alexa:<userId>`, `slack:<team>:<user>`, `terminal:<name>`, `web:<hash of the browser's secret>` */
  personId: string;
  surface: Surface;
  intent: Intent;
  /** The platform's locale for this request (e.g. "en-GB"); updates the profile when it changes. */
  locale?: string;
  timeZone?: string;
  /**
   * The session turn a button was drawn for. When the session has moved on since (a stale or double
   * click), the turn changes nothing and the result says `stale`.
   */
  atTurn?: number;
  /**
   * Epoch milliseconds (the real clock) by which the turn must be saved; past it nothing is applied and the
   * service throws TurnLateError. Adapters set it shorter than their platform's own wait.
   */
  deadline?: number;
  /** A platform request id: the turn is applied once however often the request comes (a retry, a replay). */
  once?: string;
}

export interface TurnResult {
  reply: Reply;
  /** For the adapter to carry out: reminders live on the platform (Alexa Reminders API, Slack scheduler). */
  effects: PlatformEffect[];
  /** The session's turn counter after this turn: put it on buttons. */
  turn: number;
  /** The input was for an earlier turn; nothing changed and `reply` re-renders the current state. */
  stale: boolean;
  profile: Profile;
  /**
   * The person and their erase epoch after the turn: a write that follows it (a stored reminder) passes it to
   * the store, which refuses it if the person was erased since.
   */
  guard?: EraseGuard;
}

/** The application service as adapters see it. */
export interface CoachPort {
  handle(request: TurnRequest): Promise<TurnResult>;
  /** Updates surface data (e.g. the Slack message being updated in place) without a turn. */
  setSurfaceData(personId: string, surface: Surface, data: Record<string, string>): Promise<void>;
  getProfile(personId: string): Promise<Profile | undefined>;
  /** Finished routines, newest first (every linked identity's). */
  history(personId: string, limit: number): Promise<StoredHistory[]>;
}

/** What a screen that can be opened at any moment needs besides turns (the web page). */
export interface CoachView {
  /** The current moment re-rendered without a turn (a page load): nothing is saved. */
  current(request: Omit<TurnRequest, 'intent' | 'atTurn'>): Promise<TurnResult>;
}

/** A code that links another surface to this person. */
export interface IssuedCode {
  /** Six digits. */
  code: string;
  /** As people read it: "123-456". */
  shown: string;
  expiresAt: Date;
  minutes: number;
}

export type LinkResult =
  /** Two identities are now one person: one history, one screening. */
  | { kind: 'linked' }
  /** The code was this person's own, or they were linked already. */
  | { kind: 'alreadyLinked' }
  /** Not six digits. */
  | { kind: 'malformed' }
  /** No such live code (wrong, used or expired). */
  | { kind: 'wrongCode'; triesLeft: number }
  /** Too many wrong codes lately: refused for a while. */
  | { kind: 'tooManyTries' };

/** Linking a person's identities across surfaces by a short single-use code. */
export interface LinkPort {
  issueLinkCode(surfaceId: string): Promise<IssuedCode>;
  redeemLinkCode(surfaceId: string, code: string): Promise<LinkResult>;
}
