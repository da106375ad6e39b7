import { localDay } from './calendar.js';
import type { CoachContext } from './context.js';
import { copyFor, type Channel, type Copy } from './copy/en.js';
import type { Effect } from './effects.js';
import type { Profile } from './profile.js';
import type { Choice, Display, Expect, HoldTimer, Moment, Reply, Segment } from './reply.js';
import type { Routine } from './routine.js';
import type { Session } from './session.js';

/**
 * One turn being worked out: the session and profile as they change, the speech so far, the effects.
 * Local to a single call of step(); nothing here outlives it.
 */
export class Draft {
  readonly copy: Copy;
  readonly channel: Channel;
  readonly speech: Segment[] = [];
  readonly effects: Effect[] = [];
  profile: Profile;
  private profileChanged = false;

  constructor(
    public session: Session,
    readonly ctx: CoachContext,
  ) {
    this.copy = copyFor(ctx.profile.locale, ctx.profile.timeZone);
    this.channel = ctx.channel ?? 'voice';
    this.profile = ctx.profile;
  }

  say(...texts: Array<string | undefined | false>): this {
    for (const text of texts) if (text) this.speech.push({ kind: 'say', text });
    return this;
  }

  pause(seconds: number): this {
    this.speech.push({ kind: 'pause', seconds });
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

  /** Changes the session; a key set to undefined is removed, so the session stays plain JSON. */
  set(patch: Partial<Session>): this {
    const next: Record<string, unknown> = { ...this.session, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    this.session = next as Session;
    return this;
  }

  routine(id: string | undefined): Routine | undefined {
    return id === undefined ? undefined : this.ctx.routines.find((r) => r.id === id);
  }

  /** The person's calendar day (YYYY-MM-DD) in their time zone, UTC when unknown. */
  /** Today in the person's time zone. */
  today(): string {
    return localDay(this.ctx.now, this.profile.timeZone);
  }

  /** Finishes the turn: the reply, with profile changes saved as one effect. */
  reply(parts: {
    moment: Moment;
    expect: Expect;
    display: Display;
    choices?: Choice[];
    reprompt?: string;
    hold?: HoldTimer;
    end?: boolean;
  }): Reply {
    if (this.profileChanged) this.effects.unshift({ type: 'saveProfile', profile: this.profile });
    const end = parts.end ?? false;
    return {
      moment: parts.moment,
      speech: this.speech,
      ...(end ? {} : { reprompt: parts.reprompt ?? this.copy.help.question }),
      display: parts.display,
      choices: parts.choices ?? [],
      expect: end ? 'nothing' : parts.expect,
      ...(parts.hold ? { hold: parts.hold } : {}),
      end,
    };
  }
}
