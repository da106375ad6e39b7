import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { pseudonym } from '../../../log.js';
import { describeError } from '../errors.js';
import type { ListenerDeps } from './deps.js';

/**
 * The key that names one delivery of a request, the same on Slack's retries (X-Slack-Retry-Num) and on a
 * replayed body: the event id, the command's trigger id, or the clicking user with the action's timestamp.
 */
export function deliveryKey(body: unknown): string | undefined {
  const b = body as Record<string, unknown> | undefined;
  if (!b || typeof b !== 'object') return undefined;
  if (b.type === 'event_callback' && typeof b.event_id === 'string') return `slack:event:${b.event_id}`;
  if (typeof b.command === 'string' && typeof b.trigger_id === 'string') return `slack:command:${b.trigger_id}`;
  if (b.type === 'block_actions' && Array.isArray(b.actions)) {
    const action = b.actions[0] as { action_ts?: unknown; action_id?: unknown } | undefined;
    const user = (b.user as { id?: unknown } | undefined)?.id;
    if (typeof action?.action_ts === 'string' && typeof user === 'string') {
      // The user as their pseudonym: the key outlives an erase of that person by up to its TTL.
      return `slack:action:${pseudonym(user)}:${String(action.action_id)}:${action.action_ts}`;
    }
  }
  return undefined;
}

/**
 * Global middleware: a delivery seen before (a Slack retry, a replay) is acknowledged and dropped, so no
 * turn is ever applied twice. Keys are claimed in the store, so this holds across instances too. When the
 * store cannot answer, the request goes on: the turn counter on buttons still guards against doubles.
 */
export function dedupe(deps: Pick<ListenerDeps, 'store' | 'log' | 'now'>): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const key = deliveryKey(args.body);
    const retry = args.context.retryNum;
    if (key) {
      let first = true;
      try {
        first = await deps.store.claimOnce(key, deps.now());
      } catch (err) {
        deps.log.warn({ err: describeError(err) }, 'delivery key not checked');
      }
      if (!first) {
        deps.log.info({ key: key.split(':').slice(0, 2).join(':'), retry }, 'repeated delivery acknowledged and ignored');
        if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
        return;
      }
    }
    await args.next();
  };
}
