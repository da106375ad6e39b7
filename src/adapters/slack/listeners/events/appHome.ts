import type { App } from '@slack/bolt';
import { describeError } from '../../errors.js';
import { publishHome } from '../../homeTab.js';
import { slackPerson } from '../../person.js';
import type { ListenerDeps } from '../deps.js';

export interface AppHomeInput {
  event: { user: string; tab?: string };
  body: { team_id?: string };
}

/** app_home_opened on the Home tab: publish the person's tab (Slack has already been acked). */
export async function handleAppHomeOpened(deps: ListenerDeps, { event, body }: AppHomeInput): Promise<void> {
  if (event.tab !== undefined && event.tab !== 'home') return;
  try {
    const person = slackPerson(body.team_id, event.user);
    // After the person's turns under way, so the tab shows their outcome.
    await deps.conversation.serial(person.personId, () => publishHome(deps, person));
  } catch (err) {
    deps.log.error({ err: describeError(err) }, 'app home not published');
  }
}

export function register(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, body }) => handleAppHomeOpened(deps, { event, body }));
}
