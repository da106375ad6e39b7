import { z } from 'zod';
import { Intent } from '../../../core/intents.js';
import { LIMITS } from './limits.js';

/**
 * What a button carries back: the intent it stands for, the session turn it was drawn for (so stale and
 * double clicks change nothing) and, for one-shot buttons (the menu, a reminder), a nonce claimed once.
 */
export const ButtonValue = z
  .object({
    v: z.literal(1),
    i: Intent,
    t: z.number().int().nonnegative().optional(),
    n: z.string().max(200).optional(),
  })
  .strict();
export type ButtonValue = z.infer<typeof ButtonValue>;

export function encodeValue(intent: Intent, turn?: number, nonce?: string): string {
  const value: ButtonValue = { v: 1, i: intent };
  if (turn !== undefined) value.t = turn;
  if (nonce !== undefined) value.n = nonce;
  const text = JSON.stringify(value);
  if (text.length > LIMITS.buttonValue) throw new RangeError('button value over 2,000 characters');
  return text;
}

/** The button's value, or undefined when it does not parse (an old message, a tampered payload). */
export function decodeValue(text: string | undefined): ButtonValue | undefined {
  if (!text || text.length > LIMITS.buttonValue) return undefined;
  try {
    const parsed = ButtonValue.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
