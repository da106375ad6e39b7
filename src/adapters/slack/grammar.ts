import { copy } from './copy.js';

/**
 * The `/backbreak` grammar: text after the command (or typed in the app's DM) -> what to do. Pure. Only what is
 * Slack's own is read here: the menu, `link`, `handsfree`. Every other word is the conversation's, read by the
 * typed understanding (src/language) against what the coach is waiting for, in the person's turn
 * (SlackConversation.say): "start five moves", "next", "remind weekdays 3pm", "it hurts", "7".
 */
export type Command =
  /** No text: the ephemeral menu of routines. */
  | { kind: 'menu' }
  /** Words for the coach. */
  | { kind: 'words'; text: string }
  /** The hands-free setting, kept by the Slack adapter. */
  | { kind: 'handsFree'; on: boolean }
  /** `link`: a code to enter on another surface; `link 123-456`: enter a code from one. */
  | { kind: 'link'; code?: string }
  /** A usage line to show instead. */
  | { kind: 'usage'; text: string };

/** Longer than any sentence a person types to a coach: the rest is not read. */
const MAX_WORDS_LENGTH = 500;

/** Parses the text after `/backbreak`. */
export function parseCommand(raw: string): Command {
  const text = raw
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[.!]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '' || text === 'menu') return { kind: 'menu' };
  const [first, ...rest] = text.split(' ') as [string, ...string[]];
  if (first === 'link') return rest.length ? { kind: 'link', code: rest.join(' ') } : { kind: 'link' };
  if (first === 'handsfree' || first === 'hands-free' || (first === 'hands' && rest[0] === 'free')) {
    const arg = (first === 'hands' ? rest.slice(1) : rest).join(' ');
    if (arg === 'on' || arg === 'off') return { kind: 'handsFree', on: arg === 'on' };
    return { kind: 'usage', text: copy.usageHandsFree };
  }
  return { kind: 'words', text: raw.trim().slice(0, MAX_WORDS_LENGTH) };
}
