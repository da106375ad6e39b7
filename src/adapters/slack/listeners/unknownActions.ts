import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { describeError, SlackAdapterError, SlackErrorCode } from '../errors.js';
import type { ListenerDeps } from './deps.js';

/**
 * Global middleware: a button no listener handles (a message drawn by an earlier version of the app, a forged
 * payload) is acknowledged and logged at once. Without it nobody acks: Slack waits 3 seconds, gets a 404 and
 * shows the person an error on the button.
 */
export function unknownActions(known: ReadonlyArray<string | RegExp>, deps: Pick<ListenerDeps, 'log'>): Middleware<AnyMiddlewareArgs> {
  const handled = (id: unknown) => typeof id === 'string' && known.some((k) => (typeof k === 'string' ? k === id : k.test(id)));
  return async (args) => {
    const body = args.body as { type?: unknown; actions?: Array<{ action_id?: unknown }> };
    if (body.type === 'block_actions' && !handled(body.actions?.[0]?.action_id)) {
      const id = String(body.actions?.[0]?.action_id).slice(0, 100);
      deps.log.warn({ err: describeError(new SlackAdapterError(SlackErrorCode.BadButtonValue, `unknown action ${id}`)) }, 'button ignored');
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    await args.next();
  };
}
