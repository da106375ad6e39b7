import type { types } from '@slack/bolt';
import type { Intent } from '../../../core/intents.js';
import { type Choice, type Reply, speechText } from '../../../core/reply.js';
import { copy } from '../copy.js';
import { clip, LIMITS, mrkdwn } from './limits.js';
import { encodeValue } from './values.js';

/**
 * A coach reply as the one DM message of a session: header, the coach's words, a progress line and the
 * reply's choices as buttons carrying the session turn. Pure.
 */
export interface SessionMessage {
  text: string;
  blocks: types.KnownBlock[];
  /** Message metadata: lets a reader (and the tests) see the moment and turn without parsing blocks. */
  metadata: { event_type: 'back_break_turn'; event_payload: { moment: string; turn: number; end: boolean } };
}

export interface RenderOptions {
  turn: number;
  handsFree?: boolean;
}

/** Action ids of session buttons: one listener handles them all. */
export const CHOICE_ACTION = /^bb_choice_\d+$/;

/** Splits text into chunks of at most `max` characters, at paragraph, then sentence, then word breaks. */
export function chunkText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  // Each pass removes at least one character: bounded by the text's length.
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = [window.lastIndexOf('\n\n'), window.lastIndexOf('. ') + 1, window.lastIndexOf(' ')].find((i) => i > max / 2) ?? max;
    chunks.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The choices a reply's `expect` implies when the core did not list them itself (answers as buttons). */
function impliedChoices(reply: Reply): Choice[] {
  const has = (type: Intent['type']) => reply.choices.some((c) => c.intent.type === type);
  switch (reply.expect) {
    case 'yesNo':
    case 'yesNoUnsure': {
      const answers: Choice[] = [
        { label: copy.yes, intent: { type: 'yes' } },
        { label: copy.no, intent: { type: 'no' } },
        ...(reply.expect === 'yesNoUnsure' ? [{ label: copy.notSure, intent: { type: 'unsure' } } as const] : []),
      ];
      return answers.some((a) => has(a.intent.type)) ? [] : answers;
    }
    case 'painScore':
      return has('painScore') ? [] : Array.from({ length: 11 }, (_, score) => ({
        label: String(score),
        intent: { type: 'painScore', score } as Intent,
      }));
    default:
      return [];
  }
}

/** Safety buttons look dangerous and stopping asks first, whatever the core set. */
function withSlackDefaults(choice: Choice): Choice {
  const t = choice.intent.type;
  if ((t === 'hurts' || t === 'dizzy') && !choice.style) return { ...choice, style: 'danger' };
  if (t === 'stop' && !choice.confirm) return { ...choice, confirm: copy.stopConfirm.text };
  return choice;
}

function confirmDialog(choice: Choice): types.ConfirmationDialog | undefined {
  if (!choice.confirm) return undefined;
  const stop = choice.intent.type === 'stop';
  const words = stop ? copy.stopConfirm : copy.confirmDefault;
  return {
    title: { type: 'plain_text', text: clip(words.title, LIMITS.confirmTitle) },
    text: { type: 'plain_text', text: clip(choice.confirm, LIMITS.confirmText) },
    confirm: { type: 'plain_text', text: clip(words.confirm, LIMITS.confirmButton) },
    deny: { type: 'plain_text', text: clip(words.deny, LIMITS.confirmButton) },
    ...(choice.style === 'danger' || stop ? { style: 'danger' as const } : {}),
  };
}

export function choiceButton(choice: Choice, index: number, turn?: number): types.Button | undefined {
  let value: string;
  try {
    value = encodeValue(choice.intent, turn);
  } catch {
    return undefined; // an intent too large for a button (free text): offered by typing instead
  }
  const confirm = confirmDialog(choice);
  return {
    type: 'button',
    action_id: `bb_choice_${index}`,
    text: { type: 'plain_text', text: clip(choice.label, LIMITS.buttonText), emoji: true },
    value,
    ...(choice.style ? { style: choice.style } : {}),
    ...(confirm ? { confirm } : {}),
  };
}

/** "Step 3 of 10 · right side · 5 breaths" */
export function progressLine(display: Reply['display']): string | undefined {
  const parts: string[] = [];
  if (display.position) parts.push(copy.step(display.position.index, display.position.total));
  if (display.side) parts.push(copy.side(display.side));
  if (display.holdText) parts.push(display.holdText);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** Every choice the message offers, in order: implied answers first, then the core's own. */
export function messageChoices(reply: Reply): Choice[] {
  return [...impliedChoices(reply), ...reply.choices].map(withSlackDefaults);
}

export function renderReply(reply: Reply, options: RenderOptions): SessionMessage {
  const { display } = reply;
  const speech = speechText(reply).trim();
  const body = display.body.trim();
  const blocks: types.KnownBlock[] = [];

  blocks.push({ type: 'header', text: { type: 'plain_text', text: clip(display.title || 'Back Break', LIMITS.headerText), emoji: true } });

  const paragraphs: string[] = [];
  if (display.heading) paragraphs.push(`*${mrkdwn(display.heading, 300)}*`);
  const words = speech || body;
  if (words) paragraphs.push(...chunkText(mrkdwn(words, 100_000), LIMITS.sectionText - 10));
  if (speech && body && !normalise(speech).includes(normalise(body))) {
    paragraphs.push(...chunkText(mrkdwn(body, 100_000), LIMITS.sectionText - 10));
  }
  for (const text of paragraphs) blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });

  const context: string[] = [];
  const progress = progressLine(display);
  if (progress) context.push(mrkdwn(progress, LIMITS.contextText));
  if (display.equipment && display.equipment.length > 0) context.push(mrkdwn(copy.equipment(display.equipment), LIMITS.contextText));
  if (reply.hold && options.handsFree) context.push(copy.handsFreeNext(Math.round(reply.hold.seconds)));
  if (context.length > 0) {
    blocks.push({ type: 'context', elements: context.slice(0, LIMITS.contextElements).map((text) => ({ type: 'mrkdwn', text })) });
  }

  const buttons = messageChoices(reply)
    .map((choice, i) => choiceButton(choice, i, options.turn))
    .filter((b): b is types.Button => b !== undefined);
  const actions: types.KnownBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    actions.push({ type: 'actions', block_id: `bb_actions_${i / LIMITS.actionsElements}`, elements: buttons.slice(i, i + LIMITS.actionsElements) });
  }

  // Within 50 blocks: the buttons always fit; long words give way first.
  const room = LIMITS.blocksPerMessage - actions.length;
  const kept = blocks.length > room ? blocks.slice(0, room) : blocks;

  const summary = display.heading ? `${display.title}: ${display.heading}` : speech || display.title;
  return {
    text: mrkdwn(summary || 'Back Break', LIMITS.messageText),
    blocks: [...kept, ...actions],
    metadata: { event_type: 'back_break_turn', event_payload: { moment: reply.moment, turn: options.turn, end: reply.end } },
  };
}
