import type { Store } from '../../../app/store.js';
import type { CoachPort, LinkPort } from '../../../app/turn.js';
import type { Routine } from '../../../core/routine.js';
import type { Logger } from '../../../log.js';
import type { SlackConversation } from '../conversation.js';
import type { Workspaces } from '../workspaces.js';

/** What every listener may use. */
export interface ListenerDeps {
  conversation: SlackConversation;
  coach: CoachPort;
  /** Linking identities by code (`/backbreak link`); absent, the command shows the usage line. */
  link?: LinkPort;
  store: Store;
  workspaces: Workspaces;
  routines: Routine[];
  log: Logger;
  now: () => number;
}
