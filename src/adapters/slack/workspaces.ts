import type { AuthorizeResult, AuthorizeSourceData, Logger as BoltLogger } from '@slack/bolt';
import { webApi } from '@slack/bolt';
import type { Config } from '../../config.js';

/**
 * Which bot token speaks for a workspace. One workspace: SLACK_BOT_TOKEN for every team. Many workspaces
 * (OAuth): each team's token from its stored installation (see installations.ts). Everything that calls the
 * Web API (turns, App Home, the reminder scheduler) asks here for the team's client.
 */
export interface Workspaces {
  /** The client for turns in this team (a few quick retries, 429s waited out). */
  client(teamId: string): Promise<webApi.WebClient>;
  /** The client for the scheduler, which sees 429s itself (keeps its claim, retries after Retry-After). */
  schedulerClient(teamId: string): Promise<webApi.WebClient>;
  /** Bolt's authorize: the team's bot token, id and user id, so bolt never calls auth.test per request. */
  authorize(source: AuthorizeSourceData<boolean>): Promise<AuthorizeResult>;
  /** Drops what is cached about a team (an uninstall, a new install). */
  forget(teamId: string): void;
}

/** The Web API base URL with the trailing slash the client needs. */
export function apiBaseUrl(url: string | undefined): string {
  const base = url ?? 'https://slack.com/api/';
  return base.endsWith('/') ? base : `${base}/`;
}

/** Options every Web API client of the app shares. */
export function clientOptions(apiUrl: string | undefined, logger: BoltLogger) {
  return {
    slackApiUrl: apiBaseUrl(apiUrl),
    logger,
    timeout: 10_000,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
  };
}

/** The two clients of one token: one for turns, one for the scheduler (429s rejected so it sees them). */
export function webClients(
  slack: { botToken?: string; apiUrl?: string },
  logger: BoltLogger,
): { client: webApi.WebClient; schedulerClient: webApi.WebClient } {
  const options = clientOptions(slack.apiUrl, logger);
  return {
    client: new webApi.WebClient(slack.botToken, options),
    schedulerClient: new webApi.WebClient(slack.botToken, { ...options, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } }),
  };
}

/** One workspace, one bot token (SLACK_BOT_TOKEN): the same clients whatever the team. */
export function singleWorkspace(slack: Pick<NonNullable<Config['slack']>, 'botToken' | 'apiUrl'>, logger: BoltLogger): Workspaces {
  const { client, schedulerClient } = webClients(slack, logger);
  return {
    client: async () => client,
    schedulerClient: async () => schedulerClient,
    authorize: async () => ({ botToken: slack.botToken }),
    forget: () => undefined,
  };
}
