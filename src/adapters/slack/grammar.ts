import type { HurtKind, Intent } from '../../core/intents.js';
import { parseText } from '../text/parse.js';
import { copy } from './copy.js';
import { daysText, parseReminderPhrase } from './reminders/phrase.js';

/**
 * The `/backbreak` grammar: text after the command -> what to do. Pure. Anything it does not know becomes a
 * usage line, never an error.
 */
export type Command =
  /** No text: the ephemeral menu of routines. */
  | { kind: 'menu' }
  /** A turn for the coach. */
  | { kind: 'turn'; intent: Intent }
  /** The hands-free setting, kept by the Slack adapter. */
  | { kind: 'handsFree'; on: boolean }
  /** A usage line to show instead. */
  | { kind: 'usage'; text: string };

const SIMPLE: Record<string, Intent> = {
  next: { type: 'next' },
  done: { type: 'next' },
  ready: { type: 'next' },
  back: { type: 'back' },
  previous: { type: 'back' },
  prev: { type: 'back' },
  repeat: { type: 'repeat' },
  again: { type: 'repeat' },
  skip: { type: 'skip' },
  pause: { type: 'pause' },
  wait: { type: 'pause' },
  resume: { type: 'resume' },
  continue: { type: 'resume' },
  stop: { type: 'stop' },
  quit: { type: 'stop' },
  cancel: { type: 'stop' },
  easier: { type: 'easier' },
  'easier version': { type: 'easier' },
  'make it easier': { type: 'easier' },
  'start over': { type: 'startOver' },
  restart: { type: 'startOver' },
  dizzy: { type: 'dizzy' },
  'i feel dizzy': { type: 'dizzy' },
  'i am dizzy': { type: 'dizzy' },
  "i'm dizzy": { type: 'dizzy' },
  progress: { type: 'progress' },
  'where am i': { type: 'progress' },
  'how many left': { type: 'progress' },
  help: { type: 'help' },
  '?': { type: 'help' },
  history: { type: 'history' },
  forget: { type: 'forgetMe' },
  'forget me': { type: 'forgetMe' },
  'delete my data': { type: 'forgetMe' },
  list: { type: 'list' },
  routines: { type: 'list' },
  'list routines': { type: 'list' },
  recommend: { type: 'recommend' },
  'recommend one': { type: 'recommend' },
  'surprise me': { type: 'recommend' },
  yes: { type: 'yes' },
  yeah: { type: 'yes' },
  yep: { type: 'yes' },
  no: { type: 'no' },
  nope: { type: 'no' },
  'not sure': { type: 'unsure' },
  unsure: { type: 'unsure' },
  maybe: { type: 'unsure' },
  "i don't know": { type: 'unsure' },
  hello: { type: 'launch' },
  hi: { type: 'launch' },
};

const HURT_WORDS: Record<string, HurtKind> = {
  sharp: 'sharp',
  shooting: 'sharp',
  spreading: 'spreading',
  tingling: 'spreading',
  numb: 'numbness',
  numbness: 'numbness',
  mild: 'mild',
  saddle: 'saddle',
  bladder: 'saddle',
  chest: 'chest',
  faint: 'chest',
  pregnancy: 'pregnancy',
};

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
    .trim();
  if (text === '' || text === 'menu') return { kind: 'menu' };
  const words = text.split(' ');
  const [first, ...rest] = words as [string, ...string[]];

  const simple = own(SIMPLE, text) ?? (text.startsWith('please ') ? own(SIMPLE, text.slice(7)) : undefined);
  if (simple) return { kind: 'turn', intent: simple };

  if (first === 'start' || first === 'begin' || first === 'play') return { kind: 'turn', intent: startIntent(rest) };
  if (first === 'remind' || first === 'reminder' || first === 'reminders') return remindCommand(rest.join(' '));

  if (first === 'handsfree' || first === 'hands-free' || (first === 'hands' && rest[0] === 'free')) {
    const arg = first === 'hands' ? rest[1] : rest[0];
    if (arg === 'on' || arg === 'off') return { kind: 'handsFree', on: arg === 'on' };
    return { kind: 'usage', text: copy.usageHandsFree };
  }

  // A pain score: "3", "pain 3", "3/10", "3 out of 10".
  const score = /^(?:pain )?(\d{1,2}|[a-z]+)(?:\/10| out of 10)?$/.exec(text);
  if (score) {
    const n = number(score[1]);
    if (n !== undefined && n >= 0 && n <= 10) return { kind: 'turn', intent: { type: 'painScore', score: n } };
  }

  // "this hurts", "it hurts sharp", "hurts spreading", "pain spreading down my leg"
  if (words.includes('hurts') || words.includes('hurt') || (first === 'pain' && rest.length > 0 && number(rest[0]) === undefined)) {
    const kind = words.map((w) => own(HURT_WORDS, w)).find((k) => k !== undefined);
    return { kind: 'turn', intent: kind ? { type: 'hurts', kind } : { type: 'hurts' } };
  }

  const minutes = minutesOf(words);
  if (minutes !== undefined) return { kind: 'turn', intent: { type: 'start', minutes } };

  // The words the other text surface knows ("go ahead", "what routines do you have", "no strap"), then a
  // kind of hurt on its own ("sharp", "spreading down my leg"), which only makes sense as an answer.
  const shared = parseText(text);
  if (shared.type !== 'unknown') return { kind: 'turn', intent: shared };
  const hurt = parseText(text, 'hurtKind');
  if (hurt.type === 'hurts') return { kind: 'turn', intent: hurt };

  return { kind: 'usage', text: copy.usage };
}
