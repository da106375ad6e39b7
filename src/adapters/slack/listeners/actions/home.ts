import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { describeError } from '../../errors.js';
import { publishHome } from '../../homeTab.js';
import { HANDS_FREE_ACTION } from '../../render/home.js';
import type { ListenerDeps } from '../deps.js';
import { buttonIgnored, type ButtonInput, personOf } from './session.js';

/** The hands-free button on App Home: saves the setting and shows the tab again. */
export async function handleHandsFreeToggle(deps: ListenerDeps, { body, action, ack }: ButtonInput): Promise<void> {
  await ack();
  if (action.value !== 'on' && action.value !== 'off') return buttonIgnored(deps, action);
  const person = personOf(body);
  try {
    await deps.conversation.setHandsFree(person, action.value === 'on');
    await deps.conversation.serial(person.personId, () => publishHome(deps, person));
  } catch (err) {
    deps.log.error({ err: describeError(err) }, 'hands-free toggle failed');
  }
}

/** The action ids these listeners handle. */
export const ACTION_IDS = [HANDS_FREE_ACTION] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: HANDS_FREE_ACTION }, async ({ body, action, ack }) =>
    handleHandsFreeToggle(deps, { body, action, ack }),
  );
}
