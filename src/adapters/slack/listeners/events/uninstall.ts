import type { App } from '@slack/bolt';
import { describeError } from '../../errors.js';
import { pseudonym } from '../../../../log.js';
import type { ListenerDeps } from '../deps.js';

/**
 * A workspace that removes the app (app_uninstalled) or revokes its bot token (tokens_revoked) takes its
 * people with it: the installation and everything stored under `slack:<team>:` are erased, their hands-free
 * timers stop, and their reminders are gone with the rows. Bolt runs these listeners without authorize (the
 * token is already dead). Revoked user tokens alone change nothing: the app keeps none.
 */
export async function eraseWorkspace(deps: Pick<ListenerDeps, 'store' | 'workspaces' | 'conversation' | 'log'>, teamId: string | undefined, why: string): Promise<void> {
  if (!teamId) return;
  try {
    await deps.store.eraseWorkspace(teamId);
    deps.workspaces.forget(teamId);
    deps.conversation.forgetWorkspace(teamId);
    deps.log.info({ event: 'slack.workspace_erased', team: pseudonym(teamId), why }, 'Slack workspace left; its data erased');
  } catch (err) {
    deps.log.error({ err: describeError(err), team: pseudonym(teamId), why }, 'Slack workspace data not erased');
  }
}

export function register(app: App, deps: ListenerDeps): void {
  app.event('app_uninstalled', async ({ body }) => eraseWorkspace(deps, body.team_id, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, body }) => {
    if ((event.tokens.bot ?? []).length > 0) return eraseWorkspace(deps, body.team_id, 'tokens_revoked');
    deps.log.info({ event: 'slack.user_tokens_revoked', team: typeof body.team_id === 'string' ? pseudonym(body.team_id) : undefined }, 'user tokens revoked; none are kept');
  });
}
