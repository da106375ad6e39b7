import type { App, types } from '@slack/bolt';
import { describeError } from '../../errors.js';
import { handleBackbreakCommand } from '../commands/backbreak.js';
import type { ListenerDeps } from '../deps.js';

/**
 * Words typed in the app's DM (message.im) drive the same conversation as `/backbreak`: the same grammar and
 * the same turns, whatever receiver brought them (HTTP or Socket Mode) and whoever's token answers (one bot
 * token or an OAuth install). What a slash command would show only to the person comes back as a DM message.
 * Edits, deletions, joins and every bot's messages (the app's own included) are not words of the person.
 */
interface ImMessage {
  channel_type?: string;
  channel?: string;
  user?: string;
  text?: string;
  subtype?: string;
  bot_id?: string;
  ts?: string;
}

/** Usage lines name the slash command; typed in the DM, the words alone do (`/backbreak next` -> `next`). */
export function asTyped(text: string): string {
  return text.replaceAll('`/backbreak ', '`');
}

export function typedInDm(event: ImMessage): event is ImMessage & { user: string; channel: string; text: string } {
  return (
    event.channel_type === 'im' &&
    event.subtype === undefined &&
    event.bot_id === undefined &&
    typeof event.user === 'string' &&
    typeof event.channel === 'string' &&
    typeof event.text === 'string' &&
    event.text.trim() !== ''
  );
}

export function register(app: App, deps: ListenerDeps): void {
  app.event('message', async ({ event, body }) => {
    const message = event as ImMessage;
    if (!typedInDm(message)) return;
    const teamId = (body as { team_id?: string }).team_id;
    try {
      await handleBackbreakCommand(deps, {
        command: { text: message.text, team_id: teamId!, user_id: message.user, trigger_id: `message:${message.ts}`, channel_id: message.channel },
        ack: async (response) => {
          if (!response) return;
          const client = await deps.workspaces.client(teamId!);
          const { text, blocks } = response as { text?: string; blocks?: types.KnownBlock[] };
          await client.chat.postMessage({
            channel: message.channel,
            text: asTyped(text ?? ''),
            ...(blocks ? { blocks: JSON.parse(asTyped(JSON.stringify(blocks))) as types.KnownBlock[] } : {}),
          });
        },
      });
    } catch (err) {
      deps.log.error({ err: describeError(err) }, 'typed message not answered');
    }
  });
}
