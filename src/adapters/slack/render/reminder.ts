import type { types } from '@slack/bolt';
import { z } from 'zod';
import { copy } from '../copy.js';
import { LIMITS } from './limits.js';
import { encodeValue } from './values.js';

/** The short routine a reminder leads into. */
export const BACK_BREAK_ROUTINE = 'back-break';

export const SNOOZE_ACTION = 'bb_reminder_snooze';
export const SKIP_TODAY_ACTION = 'bb_reminder_skip';
/** How long "Snooze" holds the break. */
export const SNOOZE_MINUTES = 15;

/** What Snooze and Skip today carry: the reminder and the due time this message was sent for. */
const ReminderButton = z.object({ v: z.literal(1), r: z.string().min(1).max(200), d: z.number().int().nonnegative() }).strict();
export type ReminderButton = z.infer<typeof ReminderButton>;

export function decodeReminderButton(text: string | undefined): ReminderButton | undefined {
  if (!text || text.length > LIMITS.buttonValue) return undefined;
  try {
    const parsed = ReminderButton.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function startButton(reminderId: string, dueAt: number): types.Button {
  return {
    type: 'button',
    action_id: `bb_start_${BACK_BREAK_ROUTINE}`,
    style: 'primary',
    text: { type: 'plain_text', text: copy.reminder.button },
    value: encodeValue({ type: 'start', routine: BACK_BREAK_ROUTINE }, undefined, `reminder:${reminderId}:${dueAt}`),
  };
}

/**
 * The reminder DM: one line and three buttons: start the short routine (one-shot per reminder time), snooze
 * it 15 minutes, or skip it for the rest of today.
 */
export function reminderMessage(reminderId: string, dueAt: number): { text: string; blocks: types.KnownBlock[] } {
  const value = JSON.stringify({ v: 1, r: reminderId, d: dueAt } satisfies ReminderButton);
  return {
    text: copy.reminder.text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: copy.reminder.text } },
      {
        type: 'actions',
        block_id: 'bb_reminder',
        elements: [
          startButton(reminderId, dueAt),
          { type: 'button', action_id: SNOOZE_ACTION, text: { type: 'plain_text', text: copy.reminder.snooze(SNOOZE_MINUTES) }, value },
          { type: 'button', action_id: SKIP_TODAY_ACTION, text: { type: 'plain_text', text: copy.reminder.skipToday }, value },
        ],
      },
    ],
  };
}

/** The reminder DM after Snooze or Skip today: what happens next, and the break can still start now. */
export function reminderAnsweredMessage(reminderId: string, dueAt: number, line: string): { text: string; blocks: types.KnownBlock[] } {
  return {
    text: line,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: line } },
      { type: 'actions', block_id: 'bb_reminder', elements: [startButton(reminderId, dueAt)] },
    ],
  };
}
