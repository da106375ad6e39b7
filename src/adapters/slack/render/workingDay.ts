import type { types } from '@slack/bolt';
import { copy } from '../copy.js';
import { describeDays } from '../reminders/days.js';
import { type WorkingHours } from '../reminders/workingDay.js';

/** The working day on App Home (what it is, a button to set or change it, one to drop it) and its form. Pure. */
export const WORKING_DAY_OPEN_ACTION = 'bb_workday_open';
export const WORKING_DAY_OFF_ACTION = 'bb_workday_off';
export const WORKING_DAY_VIEW = 'bb_workday';
export const BLOCK = { days: 'bb_workday_days', start: 'bb_workday_start', end: 'bb_workday_end' } as const;
export const ELEMENT = { days: 'days', start: 'start', end: 'end' } as const;

/** Monday first, as a working week is read. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const DEFAULT_WORKING_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' };

export function workingDayBlocks(hours: WorkingHours | undefined, timeZone: string | undefined): types.KnownBlock[] {
  const line = hours ? copy.workingDay.set(describeDays(hours.days), hours.start, hours.end, timeZone ?? 'UTC') : copy.workingDay.unset;
  const buttons: types.Button[] = [
    { type: 'button', action_id: WORKING_DAY_OPEN_ACTION, text: { type: 'plain_text', text: hours ? copy.workingDay.change : copy.workingDay.setButton }, value: 'open' },
  ];
  if (hours) buttons.push({ type: 'button', action_id: WORKING_DAY_OFF_ACTION, text: { type: 'plain_text', text: copy.workingDay.clear }, value: 'off' });
  return [
    { type: 'section', block_id: 'bb_workday', text: { type: 'mrkdwn', text: line } },
    { type: 'actions', block_id: 'bb_workday_actions', elements: buttons },
  ];
}

const option = (d: number): types.Option => ({ text: { type: 'plain_text', text: DAY_NAMES[d]! }, value: String(d) });

/** The form: days as checkboxes, start and end as time pickers, filled with what is set (or 9 to 5:30, weekdays). */
export function workingDayModal(hours: WorkingHours | undefined): types.ModalView {
  const current = hours ?? DEFAULT_WORKING_HOURS;
  return {
    type: 'modal',
    callback_id: WORKING_DAY_VIEW,
    title: { type: 'plain_text', text: copy.workingDay.title },
    submit: { type: 'plain_text', text: copy.workingDay.save },
    close: { type: 'plain_text', text: copy.workingDay.cancel },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: copy.workingDay.explain } },
      {
        type: 'input',
        block_id: BLOCK.days,
        label: { type: 'plain_text', text: copy.workingDay.days },
        element: { type: 'checkboxes', action_id: ELEMENT.days, options: WEEK.map(option), initial_options: WEEK.filter((d) => current.days.includes(d)).map(option) },
      },
      {
        type: 'input',
        block_id: BLOCK.start,
        label: { type: 'plain_text', text: copy.workingDay.start },
        element: { type: 'timepicker', action_id: ELEMENT.start, initial_time: current.start },
      },
      {
        type: 'input',
        block_id: BLOCK.end,
        label: { type: 'plain_text', text: copy.workingDay.end },
        element: { type: 'timepicker', action_id: ELEMENT.end, initial_time: current.end },
      },
    ],
  };
}

/** What the form's submission says, or the errors to show beside its fields. */
export function readWorkingDay(values: Record<string, Record<string, any>> | undefined): { hours: WorkingHours } | { errors: Record<string, string> } {
  const days = ((values?.[BLOCK.days]?.[ELEMENT.days]?.selected_options ?? []) as Array<{ value?: unknown }>)
    .map((o) => Number(o.value))
    .filter((d) => Number.isInteger(d) && d >= 0 && d <= 6);
  const start = values?.[BLOCK.start]?.[ELEMENT.start]?.selected_time;
  const end = values?.[BLOCK.end]?.[ELEMENT.end]?.selected_time;
  const errors: Record<string, string> = {};
  const clock = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (days.length === 0) errors[BLOCK.days] = copy.workingDay.needDay;
  if (typeof start !== 'string' || !clock.test(start)) errors[BLOCK.start] = copy.workingDay.needTime;
  if (typeof end !== 'string' || !clock.test(end)) errors[BLOCK.end] = copy.workingDay.needTime;
  else if (typeof start === 'string' && clock.test(start) && end <= start) errors[BLOCK.end] = copy.workingDay.endAfterStart;
  if (Object.keys(errors).length > 0) return { errors };
  return { hours: { days: [...new Set(days)].sort((a, b) => a - b), start, end } };
}
