import type { types } from '@slack/bolt';
import { estimatedMinutes, type Routine } from '../../../core/routine.js';
import { copy } from '../copy.js';
import { clip, LIMITS, mrkdwn } from './limits.js';
import { encodeValue } from './values.js';

/** Start buttons outside a session (menu, App Home, reminder DM): one listener handles them. */
export const START_ACTION = /^bb_start(_[a-z0-9-]+)?$/;

export function routineLine(routine: Routine): string {
  const equipment = routine.equipment.filter((e) => !e.optional).map((e) => e.name);
  const parts = [`*${mrkdwn(routine.title, 200)}*`, `${estimatedMinutes(routine)} min`];
  if (equipment.length > 0) parts.push(mrkdwn(equipment.join(', '), 200));
  return parts.join(' · ');
}

/**
 * A section per routine with its Start button: names and minutes (the menu is short), with the summary where
 * there is room (App Home). `nonce` makes the buttons one-shot (the ephemeral menu).
 */
export function routineSections(routines: Routine[], max: number, options: { nonce?: string; summary?: boolean } = {}): types.KnownBlock[] {
  const { nonce, summary = false } = options;
  return routines.slice(0, max).map((routine) => ({
    type: 'section',
    block_id: `bb_routine_${routine.id}`,
    text: { type: 'mrkdwn', text: clip(summary ? `${routineLine(routine)}\n${mrkdwn(routine.summary, 2000)}` : routineLine(routine), LIMITS.sectionText) },
    accessory: {
      type: 'button',
      action_id: `bb_start_${routine.id}`,
      text: { type: 'plain_text', text: copy.start },
      value: encodeValue({ type: 'start', routine: routine.id }, undefined, nonce ? `${nonce}:${routine.id}` : undefined),
    },
  }));
}

/** The ephemeral menu `/backbreak` with no text shows. */
export function menuMessage(routines: Routine[], nonce: string): { text: string; blocks: types.KnownBlock[] } {
  if (routines.length === 0) return { text: copy.noRoutines, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: copy.noRoutines } }] };
  const blocks: types.KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: copy.menuIntro } },
    ...routineSections(routines, LIMITS.blocksPerMessage - 2, { nonce }),
    { type: 'context', elements: [{ type: 'mrkdwn', text: copy.menuFooter }] },
  ];
  return { text: copy.menuIntro, blocks };
}

/** A one-line answer shown only to the person (usage, settings). */
export function noticeMessage(text: string): { text: string; blocks: types.KnownBlock[] } {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } }] };
}
