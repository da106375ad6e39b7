import type { Profile } from '../core/profile.js';
import type { Session } from '../core/session.js';
import type { Versioned } from './store.js';

/**
 * The session and profile this process last validated or wrote for each person lately seen, by the row
 * version and the person's erase epoch. A turn reads its rows every time (another instance may have written
 * them); when a row is still the version this process knows, under the same epoch, the object it already has
 * stands in for parsing and validating the row again: what a turn wrote was validated on its way in (the core
 * makes only sessions that round-trip through JSON and parse, a property test holds it to that, and it never
 * changes a session it is given), and a version is never reused while the epoch stands (an erase moves it on).
 * The session's own turn counter is compared too, as a last check that the row is the one remembered.
 *
 * Bounded: people in a conversation at the same moment are few; the rest are parsed as before.
 */
const KEPT = 1000;

interface Known {
  epoch: number;
  session?: { version: number; value: Session };
  profile?: { version: number; value: Profile };
}

export class ValidatedRows {
  private readonly people = new Map<string, Known>();

  /** The session `stored` holds, if it is the one remembered for this person and epoch. */
  session(personId: string, epoch: number, stored: Versioned<unknown>): Session | undefined {
    const known = this.people.get(personId)?.session;
    if (!known || this.people.get(personId)!.epoch !== epoch || known.version !== stored.version) return undefined;
    return (stored.value as { turn?: unknown } | null)?.turn === known.value.turn ? known.value : undefined;
  }

  profile(personId: string, epoch: number, stored: Versioned<unknown>): Profile | undefined {
    const known = this.people.get(personId);
    return known?.epoch === epoch && known.profile?.version === stored.version ? known.profile.value : undefined;
  }

  /** Remembers rows as read and validated, or as written (the new versions a commit answered). */
  remember(personId: string, epoch: number, rows: { session?: { version: number; value: Session }; profile?: { version: number; value: Profile } }): void {
    const known = this.people.get(personId);
    const next: Known = known?.epoch === epoch ? { ...known } : { epoch };
    if (rows.session) next.session = rows.session;
    if (rows.profile) next.profile = rows.profile;
    // Most recently seen last, so the oldest goes first when full.
    this.people.delete(personId);
    if (this.people.size >= KEPT) this.people.delete(this.people.keys().next().value!);
    this.people.set(personId, next);
  }

  forget(personId: string): void {
    this.people.delete(personId);
  }
}
