import type { HurtKind, Intent } from '../../core/intents.js';
import type { Expect } from '../../core/reply.js';
import { parseDays, parseTime } from '../../core/reminder.js';

/**
 * Typed words to intents, for the text surfaces (terminal, Slack). Knows what answer is expected, so a
 * bare "5" is a pain score and a bare "sharp" is a kind of hurt. Anything else becomes `unknown`.
 */

const WORDS: Array<[RegExp, Intent]> = [
  [/^(yes|yeah|yep|yup|sure|ok|okay|y|i do|i have|i am|i did|go|go ahead|let'?s go|ready)$/, { type: 'yes' }],
  [/^(no|nope|nah|n|i don'?t|i haven'?t|i'?m not|not really|no thanks)$/, { type: 'no' }],
  [/^(not sure|unsure|maybe|i don'?t know|dunno|don'?t know|no idea)$/, { type: 'unsure' }],
  [/^(next|done|continue|go on|carry on|next one|next step)$/, { type: 'next' }],
  [/^(back|previous|go back|last one|prev)$/, { type: 'back' }],
  [/^(repeat|again|say that again|what\??|pardon)$/, { type: 'repeat' }],
  [/^(skip|skip it|skip this|skip this one)$/, { type: 'skip' }],
  [/^(pause|wait|hold on|hang on)$/, { type: 'pause' }],
  [/^(resume|unpause|keep going|pick up|pick up where i left off)$/, { type: 'resume' }],
  [/^(start over|restart|from the top|begin again)$/, { type: 'startOver' }],
  [/^(easier|easier version|make it easier|too hard|something easier)$/, { type: 'easier' }],
  [/^(where am i|how many left|how many more|progress|how far)\??$/, { type: 'progress' }],
  [/^(help|what can i say|\?)$/, { type: 'help' }],
  [/^(stop|quit|exit|cancel|bye|goodbye|end|finish)$/, { type: 'stop' }],
  [/^(list|list routines|routines|menu|what routines( do you have)?|what do you have)\??$/, { type: 'list' }],
  [/^(recommend|recommend one|surprise me|suggest|suggest one|pick one|you choose)$/, { type: 'recommend' }],
  [/^(history|my history|what have i done)$/, { type: 'history' }],
  [/^(forget|forget me|erase me|erase my data|delete my data|forget everything)$/, { type: 'forgetMe' }],
  [/^(hello|hi|hey|open|open back break)$/, { type: 'launch' }],
  [/^(reminders? off|stop reminders?|no more reminders|remind off|cancel reminders?)$/, { type: 'reminderOff' }],
  [/^(i feel dizzy|dizzy|woozy|i'?m dizzy|i am dizzy|lightheaded|light headed)$/, { type: 'dizzy' }],
];

/** Kinds of hurt from words; order matters (seat numbness before numbness). */
const HURT_KINDS: Array<[RegExp, HurtKind]> = [
  [/\b(seat|saddle|groin|genital|bladder|bowel|both legs)\b/, 'saddle'],
  [/\b(chest|faint|breathless|can'?t breathe)\b/, 'chest'],
  [/\b(bleeding|contractions?|waters?|calf)\b/, 'pregnancy'],
  [/\b(spread|spreading|down my leg|down the leg|leg|tingl\w*|sciatic\w*)\b/, 'spreading'],
  [/\b(numb|numbness)\b/, 'numbness'],
  [/\b(sharp|shooting|stabbing)\b/, 'sharp'],
  [/\b(mild|stretch|stretchy|a bit|slight)\b/, 'mild'],
];

function hurtKind(text: string): HurtKind | undefined {
  return HURT_KINDS.find(([re]) => re.test(text))?.[1];
}

/** Scores spelled out ("seven", "pain five"). */
const SPELLED: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

export function parseText(input: string, expect: Expect = 'command'): Intent {
  const text = input.toLowerCase().trim().replace(/[.!]+$/, '').replace(/\s+/g, ' ');
  if (!text) return { type: 'unknown', text: input };

  const number = /^(?:pain\s*)?(-?\d+(?:\.\d+)?)(?:\s*(?:\/|out of)\s*10)?$/.exec(text);
  if (number && expect !== 'routine') return { type: 'painScore', score: Number(number[1]) };
  const spelled = /^(?:pain )?([a-z]+)(?:\/10| out of 10)?$/.exec(text)?.[1];
  if (spelled && Object.hasOwn(SPELLED, spelled) && expect !== 'routine') return { type: 'painScore', score: SPELLED[spelled]! };

  // "No pain" is a zero, not a hurt.
  if (/^(?:i have |i've got |there'?s )?no pain|^pain[- ]free$|^it doesn'?t hurt$/.test(text)) {
    return expect === 'painScore' ? { type: 'painScore', score: 0 } : { type: 'no' };
  }

  const kind = hurtKind(text);
  const negated = /^(no|not)\b/.test(text);
  if (expect === 'hurtKind' && kind) return { type: 'hurts', kind };
  // Emergency signs are understood whatever was asked ("numb around my seat", "I feel faint").
  const emergency = kind === 'saddle' || kind === 'chest';
  if (emergency && expect !== 'routine' && !negated && !/\bknees? to (?:the |your |my )?chest\b/.test(text)) {
    return { type: 'hurts', kind };
  }
  if (/\b(hurts?|hurting|painful|ouch|pain)\b/.test(text) && !negated) return kind ? { type: 'hurts', kind } : { type: 'hurts' };

  for (const [re, intent] of WORDS) if (re.test(text)) return intent;

  const remind = /^remind(?: me)?\s*(.*)$/.exec(text);
  if (remind) {
    const rest = remind[1]!.replace(/^(every|on|at)\s+/, '');
    const time = /(\d{1,2}(?::\d{2})?\s*(?:am|pm|a m|p m)?)\s*$/.exec(rest)?.[1];
    const daysText = time ? rest.slice(0, rest.length - time.length).replace(/\s*at\s*$/, '') : rest;
    const days = parseDays(daysText) ? daysText || 'daily' : undefined;
    const hhmm = parseTime(time);
    return { type: 'setReminder', ...(days ? { days } : {}), ...(hhmm ? { time: hhmm } : {}) };
  }

  const minutes = /\b(\d+)\s*(?:min|mins|minutes)\b/.exec(text);
  const without = [...text.matchAll(/\b(?:no|without|don'?t have|haven'?t got)\s+(?:an?\s+|my\s+)?(strap|belt|towel|foam roller|roller|blocks?|blanket|mat)\b/g)].map((m) => m[1]!);
  if (minutes || without.length) {
    return { type: 'recommend', ...(minutes ? { minutes: Number(minutes[1]) } : {}), ...(without.length ? { without } : {}) };
  }

  const start = /^(?:start|begin|do|play|open|let'?s do|i want(?: to do)?|try)\s+(?:the\s+)?(.+)$/.exec(text);
  if (start) return { type: 'start', routine: start[1]! };
  if (expect === 'routine') return { type: 'start', routine: text };
  return { type: 'unknown', text: input };
}
