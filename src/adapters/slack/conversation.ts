import type { EraseGuard, Store } from '../../app/store.js';
import type { CoachPort } from '../../app/turn.js';
import type { PlatformEffect } from '../../core/effects.js';
import type { Intent } from '../../core/intents.js';
import type { Profile } from '../../core/profile.js';
import { type Expectation, expectationOf, type Understanding } from '../../language/index.js';
import type { Logger } from '../../log.js';
import { describeError, SlackAdapterError, SlackErrorCode, slackErrorName } from './errors.js';
import { HoldTimers, type HoldTimer, type HoldTimersOptions } from './handsFree.js';
import { parsePersonId, type SlackPerson } from './person.js';
import { isValidTimeZone, nextDueAt } from './reminders/nextDue.js';
import { renderReply } from './render/session.js';
import type { Workspaces } from './workspaces.js';

/**
 * One person's conversation in Slack: a turn goes to the coach, the reply becomes the ONE DM message of the
 * session (posted once, then updated in place), reminders the turn asks for are stored, hands-free timers
 * are armed. Turns of one person run one at a time, in arrival order.
 */

/** What the adapter keeps in the profile's `surfaces.slack`. */
export interface SlackSurface {
  /** The DM channel with the app. */
  channel?: string;
  /** The session message updated in place. */
  ts?: string;
  /** '1' while that message's conversation is open; a new message starts after it ended. */
  open?: string;
  /** 'on' when steps advance by themselves. */
  handsFree?: string;
  /** What the coach waits for after its last reply (language's Expectation): typed words are read by it. */
  expect?: string;
  /** The working day set on App Home: days "1,2,3,4,5", local "HH:MM" start and end. */
  workDays?: string;
  workStart?: string;
  workEnd?: string;
}

export function surfaceOf(profile: Profile | undefined): SlackSurface {
  return (profile?.surfaces.slack ?? {}) as SlackSurface;
}

export function handsFreeOn(profile: Profile | undefined): boolean {
  return surfaceOf(profile).handsFree === 'on';
}

export interface TurnOptions {
  /** The session turn the button was drawn for. */
  atTurn?: number;
  /** Start a new session message (a start from the menu, App Home, a reminder, a typed start). */
  fresh?: boolean;
  /** The message the button was on. */
  source?: { channel?: string; ts?: string };
}

export interface UserInfo {
  timeZone?: string;
  locale?: string;
}

const USER_CACHE_MS = 3600_000;
const USER_CACHE_MAX = 10_000;

export interface ConversationDeps {
  coach: CoachPort;
  store: Store;
  /** The Web API client of each team. */
  workspaces: Pick<Workspaces, 'client'>;
  log: Logger;
  now?: () => number;
  handsFree?: HoldTimersOptions;
  /** Reads typed words (`/backbreak ...`, the app's DM) as the terminal and the web page do. */
  understanding: Understanding;
}

const EXPECTATIONS: ReadonlySet<string> = new Set<Expectation>(['yesNo', 'yesNoUnsure', 'painScore', 'hurtKind', 'routine', 'command', 'time']);

/** What the coach waits for, as the last turn left it; a new person, or an ended conversation, is choosing. */
function expectationIn(surface: SlackSurface): Expectation {
  return surface.expect !== undefined && EXPECTATIONS.has(surface.expect) && surface.open === '1' ? (surface.expect as Expectation) : 'routine';
}

export class SlackConversation {
  readonly timers: HoldTimers;
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly now: () => number;
  /** users.info answers by user id, oldest first (Map order), at most USER_CACHE_MAX. */
  private readonly users = new Map<string, { info: UserInfo; until: number }>();

  constructor(private readonly deps: ConversationDeps) {
    this.now = deps.now ?? Date.now;
    this.timers = new HoldTimers((hold) => this.onHoldElapsed(hold), deps.handsFree);
  }

  /** Runs `work` after the person's earlier turns; tracked so close() can wait for it. */
  serial<T>(personId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(personId) ?? Promise.resolve();
    const next = this.track(previous.then(work, work));
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(personId, settled);
    void settled.then(() => {
      if (this.queues.get(personId) === settled) this.queues.delete(personId);
    });
    return next;
  }

  /** Work under way (a request's listeners, a turn) that close() and idle() wait for. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
    return work;
  }

  /**
   * Typed words read against what the coach is waiting for ("7" at the pain question is a score, "3" at the
   * reminder question a time), and whether a conversation is open to answer words it did not understand.
   */
  async read(person: SlackPerson, text: string): Promise<{ intent: Intent; open: boolean }> {
    const surface = surfaceOf(await this.deps.coach.getProfile(person.personId));
    return { intent: this.deps.understanding.understand(text, expectationIn(surface), new Date(this.now())), open: surface.open === '1' };
  }

  /** A turn, with failures logged (by code, never with the person's words) instead of thrown. */
  async turn(person: SlackPerson, intent: Intent, options: TurnOptions = {}): Promise<void> {
    try {
      await this.serial(person.personId, () => this.applyTurn(person, intent, options));
    } catch (err) {
      this.deps.log.error({ err: describeError(err), intent: intent.type }, 'slack turn failed');
    }
  }

  private async applyTurn(person: SlackPerson, intent: Intent, options: TurnOptions): Promise<void> {
    const { coach, log } = this.deps;
    const client = await this.deps.workspaces.client(person.teamId);
    // Locale picks the emergency number; the zone places reminders. Fresh for a reminder, cached otherwise.
    const { timeZone, locale } = await this.userInfo(person, intent.type === 'setReminder');
    const result = await coach.handle({
      personId: person.personId,
      surface: 'slack',
      intent,
      ...(options.atTurn !== undefined ? { atTurn: options.atTurn } : {}),
      ...(timeZone ? { timeZone } : {}),
      ...(locale ? { locale } : {}),
    });
    if (result.reply.moment === 'busy') {
      // Another device held the session: said in a message of its own; the session message stays as it was.
      const message = renderReply(result.reply, { turn: result.turn });
      await client.chat.postMessage({ channel: surfaceOf(result.profile).channel ?? (await this.openDm(person)), text: message.text, blocks: message.blocks });
      return;
    }
    if (result.stale) {
      log.debug({ intent: intent.type, atTurn: options.atTurn, turn: result.turn }, 'stale slack turn ignored');
      return;
    }

    const surface = surfaceOf(result.profile);
    const handsFree = handsFreeOn(result.profile);
    const message = renderReply(result.reply, { turn: result.turn, handsFree });
    // Where the reply goes: the message whose button was pressed; else the open session message; else a new
    // message in the DM (never the channel a command was typed in).
    let channel: string;
    let ts: string | undefined;
    if (!options.fresh && options.source?.channel && options.source.ts) {
      channel = options.source.channel;
      ts = options.source.ts;
    } else {
      channel = surface.channel ?? (await this.openDm(person));
      ts = !options.fresh && surface.open === '1' ? surface.ts : undefined;
    }
    if (ts !== undefined) {
      try {
        await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks, metadata: message.metadata });
      } catch (err) {
        // The message was deleted or is too old to edit: carry on in a new one.
        if (!['message_not_found', 'cant_update_message', 'edit_window_closed'].includes(slackErrorName(err) ?? '')) throw err;
        ts = undefined;
      }
    }
    if (ts === undefined) {
      const posted = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, metadata: message.metadata });
      if (!posted.ts) throw new SlackAdapterError(SlackErrorCode.ApiCallFailed, 'chat.postMessage gave no ts');
      ts = posted.ts;
    }

    const open = result.reply.end ? '0' : '1';
    const expect = expectationOf(result.reply);
    // A goodbye never creates data about a person (after "forget me" nothing is left behind).
    const leaveNoTrace = result.reply.end && result.profile.surfaces.slack === undefined;
    if (!leaveNoTrace && (surface.channel !== channel || surface.ts !== ts || surface.open !== open || surface.expect !== expect)) {
      await coach.setSurfaceData(person.personId, 'slack', { ...stringsOf(surface), channel, ts, open, expect });
    }
    await this.carryOut(person, result.effects, channel, timeZone ?? result.profile.timeZone, result.guard);

    const hold = result.reply.hold;
    if (hold && handsFree && !result.reply.end) {
      this.timers.arm({ personId: person.personId, stepKey: hold.stepKey, turn: result.turn }, hold.seconds);
    } else {
      this.timers.cancel(person.personId);
    }
  }

  /** Reminders live with the adapter: stored here, fired by the scheduler. */
  private async carryOut(person: SlackPerson, effects: PlatformEffect[], channel: string, timeZone: string | undefined, guard: EraseGuard | undefined): Promise<void> {
    for (const effect of effects) {
      if (effect.type === 'cancelReminder') {
        await this.deps.store.deleteReminder(person.personId, 'slack');
        continue;
      }
      const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC';
      let due: number;
      try {
        due = nextDueAt({ days: effect.days, time: effect.time, timeZone: zone }, this.now());
      } catch (err) {
        this.deps.log.warn({ err: describeError(new SlackAdapterError(SlackErrorCode.BadReminder, String(err))) }, 'reminder not scheduled');
        continue;
      }
      await this.deps.store.putReminder({
        id: person.personId,
        personId: person.personId,
        surface: 'slack',
        days: effect.days,
        time: effect.time,
        timeZone: zone,
        target: channel,
        nextDueAt: due,
      }, guard);
    }
  }

  /** The hands-free setting, kept with the adapter's surface data. */
  async setHandsFree(person: SlackPerson, on: boolean): Promise<void> {
    await this.serial(person.personId, async () => {
      const profile = await this.deps.coach.getProfile(person.personId);
      const surface = surfaceOf(profile);
      await this.deps.coach.setSurfaceData(person.personId, 'slack', { ...stringsOf(surface), handsFree: on ? 'on' : 'off' });
      if (!on) this.timers.cancel(person.personId);
    });
  }

  private onHoldElapsed(hold: HoldTimer): void {
    const person = parsePersonId(hold.personId);
    if (!person) return;
    void this.turn(person, { type: 'timerElapsed', stepKey: hold.stepKey }, { atTurn: hold.turn });
  }

  async openDm(person: SlackPerson): Promise<string> {
    const client = await this.deps.workspaces.client(person.teamId);
    const opened = await client.conversations.open({ users: person.userId });
    const id = opened.channel?.id;
    if (!id) throw new SlackAdapterError(SlackErrorCode.NoDirectMessage, 'conversations.open gave no channel');
    return id;
  }

  /**
   * The person's IANA zone and locale from users.info, cached for an hour (bounded); undefined parts when
   * Slack does not say or cannot be reached (the turn goes on with what the profile has).
   */
  async userInfo(person: SlackPerson, fresh = false): Promise<UserInfo> {
    const key = person.personId;
    const cached = this.users.get(key);
    if (!fresh && cached && cached.until > this.now()) return cached.info;
    let info: UserInfo = {};
    try {
      const client = await this.deps.workspaces.client(person.teamId);
      const answer = await client.users.info({ user: person.userId, include_locale: true });
      const tz = answer.user?.tz;
      const locale = answer.user?.locale;
      info = {
        ...(tz && isValidTimeZone(tz) ? { timeZone: tz } : {}),
        ...(locale && /^[a-z]{2,3}(-[A-Z]{2})?$/.test(locale) ? { locale } : {}),
      };
    } catch (err) {
      this.deps.log.warn({ err: describeError(err) }, 'users.info failed; time zone and locale from the profile');
      return cached?.info ?? {};
    }
    this.remember(key, info);
    return info;
  }

  /** A zone Slack announced (user_change): kept with the cached locale, so the next turn uses it. */
  rememberZone(person: SlackPerson, timeZone: string): void {
    const cached = this.users.get(person.personId)?.info ?? {};
    this.remember(person.personId, { ...cached, timeZone });
  }

  /** Keeps users.info's answer (or a user_change event's) for an hour, at most USER_CACHE_MAX people. */
  remember(personId: string, info: UserInfo): void {
    if (this.users.size >= USER_CACHE_MAX) this.users.delete(this.users.keys().next().value!);
    this.users.delete(personId);
    this.users.set(personId, { info, until: this.now() + USER_CACHE_MS });
  }

  /** A workspace left (uninstalled, tokens revoked): its people's timers stop and what was cached goes. */
  forgetWorkspace(teamId: string): void {
    const prefix = `slack:${teamId}:`;
    this.timers.cancelPrefix(prefix);
    for (const key of [...this.users.keys()]) if (key.startsWith(prefix)) this.users.delete(key);
  }

  /** Cancels timers and waits (bounded) for turns under way. */
  async close(waitMs = 5000): Promise<void> {
    this.timers.close();
    const pending = Promise.all([...this.inFlight]);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([pending, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
  }

  /** Resolves when every turn started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    // Turns may start more turns (hands-free); a few rounds settle them, bounded.
    for (let round = 0; round < 10 && this.inFlight.size > 0; round++) await Promise.all([...this.inFlight]);
  }
}

function stringsOf(surface: SlackSurface): Record<string, string> {
  return Object.fromEntries(Object.entries(surface).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
