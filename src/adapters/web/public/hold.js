// The countdown of a hold: ticks once a second, says the cues at their times, ends once.
export class Countdown {
  constructor(hold, { onTick, onCue, onEnd }) {
    this.hold = hold;
    this.handlers = { onTick, onCue, onEnd };
    this.timer = undefined;
    this.startedAt = 0;
    this.nextCue = 0;
  }

  start() {
    this.stop();
    this.startedAt = Date.now();
    this.nextCue = 0;
    this.handlers.onTick(this.hold.seconds);
    this.schedule(1);
  }

  stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  get running() {
    return this.timer !== undefined;
  }

  /** Ticks on whole seconds from the start, so a slow tick never stretches the hold. */
  schedule(second) {
    const due = this.startedAt + second * 1000;
    this.timer = setTimeout(() => this.tick(second), Math.max(0, due - Date.now()));
  }

  tick(second) {
    const elapsed = Math.min(this.hold.seconds, Math.floor((Date.now() - this.startedAt) / 1000));
    const cues = this.hold.cues;
    while (this.nextCue < cues.length && cues[this.nextCue].at <= elapsed) {
      if (cues[this.nextCue].at < this.hold.seconds) this.handlers.onCue(cues[this.nextCue].text);
      this.nextCue++;
    }
    this.handlers.onTick(this.hold.seconds - elapsed);
    if (elapsed >= this.hold.seconds) {
      this.timer = undefined;
      this.handlers.onEnd();
      return;
    }
    this.schedule(Math.max(second, elapsed) + 1);
  }
}
