import type { App } from '@slack/bolt';
import { describeError } from '../../errors.js';
import { slackPerson, type SlackPerson } from '../../person.js';
import { isValidTimeZone, nextDueAt } from '../../reminders/nextDue.js';
import type { ListenerDeps } from '../deps.js';

/**
 * user_change: a person's profile changed in Slack. When their time zone did, the zone is re-read at once:
 * the cached users.info answer takes it, and their reminder keeps its local time in the new zone (15:00 in
 * Paris becomes 15:00 in New York). A break already held back or snoozed keeps its instant: it is still owed.
 * People without a reminder cost one read.
 */
export async function handleUserChange(deps: ListenerDeps, person: SlackPerson, timeZone: string | undefined): Promise<void> {
  if (!timeZone || !isValidTimeZone(timeZone)) return;
  deps.conversation.rememberZone(person, timeZone);
  const reminder = await deps.store.getReminder(person.personId, 'slack');
  if (!reminder || reminder.timeZone === timeZone) return;
  const now = deps.now();
  try {
    const regular = nextDueAt(reminder, now);
    // Before its regular time: a held or snoozed break, kept as it is; else the next time in the new zone.
    const owed = reminder.nextDueAt < regular;
    const to = owed ? reminder.nextDueAt : nextDueAt({ ...reminder, timeZone }, now);
    const moved = await deps.store.moveReminder(reminder.id, reminder.nextDueAt, to, now, timeZone);
    deps.log.info({ event: 'slack.reminder_zone_changed', moved, owed }, moved ? 'reminder follows the new time zone' : 'reminder busy; zone left for the next change');
  } catch (err) {
    deps.log.error({ err: describeError(err) }, 'reminder zone not changed');
  }
}

export function register(app: App, deps: ListenerDeps): void {
  app.event('user_change', async ({ event, body }) => {
    const user = event.user as { id?: string; team_id?: string; tz?: string; deleted?: boolean };
    try {
      const person = slackPerson(user.team_id ?? body.team_id, user.id);
      await deps.conversation.serial(person.personId, () => handleUserChange(deps, person, user.tz));
    } catch (err) {
      deps.log.warn({ err: describeError(err) }, 'user_change ignored');
    }
  });
}
