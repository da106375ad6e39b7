import type { webApi } from '@slack/bolt';

/**
 * Whether a break would interrupt: Slack's do-not-disturb (dnd.info: a snooze the person set, or their
 * scheduled quiet hours), a huddle (users.profile.get: profile.huddle_state), or a status emoji that means a
 * meeting or focus (configurable; :calendar:, :spiral_calendar_pad:, :headphones: by default). Each answer
 * that says when it ends gives the moment to try again.
 */
export type BusyReason = 'dnd' | 'huddle' | 'status';

export interface Presence {
  busy: BusyReason[];
  /** The latest known end of what makes the person busy (epoch ms), when Slack says. */
  until?: number;
  /** Checks that could not be made (a Web API failure): counted as free, the break is not held back for them. */
  unknown: Array<'dnd' | 'profile'>;
}

interface DndInfo {
  dnd_enabled?: boolean;
  next_dnd_start_ts?: number;
  next_dnd_end_ts?: number;
  snooze_enabled?: boolean;
  snooze_endtime?: number;
}

interface ProfileInfo {
  status_emoji?: string;
  status_expiration?: number;
  huddle_state?: string;
  huddle_state_expiration_ts?: number;
}

/** Reads both and decides; never throws. */
export async function presenceOf(client: webApi.WebClient, userId: string, now: number, busyEmoji: readonly string[]): Promise<Presence> {
  const [dnd, profile] = await Promise.allSettled([
    client.dnd.info({ user: userId }) as Promise<DndInfo>,
    client.users.profile.get({ user: userId }).then((r) => (r.profile ?? {}) as ProfileInfo),
  ]);
  const presence: Presence = { busy: [], unknown: [] };
  const ends: number[] = [];
  if (dnd.status === 'fulfilled') {
    const d = dnd.value;
    const snoozeEnds = (d.snooze_endtime ?? 0) * 1000;
    if (d.snooze_enabled && snoozeEnds > now) {
      presence.busy.push('dnd');
      ends.push(snoozeEnds);
    } else if (d.dnd_enabled && d.next_dnd_start_ts && d.next_dnd_end_ts && d.next_dnd_start_ts * 1000 <= now && now < d.next_dnd_end_ts * 1000) {
      presence.busy.push('dnd');
      ends.push(d.next_dnd_end_ts * 1000);
    }
  } else {
    presence.unknown.push('dnd');
  }
  if (profile.status === 'fulfilled') {
    const p = profile.value;
    if (p.huddle_state === 'in_a_huddle') {
      presence.busy.push('huddle');
      if (p.huddle_state_expiration_ts && p.huddle_state_expiration_ts * 1000 > now) ends.push(p.huddle_state_expiration_ts * 1000);
    }
    const expires = (p.status_expiration ?? 0) * 1000;
    const statusLive = expires === 0 || expires > now;
    if (p.status_emoji && statusLive && busyEmoji.includes(p.status_emoji)) {
      presence.busy.push('status');
      if (expires > 0) ends.push(expires);
    }
  } else {
    presence.unknown.push('profile');
  }
  // Known only when every reason says when it ends.
  if (presence.busy.length > 0 && ends.length === presence.busy.length) presence.until = Math.max(...ends);
  return presence;
}
