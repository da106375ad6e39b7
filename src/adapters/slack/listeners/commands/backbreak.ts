import type { App, RespondArguments, SlashCommand, types } from '@slack/bolt';
import { copy } from '../../copy.js';
import { describeError } from '../../errors.js';
import { parseCommand } from '../../grammar.js';
import { slackPerson } from '../../person.js';
import { menuMessage, noticeMessage } from '../../render/menu.js';
import type { ListenerDeps } from '../deps.js';

export const COMMAND = '/backbreak';

export interface CommandInput {
  command: Pick<SlashCommand, 'text' | 'team_id' | 'user_id' | 'trigger_id' | 'channel_id'>;
  ack: (response?: RespondArguments) => Promise<void>;
}

const ephemeral = (message: { text: string; blocks: types.KnownBlock[] }): RespondArguments => ({
  response_type: 'ephemeral',
  text: message.text,
  blocks: message.blocks,
});

/**
 * `/backbreak [text]`: acks at once (the menu and usage lines are the ack itself), then reads the words and runs
 * the turn, whose reply goes to the session message in the person's DM.
 */
export async function handleBackbreakCommand(deps: ListenerDeps, { command, ack }: CommandInput): Promise<void> {
  const parsed = parseCommand(command.text ?? '');
  const person = slackPerson(command.team_id, command.user_id);
  switch (parsed.kind) {
    case 'menu':
      return ack(ephemeral(menuMessage(deps.routines, command.trigger_id)));
    case 'usage':
      return ack(ephemeral(noticeMessage(parsed.text)));
    case 'link':
      return ack(ephemeral(noticeMessage(await linkText(deps, person.personId, parsed.code))));
    case 'handsFree':
      await ack(ephemeral(noticeMessage(parsed.on ? copy.handsFreeOn : copy.handsFreeOff)));
      try {
        await deps.conversation.setHandsFree(person, parsed.on);
      } catch (err) {
        deps.log.error({ err: describeError(err) }, 'hands-free setting not saved');
      }
      return;
    case 'words': {
      const { intent, open } = await deps.conversation.read(person, parsed.text);
      // Words not understood with no conversation open: how to talk to the coach, and no session made. In a
      // conversation, the coach answers them with what can be said at that moment.
      if (intent.type === 'unknown' && !intent.maybe && !open) return ack(ephemeral(noticeMessage(copy.usage)));
      // Typed in the DM with the app, the answer appears right there; elsewhere, say where it went.
      const inDm = command.channel_id?.startsWith('D');
      await ack(inDm ? undefined : ephemeral(noticeMessage(copy.inYourDm)));
      const fresh = intent.type === 'start' || intent.type === 'recommend' || intent.type === 'launch';
      await deps.conversation.turn(person, intent, { fresh });
      return;
    }
  }
}

/** Issues or takes a link code; quick store calls, so the answer is the ack itself. */
async function linkText(deps: ListenerDeps, personId: string, code: string | undefined): Promise<string> {
  if (!deps.link) return copy.usage;
  try {
    if (code === undefined) return copy.link.issued(await deps.link.issueLinkCode(personId));
    return copy.link.result(await deps.link.redeemLinkCode(personId, code));
  } catch (err) {
    deps.log.error({ err: describeError(err) }, 'link failed');
    return copy.somethingWrong;
  }
}

export function register(app: App, deps: ListenerDeps): void {
  app.command(COMMAND, async ({ command, ack }) => handleBackbreakCommand(deps, { command, ack }));
}
