/**
 * Typed text as the understanding reads it: lower case, apostrophes dropped ("can't" and "cant" are one
 * word), spoken and typed number forms as digits, and the symbols people type as words. Pure and fast:
 * every typed turn passes through here.
 */

const UNITS: Record<string, number> = {
  zero: 0, nought: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** After these, "one" is a number ("at one", "a one"); elsewhere it is a word ("the next one"). */
const ONE_BEFORE = new Set(['at', 'about', 'around', 'maybe', 'probably', 'its', 'say', 'is', 'a']);
const ONE_AFTER = new Set(['out', 'minute', 'minutes', 'min', 'mins', 'pm', 'am', 'oclock', 'thirty', 'fifteen', 'forty', 'ish']);

/** Durations said in words, as minutes. Longest first. */
const DURATIONS: Array<[RegExp, string]> = [
  [/\b(?:an|one) hour and a half\b/g, '90 minutes'],
  [/\bhour and a half\b/g, '90 minutes'],
  [/\b(?:a |one )?quarter (?:of an |an )?hour\b/g, '15 minutes'],
  [/\bthree quarters of an hour\b/g, '45 minutes'],
  [/\bhalf (?:an )?hour\b/g, '30 minutes'],
  [/\b(?:an|one) hour\b/g, '60 minutes'],
  [/\ba couple (?:of )?min(?:ute)?s?\b/g, '2 minutes'],
  [/\ba few min(?:ute)?s?\b/g, '5 minutes'],
];

function isOwn<T>(table: Record<string, T>, key: string): boolean {
  return Object.hasOwn(table, key);
}

/** Words to digits: "twenty five" -> 25, "seven" -> 7, "one" only where it is plainly a number. */
function numbersAsDigits(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (isOwn(TENS, w)) {
      const next = words[i + 1];
      if (next !== undefined && isOwn(UNITS, next) && UNITS[next]! > 0 && UNITS[next]! < 10) {
        out.push(String(TENS[w]! + UNITS[next]!));
        i++;
      } else out.push(String(TENS[w]));
      continue;
    }
    // "one of ten" is a score; "one of those" is a word.
    const ofNumber = words[i + 1] === 'of' && (isOwn(UNITS, words[i + 2] ?? '') || /^\d+$/.test(words[i + 2] ?? ''));
    if (w === 'one' && words.length > 1 && !ONE_BEFORE.has(words[i - 1] ?? '') && !ONE_AFTER.has(words[i + 1] ?? '') && !ofNumber) {
      out.push(w);
      continue;
    }
    const stem = w.endsWith('ish') ? w.slice(0, -3) : w;
    if (isOwn(UNITS, stem)) out.push(String(UNITS[stem]));
    else if (w === 'hundred' && /^\d+$/.test(out.at(-1) ?? '')) out.push(String(Number(out.pop()) * 100));
    else out.push(w);
  }
  return out;
}

/** The text as words, normalised. Symbols people type for meanings ("?", "->", emoji) stay as tokens. */
export function normalise(input: string): string {
  let t = input
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/👍|👌|✅/gu, ' yes ')
    .replace(/👎|❌/gu, ' no ')
    .replace(/🙏/gu, ' thanks ')
    .replace(/->|>>|→/g, ' next ')
    .replace(/<-|<<|←/g, ' back ')
    .replace(/\bw\/o\b/g, ' without ')
    .replace(/&/g, ' and ')
    .replace(/@/g, ' at ')
    .replace(/(\d+)\s*(?:\/|out of|of)\s*10\b/g, '$1 out of 10')
    .replace(/(\d)(am|pm|a\.m\.|p\.m\.|ish|mins?|minutes?|hrs?)\b/g, '$1 $2')
    .replace(/\b([ap])\.? ?m\.?(?=\s|$|[,!?])/g, '$1m')
    .replace(/\bo'? ?clock\b/g, 'oclock')
    .replace(/'/g, '')
    // Day ranges keep their meaning when the hyphen goes ("mon-fri" -> "mon to fri").
    .replace(/\b(sun|mon|tue|wed|thu|fri|sat)([a-z]*)\s*-\s*(?=(?:sun|mon|tue|wed|thu|fri|sat))/g, '$1$2 to ')
    .replace(/-/g, ' ')
    .replace(/[^\p{L}\p{N}?:\s]+/gu, ' ')
    .replace(/(\D):|:(\D)|:$/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
  if (!t) return t;
  t = numbersAsDigits(t.split(' ')).join(' ');
  for (const [re, minutes] of DURATIONS) t = t.replace(re, minutes);
  return t.replace(/(\d+) ish\b/g, '$1').replace(/\?/g, ' ? ').replace(/\s+/g, ' ').trim();
}

export function words(normalised: string): string[] {
  return normalised ? normalised.split(' ') : [];
}
