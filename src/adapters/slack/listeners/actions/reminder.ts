import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { Reminder } from '../../../../app/store.js';
import { copy } from '../../copy.js';
import { describeError } from '../../errors.js';
import { nextDueAt } from '../../reminders/nextDue.js';
import { surfaceOf } from '../../conversation.js';
import { nextWorkingMoment, startOfNextDay, type WorkingHours, workingHoursOf } from '../../reminders/workingDay.js';
import { formatWhen } from '../../render/home.js';
import { decodeReminderButton, reminderAnsweredMessage, SKIP_TODAY_ACTION, SNOOZE_ACTION, SNOOZE_MINUTES } from '../../render/reminder.js';
import type { ListenerDeps } from '../deps.js';
import { buttonIgnored, type ButtonInput, personOf } from './session.js';

/**
 * "Snooze 15 min" and "Skip today" on a reminder DM. One answer per reminder message (a double click, or the
 * same click reaching two instances, moves nothing twice: the answer is claimed once in the store), and the
 * reminder row moves only from the due time read (store.moveReminder), never under an instance sending it.
 * The message then says what happens next and keeps its Start button.
 */
type Answer = 'snooze' | 'skip';

function clockIn(instant: number, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
  } catch {
    return new Date(instant).toISOString().slice(11, 16) + ' UTC';
  }
}

/**
 * Where the reminder goes, and the line that says so. The time said is when it will really come: a snooze
 * past the end of the working day comes at the next day's start, and says so.
 */
async function move(deps: ListenerDeps, reminder: Reminder, answer: Answer, now: number, hours: WorkingHours | undefined): Promise<string> {
  const zone = reminder.timeZone;
  const comes = (instant: number) => {
    const real = nextWorkingMoment(instant, hours, zone);
    return startOfNextDay(now, zone) > real ? clockIn(real, zone) : formatWhen(real, zone);
  };
  if (answer === 'snooze') {
    const to = now + SNOOZE_MINUTES * 60_000;
    if (reminder.nextDueAt <= to) return copy.reminder.alreadyComing(comes(reminder.nextDueAt));
    if (await deps.store.moveReminder(reminder.id, reminder.nextDueAt, to, now)) return copy.reminder.snoozed(comes(to));
    return copy.reminder.alreadyComing(comes(reminder.nextDueAt));
  }
  const tomorrow = startOfNextDay(now, zone);
  if (reminder.nextDueAt >= tomorrow) return copy.reminder.skipped(formatWhen(nextWorkingMoment(reminder.nextDueAt, hours, zone), zone));
  const to = nextDueAt(reminder, tomorrow - 1);
  const moved = await deps.store.moveReminder(reminder.id, reminder.nextDueAt, to, now);
  return copy.reminder.skipped(formatWhen(nextWorkingMoment(moved ? to : reminder.nextDueAt, hours, zone), zone));
}

export async function handleReminderAnswer(deps: ListenerDeps, answer: Answer, { body, action, ack }: ButtonInput): Promise<void> {
  await ack();
  const value = decodeReminderButton(action.value);
  if (!value) return buttonIgnored(deps, action);
  const person = personOf(body);
  try {
    const now = deps.now();
    if (!(await deps.store.claimOnce(`slack:reminder-answer:${value.r}:${value.d}`, now))) {
      deps.log.debug({ action: action.action_id }, 'reminder already answered');
      return;
    }
    const reminder = await deps.store.getReminder(person.personId, 'slack');
    const hours = workingHoursOf(surfaceOf(await deps.coach.getProfile(person.personId)));
    const line = reminder && reminder.id === value.r ? await move(deps, reminder, answer, now, hours) : copy.reminder.off;
    deps.log.info({ event: 'slack.reminder_answered', answer, moved: line !== copy.reminder.off }, 'reminder answered');
    if (body.channel?.id && body.message?.ts) {
      const client = await deps.workspaces.client(person.teamId);
      const message = reminderAnsweredMessage(value.r, value.d, line);
      await client.chat.update({ channel: body.channel.id, ts: body.message.ts, text: message.text, blocks: message.blocks });
    }
  } catch (err) {
    deps.log.error({ err: describeError(err), answer }, 'reminder answer failed');
  }
}

export const ACTION_IDS = [SNOOZE_ACTION, SKIP_TODAY_ACTION] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: SNOOZE_ACTION }, async ({ body, action, ack }) =>
    handleReminderAnswer(deps, 'snooze', { body, action, ack }),
  );
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: SKIP_TODAY_ACTION }, async ({ body, action, ack }) =>
    handleReminderAnswer(deps, 'skip', { body, action, ack }),
  );
}
