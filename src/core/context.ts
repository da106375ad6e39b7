import type { Channel } from './copy/en.js';
import type { HistoryEntry, Profile } from './profile.js';
import type { Routine } from './routine.js';

/** Everything a turn may depend on besides the session and the intent; the core reads nothing else. */
export interface CoachContext {
  now: Date;
  routines: readonly Routine[];
  profile: Profile;
  /** Newest first; a few weeks is plenty. */
  history: readonly HistoryEntry[];
  /** Voice says "say next"; text says "tap Next". */
  channel?: Channel;
  /** The stored session could not be read and was discarded: the coach says so politely. */
  recovered?: boolean;
}
