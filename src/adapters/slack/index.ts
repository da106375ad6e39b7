import { App, type Logger as BoltLogger, ExpressReceiver, type ReceiverEvent, webApi } from '@slack/bolt';
import type express from 'express';
import type { Store } from '../../app/store.js';
import type { CoachPort, LinkPort } from '../../app/turn.js';
import type { Config } from '../../config.js';
import type { Routine } from '../../core/routine.js';
import type { Logger } from '../../log.js';
import { SlackConversation } from './conversation.js';
import { describeError } from './errors.js';
import { registerListeners } from './listeners/index.js';
import { boltLogger } from './logger.js';
import { ReminderScheduler, type SchedulerOptions } from './reminders/scheduler.js';

/**
 * The Slack app: bolt on an ExpressReceiver that shares the server's express app (POST /slack/events, with
 * its own raw-body signature check: no global body parser may run before it), the listeners, hands-free
 * timers and the reminder scheduler. Everything it starts, close() stops.
 */
export interface SlackMountOptions {
  slack: NonNullable<Config['slack']>;
  coach: CoachPort;
  /** `/backbreak link`: linking the Slack identity with the web's, Alexa's or another device's. */
  link?: LinkPort;
  store: Store;
  routines: Routine[];
  log: Logger;
  /** The clock (the service's kind), for tests that move time. */
  now?: () => Date;
  scheduler?: Pick<SchedulerOptions, 'intervalMs' | 'batch' | 'leaseMs' | 'lateLimitMs'>;
}

export interface SlackMount {
  conversation: SlackConversation;
  scheduler: ReminderScheduler;
  close(): Promise<void>;
}

export const SLACK_EVENTS_PATH = '/slack/events';
export const SLACK_OFF_MESSAGE = 'Slack is off: SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN not set';

/** The Web API base URL with the trailing slash the client needs. */
export function apiBaseUrl(url: string | undefined): string {
  const base = url ?? 'https://slack.com/api/';
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * The Web API clients: one for turns (a few quick retries, 429s waited out), one for the scheduler, which
 * handles 429s itself (keeps the claim, retries after Retry-After) and so must see them.
 */
export function webClients(
  slack: Pick<NonNullable<Config['slack']>, 'botToken' | 'apiUrl'>,
  logger: BoltLogger,
): { client: webApi.WebClient; schedulerClient: webApi.WebClient } {
  const options = {
    slackApiUrl: apiBaseUrl(slack.apiUrl),
    logger,
    timeout: 10_000,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
  };
  return {
    client: new webApi.WebClient(slack.botToken, options),
    schedulerClient: new webApi.WebClient(slack.botToken, { ...options, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } }),
  };
}

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
  const { client, schedulerClient } = webClients(slack, logger);

  const receiver = new ExpressReceiver({
    signingSecret: slack.signingSecret,
    app,
    endpoints: SLACK_EVENTS_PATH,
    logger,
    processBeforeResponse: false,
  });
  const conversation = new SlackConversation({ coach, store, client, log, now });
  // Bolt answers Slack at ack() and runs the listeners on; tracking the whole dispatch lets close() (and
  // tests) wait for work that outlives the HTTP answer.
  class TrackedApp extends App {
    override processEvent(event: ReceiverEvent): Promise<void> {
      return conversation.track(super.processEvent(event));
    }
  }
  const bolt = new TrackedApp({
    receiver,
    // One workspace, one bot token: no auth.test per request (bolt would call it for every event otherwise).
    authorize: async () => ({ botToken: slack.botToken }),
    clientOptions: { slackApiUrl, logger, timeout: 10_000 },
    logger,
    // No message events are handled, and without auth.test the bot's own user id is unknown.
    ignoreSelf: false,
    convoStore: false,
  });
  bolt.error(async (err) => {
    log.error({ err: describeError(err) }, 'slack listener failed');
  });

  registerListeners(bolt, { conversation, coach, store, client, routines, log, now, ...(options.link ? { link: options.link } : {}) });

  const scheduler = new ReminderScheduler({ store, client: schedulerClient, log: log.child({ component: 'reminders' }), now, ...options.scheduler });
  scheduler.start();
  log.info({ path: SLACK_EVENTS_PATH }, 'Slack is on');

  const mount: SlackMount = {
    conversation,
    scheduler,
    close: async () => {
      await scheduler.stop();
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
