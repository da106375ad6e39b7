import type { types } from '@slack/bolt';
import { copy } from '../copy.js';
import { encodeValue } from './values.js';

/** The short routine a reminder leads into. */
export const BACK_BREAK_ROUTINE = 'back-break';

/** The reminder DM: one line and a button that starts the short routine (one-shot per reminder time). */
export function reminderMessage(reminderId: string, dueAt: number): { text: string; blocks: types.KnownBlock[] } {
  return {
    text: copy.reminder.text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: copy.reminder.text } },
      {
        type: 'actions',
        block_id: 'bb_reminder',
        elements: [
          {
            type: 'button',
            action_id: `bb_start_${BACK_BREAK_ROUTINE}`,
            style: 'primary',
            text: { type: 'plain_text', text: copy.reminder.button },
            value: encodeValue({ type: 'start', routine: BACK_BREAK_ROUTINE }, undefined, `reminder:${reminderId}:${dueAt}`),
          },
        ],
      },
    ],
  };
}
