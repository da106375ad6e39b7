import type { App } from '@slack/bolt';
import * as homeActions from './actions/home.js';
import * as reminderActions from './actions/reminder.js';
import * as workingDayActions from './actions/workingDay.js';
import * as sessionActions from './actions/session.js';
import * as backbreak from './commands/backbreak.js';
import { dedupe } from './dedupe.js';
import type { ListenerDeps } from './deps.js';
import * as appHome from './events/appHome.js';
import * as uninstall from './events/uninstall.js';
import * as userChange from './events/userChange.js';
import * as typed from './events/message.js';
import { unknownActions } from './unknownActions.js';

/**
 * Every listener, grouped by surface: commands, actions, events; repeated deliveries dropped first, then
 * buttons no listener handles.
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.use(dedupe(deps));
  app.use(unknownActions([...sessionActions.ACTION_IDS, ...homeActions.ACTION_IDS, ...reminderActions.ACTION_IDS, ...workingDayActions.ACTION_IDS], deps));
  backbreak.register(app, deps);
  sessionActions.register(app, deps);
  homeActions.register(app, deps);
  reminderActions.register(app, deps);
  workingDayActions.register(app, deps);
  appHome.register(app, deps);
  uninstall.register(app, deps);
  userChange.register(app, deps);
  typed.register(app, deps);
}
