import type { AuthorizeResult, AuthorizeSourceData, Installation, InstallationQuery, InstallationStore, Logger as BoltLogger } from '@slack/bolt';
import { webApi } from '@slack/bolt';
import { InstallProvider } from '@slack/oauth';
import type { Store } from '../../app/store.js';
import type { SlackConfig } from '../../config.js';
import { clientOptions, type Workspaces } from './workspaces.js';

/**
 * Many workspaces: each installs the app through OAuth (/slack/install, /slack/oauth_redirect) and its
 * installation (bot token, bot ids) is kept in our database, so every instance of the server can serve every
 * workspace. Org-wide (Enterprise Grid) installs are not offered (org_deploy_enabled is off in the manifest).
 */

/** @slack/oauth's installation store on ours: one row per team. */
export class StoreInstallations implements InstallationStore {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly onChange: (teamId: string) => void,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const teamId = installation.team?.id;
    if (installation.isEnterpriseInstall || !teamId) throw new Error('org-wide installs are not supported; install in a workspace');
    // The installer's own user token is not needed (the app acts as its bot): it is not kept.
    const { user, ...kept } = installation;
    await this.store.putInstallation(teamId, { ...kept, user: { id: user.id } }, this.now());
    this.onChange(teamId);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const installation = query.teamId ? await this.store.getInstallation(query.teamId) : undefined;
    if (!isInstallation(installation)) throw new Error('this workspace has not installed Back Break');
    return installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    if (query.teamId) await this.store.eraseWorkspace(query.teamId);
  }
}

function isInstallation(value: unknown): value is Installation {
  const v = value as { bot?: { token?: unknown } } | undefined;
  return typeof v?.bot?.token === 'string';
}

/** How long a team's client is kept before its installation is read again (a reinstall on another instance). */
const CLIENT_TTL_MS = 5 * 60_000;
const CLIENTS_MAX = 10_000;

/** Workspaces that installed the app: each team's clients made from its stored bot token, cached a while. */
export class InstalledWorkspaces implements Workspaces {
  readonly installer: InstallProvider;
  readonly installations: StoreInstallations;
  private readonly clients = new Map<string, { client: webApi.WebClient; schedulerClient: webApi.WebClient; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly slack: SlackConfig & { oauth: NonNullable<SlackConfig['oauth']> },
    private readonly logger: BoltLogger,
    private readonly now: () => number,
  ) {
    this.installations = new StoreInstallations(store, now, (teamId) => this.forget(teamId));
    this.installer = new InstallProvider({
      clientId: slack.oauth.clientId,
      clientSecret: slack.oauth.clientSecret,
      stateSecret: slack.oauth.stateSecret,
      installationStore: this.installations,
      // Straight to Slack's consent page: no landing page of ours in between.
      directInstall: true,
      logger,
      clientOptions: { slackApiUrl: clientOptions(slack.apiUrl, logger).slackApiUrl },
    });
  }

  authorize(source: AuthorizeSourceData<boolean>): Promise<AuthorizeResult> {
    return this.installer.authorize(source);
  }

  async client(teamId: string): Promise<webApi.WebClient> {
    return (await this.clientsOf(teamId)).client;
  }

  async schedulerClient(teamId: string): Promise<webApi.WebClient> {
    return (await this.clientsOf(teamId)).schedulerClient;
  }

  forget(teamId: string): void {
    this.clients.delete(teamId);
  }

  private async clientsOf(teamId: string) {
    const cached = this.clients.get(teamId);
    if (cached && cached.until > this.now()) return cached;
    const installation = await this.store.getInstallation(teamId);
    if (!isInstallation(installation)) throw new Error('this workspace has not installed Back Break');
    const token = installation.bot!.token;
    const options = clientOptions(this.slack.apiUrl, this.logger);
    const made = {
      client: new webApi.WebClient(token, options),
      schedulerClient: new webApi.WebClient(token, { ...options, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } }),
      until: this.now() + CLIENT_TTL_MS,
    };
    if (this.clients.size >= CLIENTS_MAX) this.clients.delete(this.clients.keys().next().value!);
    this.clients.set(teamId, made);
    return made;
  }
}
