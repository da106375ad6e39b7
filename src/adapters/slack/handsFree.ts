/**
 * Hands-free timers: when a step's hold ends, feed the coach `timerElapsed` for that step. One timer per
 * person (a new step replaces the old one), bounded in number and length, unref'd so they never keep the
 * process alive, all cleared on close.
 */
export interface HoldTimer {
  personId: string;
  stepKey: string;
  /** The session turn the hold belongs to: the elapsed event is stale once the person has moved on. */
  turn: number;
}

export interface HoldTimersOptions {
  /** At most this many people waiting at once; more are not timed (they press Next). */
  max?: number;
  /** Longest hold timed, in seconds. */
  maxSeconds?: number;
  /** Extra seconds after the hold, to read the closing line. */
  graceSeconds?: number;
}

export class HoldTimers {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; hold: HoldTimer }>();
  private readonly max: number;
  private readonly maxSeconds: number;
  private readonly graceSeconds: number;
  private closed = false;

  constructor(
    private readonly onElapsed: (hold: HoldTimer) => void,
    options: HoldTimersOptions = {},
  ) {
    this.max = options.max ?? 10_000;
    this.maxSeconds = options.maxSeconds ?? 15 * 60;
    this.graceSeconds = options.graceSeconds ?? 2;
  }

  /** Arms (or re-arms) the person's timer; false when it was not armed (closed, full, bad length). */
  arm(hold: HoldTimer, seconds: number): boolean {
    this.cancel(hold.personId);
    if (this.closed || !Number.isFinite(seconds) || seconds <= 0 || this.timers.size >= this.max) return false;
    const delay = (Math.min(seconds, this.maxSeconds) + this.graceSeconds) * 1000;
    const timer = setTimeout(() => {
      if (this.timers.get(hold.personId)?.timer !== timer) return;
      this.timers.delete(hold.personId);
      this.onElapsed(hold);
    }, delay);
    timer.unref();
    this.timers.set(hold.personId, { timer, hold });
    return true;
  }

  cancel(personId: string): void {
    const entry = this.timers.get(personId);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.timers.delete(personId);
  }

  /** Cancels the timers of every person whose id starts with `prefix` (a workspace that left). */
  cancelPrefix(prefix: string): void {
    for (const personId of [...this.timers.keys()]) if (personId.startsWith(prefix)) this.cancel(personId);
  }

  pending(personId: string): HoldTimer | undefined {
    return this.timers.get(personId)?.hold;
  }

  get size(): number {
    return this.timers.size;
  }

  close(): void {
    this.closed = true;
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
