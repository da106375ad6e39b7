import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { surfaceOf } from '../../conversation.js';
import { describeError } from '../../errors.js';
import { publishHome } from '../../homeTab.js';
import { slackPerson, type SlackPerson } from '../../person.js';
import { workingHoursData, workingHoursOf } from '../../reminders/workingDay.js';
import { readWorkingDay, WORKING_DAY_OFF_ACTION, WORKING_DAY_OPEN_ACTION, WORKING_DAY_VIEW, workingDayModal } from '../../render/workingDay.js';
import type { ListenerDeps } from '../deps.js';
import { personOf } from './session.js';

/**
 * The working day on App Home: "Set working day" / "Change" opens a form (days, start, end); saving it keeps
 * the hours with the person's Slack data and shows the tab again; "Any hour" drops them. Reminders read them
 * when they fall due (scheduler.ts).
 */
async function save(deps: ListenerDeps, person: SlackPerson, data: Record<string, string>): Promise<void> {
  await deps.conversation.serial(person.personId, async () => {
    const profile = await deps.coach.getProfile(person.personId);
    const kept = Object.fromEntries(Object.entries(surfaceOf(profile)).filter((e): e is [string, string] => typeof e[1] === 'string'));
    await deps.coach.setSurfaceData(person.personId, 'slack', { ...kept, ...data });
    await publishHome(deps, person);
  });
}

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: WORKING_DAY_OPEN_ACTION }, async ({ body, ack }) => {
    await ack();
    try {
      const person = personOf(body);
      const hours = workingHoursOf(surfaceOf(await deps.coach.getProfile(person.personId)));
      const client = await deps.workspaces.client(person.teamId);
      await client.views.open({ trigger_id: body.trigger_id, view: workingDayModal(hours) });
    } catch (err) {
      deps.log.error({ err: describeError(err) }, 'working day form not opened');
    }
  });

  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: WORKING_DAY_OFF_ACTION }, async ({ body, ack }) => {
    await ack();
    try {
      await save(deps, personOf(body), { workDays: '', workStart: '', workEnd: '' });
    } catch (err) {
      deps.log.error({ err: describeError(err) }, 'working day not cleared');
    }
  });

  app.view(WORKING_DAY_VIEW, async ({ ack, body, view }) => {
    const read = readWorkingDay(view.state?.values);
    // Mistakes are shown beside the fields, in the form, which stays open.
    if ('errors' in read) return ack({ response_action: 'errors', errors: read.errors });
    await ack();
    try {
      const person = slackPerson(body.user.team_id ?? body.team?.id, body.user.id);
      await save(deps, person, workingHoursData(read.hours));
      deps.log.info({ event: 'slack.working_day_set' }, 'working day saved');
    } catch (err) {
      deps.log.error({ err: describeError(err) }, 'working day not saved');
    }
  });
}

export const ACTION_IDS = [WORKING_DAY_OPEN_ACTION, WORKING_DAY_OFF_ACTION] as const;
