import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { pseudonym } from '../../../../log.js';
import { SlackAdapterError, SlackErrorCode, describeError } from '../../errors.js';
import { slackPerson } from '../../person.js';
import { START_ACTION } from '../../render/menu.js';
import { CHOICE_ACTION } from '../../render/session.js';
import { decodeValue } from '../../render/values.js';
import type { ListenerDeps } from '../deps.js';

export interface ButtonInput {
  body: Pick<BlockAction<ButtonAction>, 'user' | 'team' | 'channel' | 'message'>;
  action: Pick<ButtonAction, 'action_id' | 'value'>;
  ack: () => Promise<void>;
}

export function personOf(body: ButtonInput['body']) {
  return slackPerson(body.user.team_id ?? body.team?.id, body.user.id);
}

/** A button whose value does not hold what its action needs (an old message, a tampered payload). */
export function buttonIgnored(deps: Pick<ListenerDeps, 'log'>, action: ButtonInput['action']): void {
  deps.log.warn({ err: describeError(new SlackAdapterError(SlackErrorCode.BadButtonValue, action.action_id)) }, 'button ignored');
}

/**
 * A button on the session message: its value carries the intent and the session turn it was drawn for; the
 * coach ignores it when the session has moved on (a stale or double click).
 */
export async function handleChoice(deps: ListenerDeps, { body, action, ack }: ButtonInput): Promise<void> {
  await ack();
  const value = decodeValue(action.value);
  if (!value) return buttonIgnored(deps, action);
  await deps.conversation.turn(personOf(body), value.i, {
    ...(value.t !== undefined ? { atTurn: value.t } : {}),
    source: { channel: body.channel?.id, ts: body.message?.ts },
  });
}

/**
 * A Start button outside the session message (the menu, App Home, a reminder DM): starts a new session
 * message. Buttons with a nonce work once, however often they are clicked.
 */
export async function handleStart(deps: ListenerDeps, { body, action, ack }: ButtonInput): Promise<void> {
  await ack();
  const value = decodeValue(action.value);
  if (!value || value.i.type !== 'start') return buttonIgnored(deps, action);
  const person = personOf(body);
  if (value.n !== undefined && !(await deps.store.claimOnce(`slack:start:${pseudonym(person.personId)}:${value.n}`, deps.now()))) {
    deps.log.debug({ action: action.action_id }, 'one-shot start button already used');
    return;
  }
  await deps.conversation.turn(person, value.i, { fresh: true });
}

/** The action ids these listeners handle. */
export const ACTION_IDS = [CHOICE_ACTION, START_ACTION] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: CHOICE_ACTION }, async ({ body, action, ack }) =>
    handleChoice(deps, { body, action, ack }),
  );
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: START_ACTION }, async ({ body, action, ack }) =>
    handleStart(deps, { body, action, ack }),
  );
}
