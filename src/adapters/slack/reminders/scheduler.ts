import type { webApi } from '@slack/bolt';
import type { Reminder, Store } from '../../../app/store.js';
import type { Logger } from '../../../log.js';
import { describeError, isRateLimited } from '../errors.js';
import { parsePersonId } from '../person.js';
import { reminderMessage } from '../render/reminder.js';
import { nextDueAt } from './nextDue.js';
import { presenceOf } from './presence.js';
import { nextWorkingMoment, type WorkingHours } from './workingDay.js';

/**
 * Fires stored Slack reminders: every `intervalMs` it claims up to `batch` due reminders atomically
 * (store.claimDueReminders; on PostgreSQL FOR UPDATE SKIP LOCKED, so several instances never claim the same
 * row), posts each as a DM with a "Start a back break" button, and reschedules it to its next time.
 *
 * Catch-up rule after downtime: a reminder found more than `lateLimitMs` (1 hour) past its time is not sent;
 * it moves to its next time. A person back from a weekend gets one reminder at the next slot, not a pile.
 *
 * Rate limits: on 429 the claim is kept and the post is retried after Retry-After (sending of the rest of the
 * batch waits too). A claim is a lease; if the wait would outlast it, the reminder is released with its next
 * due time set to the retry time, so whichever instance is free then sends it. On stop, pending retries are
 * released the same way.
 *
 * Other failures (the DM is gone, the app was removed) are logged and the reminder moves to its next time:
 * nothing retries forever.
 *
 * Breaks people keep: a break due outside the person's working day (App Home) waits for the day's start; a
 * break due while the person is in do-not-disturb, in a huddle, or shows a busy status emoji is held back,
 * never dropped: the claim is released due again when Slack says the busy spell ends, or in `recheckMs`
 * (15 minutes) when it does not, and always within the working day. The next regular time is counted from
 * when the break was finally sent, so a held break and the next one never pile up.
 */
export interface SchedulerOptions {
  store: Store;
  /**
   * A client that rejects rate-limited calls (rejectRateLimitedCalls) so this loop sees the 429; or the
   * client of each team (many workspaces).
   */
  client: webApi.WebClient | ((teamId: string) => Promise<webApi.WebClient>);
  log: Logger;
  now?: () => number;
  intervalMs?: number;
  batch?: number;
  leaseMs?: number;
  lateLimitMs?: number;
  /** Status emoji that hold a break back (config SLACK_BUSY_STATUS_EMOJI). */
  busyEmoji?: readonly string[];
  /** The person's working day, when they set one. */
  workingHours?: (personId: string) => Promise<WorkingHours | undefined>;
  /** How soon a held break is tried again when Slack does not say when the person is free. */
  recheckMs?: number;
}

interface PendingRetry {
  reminder: Reminder;
  retryAt: number;
  /** Our claim's end: after it another instance may hold the reminder, so we must not touch it. */
  leaseEnds: number;
}

export class ReminderScheduler {
  private readonly store: Store;
  private readonly client: SchedulerOptions['client'];
  private readonly log: Logger;
  private readonly now: () => number;
  readonly intervalMs: number;
  readonly batch: number;
  readonly leaseMs: number;
  readonly lateLimitMs: number;
  readonly recheckMs: number;
  private readonly busyEmoji: readonly string[];
  private readonly workingHours: SchedulerOptions['workingHours'];
  private interval: NodeJS.Timeout | undefined;
  /** Wakes the loop when a rate limit's wait is over. */
  private wake: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Claimed reminders waiting out a rate limit; never more than one batch. */
  private readonly retries = new Map<string, PendingRetry>();
  /** No posting before this instant (a 429's Retry-After). */
  private pausedUntil = 0;
  private stopped = false;

  constructor(options: SchedulerOptions) {
    this.store = options.store;
    this.client = options.client;
    this.log = options.log;
    this.now = options.now ?? Date.now;
    this.intervalMs = options.intervalMs ?? 30_000;
    this.batch = options.batch ?? 25;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.lateLimitMs = options.lateLimitMs ?? 60 * 60_000;
    this.recheckMs = options.recheckMs ?? 15 * 60_000;
    this.busyEmoji = options.busyEmoji ?? [];
    this.workingHours = options.workingHours;
  }

  start(): void {
    if (this.interval || this.stopped) return;
    this.interval = setInterval(() => void this.tick(), this.intervalMs);
    this.interval.unref();
  }

  /** One pass; a call during a pass waits for that pass. Never throws. */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Reminders held for a rate-limit retry. */
  get pendingRetries(): number {
    return this.retries.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.interval);
    clearTimeout(this.wake);
    this.interval = undefined;
    await this.running;
    const now = this.now();
    for (const pending of this.retries.values()) {
      if (pending.leaseEnds > now) await this.release(pending.reminder, pending.retryAt);
    }
    this.retries.clear();
  }

  private async pass(): Promise<void> {
    try {
      const now = this.now();
      for (const [id, pending] of this.retries) {
        if (pending.leaseEnds <= now) {
          this.retries.delete(id);
          this.log.warn({ reminder: id }, 'claim lapsed while rate limited; left to the next claimer');
        }
      }
      if (now < this.pausedUntil) return;
      const due: Reminder[] = [];
      for (const [id, pending] of this.retries) {
        if (pending.retryAt <= now) {
          this.retries.delete(id);
          due.push(pending.reminder);
        }
      }
      const room = this.batch - this.retries.size - due.length;
      if (room > 0) {
        const claimed = await this.store.claimDueReminders(now, room, this.leaseMs);
        due.push(...claimed.map((r) => ({ ...r, claimedUntil: r.claimedUntil ?? now + this.leaseMs })));
      }
      for (const reminder of due) await this.deliver(reminder);
    } catch (err) {
      this.log.error({ err: describeError(err) }, 'reminder pass failed');
    }
  }

  private async deliver(reminder: Reminder): Promise<void> {
    const now = this.now();
    if (now < this.pausedUntil) return this.hold(reminder, this.pausedUntil);
    if (now - reminder.nextDueAt > this.lateLimitMs) {
      this.log.info({ reminder: reminder.id, lateMs: now - reminder.nextDueAt }, 'reminder too late; moved to its next time');
      return this.reschedule(reminder, now);
    }
    try {
      const client = await this.clientOf(reminder);
      if (await this.heldBack(reminder, client, now)) return;
      const message = reminderMessage(reminder.id, reminder.nextDueAt);
      await client.chat.postMessage({ channel: reminder.target, text: message.text, blocks: message.blocks });
      this.log.info({ reminder: reminder.id }, 'reminder sent');
      await this.reschedule(reminder, now);
    } catch (err) {
      if (isRateLimited(err)) {
        this.pausedUntil = Math.max(this.pausedUntil, now + Math.max(1, err.retryAfter) * 1000);
        this.log.warn({ reminder: reminder.id, retryAfterSeconds: err.retryAfter }, 'rate limited; reminder kept for a retry');
        return this.hold(reminder, this.pausedUntil);
      }
      this.log.warn({ reminder: reminder.id, err: describeError(err) }, 'reminder not delivered; moved to its next time');
      await this.reschedule(reminder, now);
    }
  }

  /**
   * True when the break must wait (outside the working day, or the person is busy), with the reminder
   * released due again at the next moment worth trying.
   */
  private async heldBack(reminder: Reminder, client: webApi.WebClient, now: number): Promise<boolean> {
    const person = parsePersonId(reminder.personId);
    let hours: WorkingHours | undefined;
    try {
      hours = await this.workingHours?.(reminder.personId);
    } catch (err) {
      this.log.warn({ reminder: reminder.id, err: describeError(err) }, 'working hours not read; any hour counts');
    }
    const opens = nextWorkingMoment(now, hours, reminder.timeZone);
    if (opens > now) {
      this.log.info({ reminder: reminder.id, heldUntil: opens, why: 'working_day' }, 'reminder held for the working day');
      await this.release(reminder, opens);
      return true;
    }
    if (!person) return false;
    const presence = await presenceOf(client, person.userId, now, this.busyEmoji);
    if (presence.unknown.length > 0) this.log.warn({ reminder: reminder.id, unknown: presence.unknown }, 'presence not fully read; counted as free');
    if (presence.busy.length === 0) return false;
    // Slack's end of the busy spell when it says, else a look again soon; at least a minute on, in working time.
    const retry = Math.max(now + 60_000, Math.min(presence.until ?? Infinity, now + this.recheckMs));
    const at = nextWorkingMoment(retry, hours, reminder.timeZone);
    this.log.info({ reminder: reminder.id, heldUntil: at, why: presence.busy }, 'reminder held: the person is busy');
    await this.release(reminder, at);
    return true;
  }

  private async clientOf(reminder: Reminder): Promise<webApi.WebClient> {
    if (typeof this.client !== 'function') return this.client;
    const person = parsePersonId(reminder.personId);
    if (!person) throw new Error('reminder of a person outside Slack');
    return this.client(person.teamId);
  }

  /**
   * Keeps the claim and retries at `retryAt`; when the wait would outlast the claim, releases the reminder
   * due at `retryAt` instead, for whichever instance is free then.
   */
  private async hold(reminder: Reminder, retryAt: number): Promise<void> {
    const leaseEnds = reminder.claimedUntil ?? this.now() + this.leaseMs;
    const margin = Math.min(10_000, this.leaseMs / 10);
    if (retryAt >= leaseEnds - margin) return this.release(reminder, retryAt);
    this.retries.set(reminder.id, { reminder, retryAt, leaseEnds });
    if (!this.stopped) {
      clearTimeout(this.wake);
      this.wake = setTimeout(() => void this.tick(), Math.max(0, retryAt - this.now()) + 5);
      this.wake.unref();
    }
  }

  private async release(reminder: Reminder, dueAt: number): Promise<void> {
    try {
      await this.store.rescheduleReminder(reminder.id, dueAt);
    } catch (err) {
      this.log.error({ reminder: reminder.id, err: describeError(err) }, 'reminder release failed; its claim will lapse');
    }
  }

  private async reschedule(reminder: Reminder, now: number): Promise<void> {
    let next: number;
    try {
      next = nextDueAt(reminder, Math.max(now, reminder.nextDueAt));
    } catch (err) {
      // Bad stored data: park it a day ahead rather than spin on it.
      this.log.error({ reminder: reminder.id, err: describeError(err) }, 'reminder has no next time');
      next = now + 86_400_000;
    }
    await this.release(reminder, next);
  }
}
