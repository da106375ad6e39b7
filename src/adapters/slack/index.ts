import { App, ExpressReceiver, type Receiver, type ReceiverEvent, SocketModeReceiver } from '@slack/bolt';
import type express from 'express';
import type { Store } from '../../app/store.js';
import type { CoachPort, LinkPort } from '../../app/turn.js';
import { type Config, DEFAULT_BUSY_STATUS_EMOJI, type SlackConfig } from '../../config.js';
import type { Routine } from '../../core/routine.js';
import { loadUnderstanding, type Understanding } from '../../language/index.js';
import type { Logger } from '../../log.js';
import { SlackConversation, surfaceOf } from './conversation.js';
import { describeError } from './errors.js';
import { SLACK_BODY_LIMIT_BYTES, slackRequestGate } from './gate.js';
import { registerListeners } from './listeners/index.js';
import { boltLogger } from './logger.js';
import { ReminderScheduler, type SchedulerOptions } from './reminders/scheduler.js';
import { workingHoursOf } from './reminders/workingDay.js';
import { InstalledWorkspaces } from './installations.js';
import { mountOAuthRoutes } from './oauthRoutes.js';
import { apiBaseUrl, singleWorkspace, type Workspaces } from './workspaces.js';

export { apiBaseUrl, webClients } from './workspaces.js';

/**
 * The Slack app: bolt on a receiver, the listeners, hands-free timers and the reminder scheduler. Everything
 * it starts, close() stops. Two receivers, the same listeners:
 * - HTTP (SLACK_SIGNING_SECRET): an ExpressReceiver on the server's express app (POST /slack/events, with its
 *   own raw-body signature check: no global body parser may run before it), for hosted installs.
 * - Socket Mode (SLACK_APP_TOKEN): a WebSocket that the app opens to Slack (apps.connections.open), for a
 *   laptop or a box behind a firewall: no public URL.
 */
export interface SlackMountOptions {
  slack: SlackConfig;
  coach: CoachPort;
  /** `/backbreak link`: linking the Slack identity with the web's, Alexa's or another device's. */
  link?: LinkPort;
  store: Store;
  routines: Routine[];
  /** Reads typed words; made from the routines when not given (the terminal and the web page share one). */
  understanding?: Understanding;
  log: Logger;
  /** The clock (the service's kind), for tests that move time. */
  now?: () => Date;
  scheduler?: Pick<SchedulerOptions, 'intervalMs' | 'batch' | 'leaseMs' | 'lateLimitMs' | 'recheckMs'>;
}

export interface SlackMount {
  conversation: SlackConversation;
  scheduler: ReminderScheduler;
  workspaces: Workspaces;
  /** Resolves once Slack can reach the app: at once over HTTP, when the socket is connected in Socket Mode. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export const SLACK_EVENTS_PATH = '/slack/events';
export const SLACK_OFF_MESSAGE = 'Slack is off: set SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode), and SLACK_BOT_TOKEN';

/** The Slack mount on an express app, for whoever holds only the app (tests wait on its work). */
const mounts = new WeakMap<express.Express, SlackMount>();
export function mountedSlack(app: express.Express): SlackMount | undefined {
  return mounts.get(app);
}

export function mountSlack(app: express.Express, options: SlackMountOptions): SlackMount {
  const { slack, coach, store, routines, log } = options;
  const clock = options.now;
  const now = clock ? () => clock().getTime() : Date.now;
  const logger = boltLogger(log);
  const slackApiUrl = apiBaseUrl(slack.apiUrl);
  // One workspace with SLACK_BOT_TOKEN; else every workspace that installs the app through OAuth.
  const installed = slack.oauth ? new InstalledWorkspaces(store, { ...slack, oauth: slack.oauth }, logger, now) : undefined;
  const workspaces: Workspaces = installed ?? singleWorkspace(slack, logger);
  if (installed) mountOAuthRoutes(app, installed, slack, log);
  const socketMode = slack.appToken !== undefined;

  // Before bolt's own route: nothing unsigned is read beyond its headers, nothing signed beyond a small body.
  if (!socketMode) app.post(SLACK_EVENTS_PATH, slackRequestGate());
  const receiver: Receiver = socketMode
    ? new SocketModeReceiver({ appToken: slack.appToken!, logger, installerOptions: { clientOptions: { slackApiUrl } } })
    : new ExpressReceiver({ signingSecret: slack.signingSecret!, app, endpoints: SLACK_EVENTS_PATH, logger, processBeforeResponse: false, bodyLimit: SLACK_BODY_LIMIT_BYTES });
  const conversation = new SlackConversation({ coach, store, workspaces, log, now, understanding: options.understanding ?? loadUnderstanding(routines) });
  // Bolt answers Slack at ack() and runs the listeners on; tracking the whole dispatch lets close() (and
  // tests) wait for work that outlives the answer.
  class TrackedApp extends App {
    override processEvent(event: ReceiverEvent): Promise<void> {
      return conversation.track(super.processEvent(event));
    }
  }
  const bolt = new TrackedApp({
    receiver,
    // The team's token from here: no auth.test per request (bolt would call it for every event otherwise).
    authorize: (source) => workspaces.authorize(source),
    clientOptions: { slackApiUrl, logger, timeout: 10_000 },
    logger,
    // No message events are handled, and without auth.test the bot's own user id is unknown.
    ignoreSelf: false,
    convoStore: false,
  });
  bolt.error(async (err) => {
    log.error({ err: describeError(err) }, 'slack listener failed');
  });

  registerListeners(bolt, { conversation, coach, store, workspaces, routines, log, now, ...(options.link ? { link: options.link } : {}) });

  const scheduler = new ReminderScheduler({
    store,
    client: (teamId) => workspaces.schedulerClient(teamId),
    log: log.child({ component: 'reminders' }),
    now,
    busyEmoji: slack.busyStatusEmoji ?? DEFAULT_BUSY_STATUS_EMOJI,
    workingHours: async (personId) => workingHoursOf(surfaceOf(await coach.getProfile(personId))),
    ...options.scheduler,
  });
  scheduler.start();

  let ready: Promise<void>;
  if (socketMode) {
    // The socket reconnects by itself once up; a first connection refused (a bad app token) is said plainly.
    ready = bolt.start().then(
      () => log.info({ mode: 'socket' }, 'Slack is on (Socket Mode)'),
      (err: unknown) => {
        log.error({ err: describeError(err) }, 'Slack Socket Mode could not connect: check SLACK_APP_TOKEN (xapp-, with connections:write)');
        throw err;
      },
    );
    // Logged above; a caller that does not wait must not see an unhandled rejection.
    ready.catch(() => undefined);
  } else {
    log.info({ mode: 'http', path: SLACK_EVENTS_PATH }, 'Slack is on');
    ready = Promise.resolve();
  }

  const mount: SlackMount = {
    conversation,
    scheduler,
    workspaces,
    ready,
    close: async () => {
      await scheduler.stop();
      if (socketMode) await bolt.stop().catch((err: unknown) => log.warn({ err: describeError(err) }, 'Slack socket did not close cleanly'));
      await conversation.close();
    },
  };
  mounts.set(app, mount);
  return mount;
}

/** Mounts Slack when configured; otherwise says once that Slack is off. */
export function mountSlackIfConfigured(
  app: express.Express,
  slack: Config['slack'],
  options: Omit<SlackMountOptions, 'slack'>,
): SlackMount | undefined {
  if (!slack) {
    options.log.info(SLACK_OFF_MESSAGE);
    return undefined;
  }
  return mountSlack(app, { ...options, slack });
}
