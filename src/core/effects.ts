import type { HistoryEntry, Profile } from './profile.js';

/**
 * What a turn asks the world to do, as data. The application service carries out the ones about storage;
 * the ones about a platform (reminders) go back to the adapter that knows how.
 */
export type Effect =
  /** Replace the stored profile (screening answers, preferences, greeted). */
  | { type: 'saveProfile'; profile: Profile }
  | { type: 'recordHistory'; entry: HistoryEntry }
  /** The pain after a routine, added to its entry (recorded when its steps ended), found by routine and start. */
  | { type: 'recordPainAfter'; routineId: string; startedAt: string; painAfter: number }
  /** Mark the newest history entry as settled or not ("did your back settle within a day?"). */
  | { type: 'markSettled'; settled: boolean }
  /** A recurring reminder: days of the week (0 = Sunday) at a local "HH:MM". */
  | { type: 'scheduleReminder'; days: number[]; time: string }
  | { type: 'cancelReminder' }
  /** A safety event, for audit; carries no health detail beyond its kind. */
  | { type: 'safetyEvent'; kind: SafetyEventKind; routineId?: string; stepId?: string }
  /** Erase everything stored about the person. */
  | { type: 'erase' };

export type SafetyEventKind =
  | 'tierA' // emergency advice given
  | 'tierB' // urgent appointment advised, no exercise today
  | 'stopRule' // a stop rule fired during a routine
  | 'painRise' // pain rose during a routine
  | 'dizzy';

/** The effects an adapter must carry out itself. */
export type PlatformEffect = Extract<Effect, { type: 'scheduleReminder' | 'cancelReminder' }>;

export function isPlatformEffect(e: Effect): e is PlatformEffect {
  return e.type === 'scheduleReminder' || e.type === 'cancelReminder';
}
