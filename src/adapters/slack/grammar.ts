import type { Intent } from '../../core/intents.js';
import { parseText } from '../text/parse.js';
import { copy } from './copy.js';
import { daysText, parseReminderPhrase } from './reminders/phrase.js';

/**
 * The `/backbreak` grammar: text after the command -> what to do. Pure. Only what is Slack's own is read
 * here (the menu, `start`, `remind`, `handsfree`, minutes or a score typed on their own); the words of the
 * conversation are the shared text parser's (parseText). Anything neither knows becomes a usage line, never
 * an error.
 */
export type Command =
  /** No text: the ephemeral menu of routines. */
  | { kind: 'menu' }
  /** A turn for the coach. */
  | { kind: 'turn'; intent: Intent }
  /** The hands-free setting, kept by the Slack adapter. */
  | { kind: 'handsFree'; on: boolean }
  /** `link`: a code to enter on another surface; `link 123-456`: enter a code from one. */
  | { kind: 'link'; code?: string }
  /** A usage line to show instead. */
  | { kind: 'usage'; text: string };

/** Minutes spelled out ("ten minutes"). */
const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40,
};

/** Own keys only: "constructor" or "__proto__" typed by a person are not commands. */
function own<T>(table: Record<string, T>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

function number(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return own(NUMBER_WORDS, word);
}

/** "5", "5 min", "five minutes", "i have 10 minutes" -> minutes. */
function minutesOf(words: string[]): number | undefined {
  const rest = words[0] === 'i' && words[1] === 'have' ? words.slice(2) : words;
  if (rest.length === 0 || rest.length > 2) return undefined;
  const n = number(rest[0]);
  if (n === undefined || n < 1 || n > 120) return undefined;
  if (rest.length === 2 && !/^min(ute)?s?$/.test(rest[1]!)) return undefined;
  return n;
}

/** "start", "start five moves", "start the foam roller routine", "start 5 minutes", "start no strap". */
function startIntent(words: string[]): Intent {
  const minutes = minutesOf(words);
  if (minutes !== undefined) return { type: 'start', minutes };
  const without: string[] = [];
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if ((words[i] === 'no' || words[i] === 'without') && words[i + 1]) {
      without.push(words[i + 1]!);
      i++;
    } else kept.push(words[i]!);
  }
  while (kept[0] === 'the' || kept[0] === 'a') kept.shift();
  if (kept.at(-1) === 'routine' || kept.at(-1) === 'one') kept.pop();
  const routine = kept.join(' ');
  return {
    type: 'start',
    ...(routine ? { routine } : {}),
    ...(without.length > 0 ? { without } : {}),
  };
}

function remindCommand(rest: string): Command {
  const words = rest.split(' ').filter(Boolean);
  if (words.length === 1 && (words[0] === 'off' || words[0] === 'stop' || words[0] === 'cancel' || words[0] === 'none')) {
    return { kind: 'turn', intent: { type: 'reminderOff' } };
  }
  const parsed = parseReminderPhrase(rest);
  if (!parsed.ok || (parsed.phrase.days === undefined && parsed.phrase.time === undefined)) {
    return { kind: 'usage', text: copy.usageRemind };
  }
  const { days, time } = parsed.phrase;
  return {
    kind: 'turn',
    intent: { type: 'setReminder', ...(days ? { days: daysText(days) } : {}), ...(time ? { time } : {}) },
  };
}

/** Parses the text after `/backbreak`. */
export function parseCommand(raw: string): Command {
  const text = raw
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[.!]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^please /, '');
  if (text === '' || text === 'menu') return { kind: 'menu' };
  const words = text.split(' ');
  const [first, ...rest] = words as [string, ...string[]];
  const shared = parseText(text);

  // Slack's own subcommands ("start over" is a conversation word, not a routine called "over").
  if ((first === 'start' || first === 'begin' || first === 'play') && shared.type !== 'startOver') {
    return { kind: 'turn', intent: startIntent(rest) };
  }
  if (first === 'remind' || first === 'reminder' || first === 'reminders') return remindCommand(rest.join(' '));
  if (first === 'link') return rest.length ? { kind: 'link', code: rest.join(' ') } : { kind: 'link' };
  if (first === 'handsfree' || first === 'hands-free' || (first === 'hands' && rest[0] === 'free')) {
    const arg = (first === 'hands' ? rest.slice(1) : rest).join(' ');
    if (arg === 'on' || arg === 'off') return { kind: 'handsFree', on: arg === 'on' };
    return { kind: 'usage', text: copy.usageHandsFree };
  }

  // Minutes on their own start a routine that fits ("10 minutes", "i have 10 minutes", "15"); 0 to 10 alone is a score.
  const minutes = minutesOf(words);
  if (minutes !== undefined && !(shared.type === 'painScore' && shared.score <= 10)) return { kind: 'turn', intent: { type: 'start', minutes } };
  if (shared.type !== 'unknown') return { kind: 'turn', intent: shared };
  // A kind of hurt on its own ("sharp", "spreading down my leg") only makes sense as an answer.
  const hurt = parseText(text, 'hurtKind');
  if (hurt.type === 'hurts') return { kind: 'turn', intent: hurt };

  return { kind: 'usage', text: copy.usage };
}
