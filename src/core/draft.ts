import { localDay } from './calendar.js';
import type { CoachContext } from './context.js';
import { copyFor, type Channel, type Copy } from './copy/en.js';
import type { Effect } from './effects.js';
import type { Profile } from './profile.js';
import type { Segment } from './reply.js';
import type { Routine } from './routine.js';
import type { Common } from './session.js';

/**
 * One turn being worked out: what the coach says so far, the effects, the profile as it changes, and the
 * session fields that hold whatever the moment. The moment itself is not here: handlers return the one to
 * enter. Local to a single call of step(); nothing here outlives it.
 */
export class Draft {
  readonly copy: Copy;
  readonly channel: Channel;
  readonly speech: Segment[] = [];
  readonly effects: Effect[] = [];
  profile: Profile;
  private profileChanged = false;

  constructor(
    public common: Common,
    readonly ctx: CoachContext,
    /** The person's last turn was moments ago: the same visit (no second welcome). */
    readonly sameVisit = false,
  ) {
    this.copy = copyFor(ctx.profile.locale, ctx.profile.timeZone);
    this.channel = ctx.channel ?? 'voice';
    this.profile = ctx.profile;
  }

  say(...texts: Array<string | undefined | false>): this {
    for (const text of texts) if (text) this.speech.push({ kind: 'say', text });
    return this;
  }

  effect(effect: Effect): this {
    this.effects.push(effect);
    return this;
  }

  updateProfile(patch: Partial<Profile>): this {
    this.profile = { ...this.profile, ...patch };
    this.profileChanged = true;
    return this;
  }

  /** No exercise today (tier A or B): holds in every moment until the person's day changes. */
  block(tier: 'A' | 'B'): this {
    this.common = { ...this.common, blocked: { tier, day: this.today() } };
    return this;
  }

  /** A tier B day lifted: a doctor has checked what blocked it. A tier A day is never lifted. */
  unblockTierB(): this {
    if (this.common.blocked?.tier !== 'B') return this;
    const { blocked: _lifted, ...rest } = this.common;
    this.common = rest;
    return this;
  }

  /** The emergency question was answered today. */
  screened(): this {
    this.common = { ...this.common, screenedDay: this.today() };
    return this;
  }

  /** The full screening is due (or done). */
  setScreenFull(due: boolean): this {
    this.common = { ...this.common, screenFull: due };
    return this;
  }

  routine(id: string | undefined): Routine | undefined {
    return id === undefined ? undefined : this.ctx.routines.find((r) => r.id === id);
  }

  /** Today in the person's time zone (YYYY-MM-DD), UTC when unknown. */
  today(): string {
    return localDay(this.ctx.now, this.profile.timeZone);
  }

  /** The effects of the turn, with profile changes saved as one effect, first. */
  allEffects(): Effect[] {
    return this.profileChanged ? [{ type: 'saveProfile', profile: this.profile }, ...this.effects] : this.effects;
  }
}
