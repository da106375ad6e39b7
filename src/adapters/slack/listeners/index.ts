import type { App } from '@slack/bolt';
import * as homeActions from './actions/home.js';
import * as sessionActions from './actions/session.js';
import * as backbreak from './commands/backbreak.js';
import { dedupe } from './dedupe.js';
import type { ListenerDeps } from './deps.js';
import * as appHome from './events/appHome.js';

/** Every listener, grouped by surface: commands, actions, events; repeated deliveries dropped first. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.use(dedupe(deps));
  backbreak.register(app, deps);
  sessionActions.register(app, deps);
  homeActions.register(app, deps);
  appHome.register(app, deps);
}
