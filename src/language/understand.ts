import type { Intent } from '../core/intents.js';
import { routinesSharing } from '../core/catalogue.js';
import type { Routine } from '../core/routine.js';
import type { MeaningClassifier, Scored } from './classifier.js';
import type { Corpus, Label } from './corpus.js';
import { bareHour, findClockTime } from './clock.js';
import { SignCues } from './cues.js';
import { findDays } from './days.js';
import { type Decision, type Expectation, ordinaryDecision, safetyDecision } from './decision.js';
import { isConditionLabel, plainIntent } from './labels.js';
import { RoutineNames } from './names.js';
import { normalise, words } from './text.js';

/**
 * Typed words to the core's intent, knowing what the coach asked (the reply's `expect`): "yes I do" in the
 * screening is yes, "7" at a pain question is a score, "3" at the reminder question is a time. Safety comes
 * first in every moment (decision.ts). Pure once built.
 */

export type { Expectation };

const NEGATION = /\b(?:no|without|dont have|dont own|never owned|never had|havent got|have no|left my|forgot my|not got)\b/;

/** Meanings whose first words may be an answer's: yes, no, not sure, and what a no often comes with. */
const OPENING_KIN: ReadonlySet<Label> = new Set(['yes', 'no', 'unsure', 'noPain', 'skip', 'reminderOff', 'recommend', 'none']);
/** Words after an answer word that make the rest a question, not an answer. */
const QUESTION = /^(?:what|which|how|when|where|who|whats|can|could|do|does|did|is|are|should|will|would)\b|^why\b(?! not\b)/;

/** A first word that only opens a sentence ("right, ...", "ok so ..."). */
const INTERJECTION = /^(?:right|ok|okay|so|well|hmm|um|erm|sorry|wait)$/;
/** The answers to a yes-or-no question. */
const ANSWERING: ReadonlySet<Label> = new Set(['yes', 'no', 'unsure', 'noPain']);

/** Words that take a sign back ("I'm not pregnant", "never had cancer"): no volunteered sign. */
const DENIAL = /^(?:no|nope|nah|never|not)\b|\b(?:(?:im|i am|were|we are) not(?! supposed| allowed| meant| to)|never (?:had|been|taken|broken)|(?:dont|do not|doesnt) (?:have|take|think)|(?:havent|have not|hasnt) (?:had|got)|no longer)\b/;

/** A volunteered sign is acted on only when said about as plainly as its samples ("I feel hot" is no fever). */
const SAID_SIGN = 0.7;

/** A number of minutes said alone, or after "start" ("start 5", "10 mins"). */
const LONE_MINUTES = /^(?:(?:start|begin|do|about|maybe) )?\d{1,3}(?: (?:min|mins|minute|minutes))?$/;

/** Meanings a routine's name said plainly outweighs where a routine is being chosen. */
const NAME_BEATS: ReadonlySet<Label> = new Set(['start', 'none', 'painScore', 'recommend', 'yes', 'help', 'unsure', 'back', 'list', 'launch', 'thanks', 'setReminder', 'next']);

export class Understanding {
  private readonly names: RoutineNames;
  private readonly equipment: Array<{ id: string; words: string }>;
  private readonly cues: SignCues;
  /** One-word answers of the corpus ("yeah", "nope", "dunno"), by the answer they are. */
  private readonly openings = new Map<string, Label>();

  constructor(private readonly classifier: MeaningClassifier, corpus: Corpus, private readonly routines: readonly Routine[]) {
    this.names = new RoutineNames(routines);
    this.cues = new SignCues(corpus);
    this.equipment = (corpus.types.EQUIPMENT ?? [])
      .flatMap((v) => [v.value, ...v.synonyms].map((name) => ({ id: v.id, words: normalise(name).replace(/^(?:a|the|my) /, '') })))
      .sort((a, b) => b.words.length - a.words.length);
    // A word that also begins other requests ("ok next", "right side", "maybe a 3") answers nothing by itself.
    const beginsOther = new Set<string>();
    for (const [label, entry] of Object.entries(corpus.intents) as Array<[Label, NonNullable<Corpus['intents'][Label]>]>) {
      if (OPENING_KIN.has(label) || label.startsWith('hurts')) continue;
      for (const sample of [...entry.spoken, ...entry.typed]) beginsOther.add(words(normalise(sample))[0] ?? '');
    }
    for (const label of ['yes', 'no', 'unsure'] as const) {
      const entry = corpus.intents[label];
      for (const sample of [...(entry?.spoken ?? []), ...(entry?.typed ?? [])]) {
        const w = words(normalise(sample));
        if (w.length === 1 && !beginsOther.has(w[0]!) && !this.openings.has(w[0]!)) this.openings.set(w[0]!, label);
      }
    }
  }

  /** Meanings by score, for the evaluation and tests. */
  meanings(text: string): Scored[] {
    return this.classifier.classify(normalise(text));
  }

  understand(input: string, expect: Expectation = 'command', now?: Date): Intent {
    const text = normalise(input);
    if (!text) return { type: 'unknown', text: input };
    const tokens = words(text);
    const scored = this.classifier.classify(text);
    const decision = safetyDecision(scored, this.classifier.stems(text), this.cues) ?? { label: this.choose(scored, text, tokens, expect) };
    return this.intentFor(decision, input, text, tokens, expect, now);
  }

  /** The ordinary meaning, with the moment's own readings (a routine's name, a number, a time) where the words leave room. */
  private choose(scored: Scored[], text: string, tokens: string[], expect: Expectation): Label {
    // A sign said in the person's own words ("yes, I'm pregnant", "I had back surgery last year") is the answer
    // to that sign, before any yes or no; taken back ("never had cancer"), it is a no where one is asked.
    const sign = scored[0];
    if (sign && isConditionLabel(sign.label) && sign.score >= SAID_SIGN) {
      if (!DENIAL.test(text)) return sign.label;
      if (expect === 'yesNo' || expect === 'yesNoUnsure') return 'no';
    }
    // Otherwise no sign was said: the rest of the words decide.
    scored = scored.filter((s) => !isConditionLabel(s.label));
    const top = scored.find((s) => s.label !== 'none') ?? scored[0];
    const choosing = expect === 'routine' || expect === 'command';
    // "I left my strap at the office", "what can I do without a roller": a choice without it.
    if (choosing && NEGATION.test(text) && this.equipment.some((e) => text.includes(e.words)) && (expect === 'routine' || ['start', 'recommend', 'no'].includes(top?.label ?? 'none'))) return 'recommend';
    // A routine's name said plainly ("five moevs"): a choice where one is being made, or asked for in so many words.
    const name = this.names.find(tokens)[0];
    // Where a routine is being chosen, half a name ("the sacral one") will do; in a step, only a whole one.
    if (name && name.score >= (expect === 'routine' ? 0.5 : 0.8) && minutesIn(text) === undefined && choosing) {
      const best = scored[0];
      if (expect === 'routine' && (!best || NAME_BEATS.has(best.label))) return 'start';
      if (best?.label === 'start') return 'start';
    }
    const number = /\d/.test(text) && /^(?:\S+ ){0,3}\d+(?: \S+){0,4}$/.test(text);
    // "Yes, by the next morning": the first word answers, unless the next takes it back ("absolutely not") or
    // asks something ("right, which one did you pick?").
    const answering = (expect === 'yesNo' || expect === 'yesNoUnsure') && tokens[1] !== 'not' && !QUESTION.test(tokens.slice(1).join(' '));
    const opening = answering ? this.openings.get(tokens[0]!) : undefined;
    switch (expect) {
      case 'painScore':
        if (number && !['noPain', 'skip', 'stop', 'help', 'repeat'].includes(scored[0]?.label ?? 'none')) return 'painScore';
        break;
      case 'time':
        if (findClockTime(text) || bareHour(text)) {
          if (!['no', 'skip', 'stop', 'reminderOff', 'help'].includes(scored[0]?.label ?? 'none') || (scored[0]?.score ?? 0) < 0.5) return 'setReminder';
        }
        break;
      case 'routine':
        // Asked which routine or how long: a number alone ("15", "start 5") is minutes.
        if (LONE_MINUTES.test(text)) return 'recommend';
        if ((!scored[0] || scored[0].score < 0.5 || scored[0].label === 'none') && name) return 'start';
        break;
    }
    // A question is no answer to a yes-or-no question ("right, which one did you pick?"): what it asks is meant.
    let lead = 0;
    while (lead < 2 && (this.openings.has(tokens[lead] ?? '') || INTERJECTION.test(tokens[lead] ?? ''))) lead++;
    const asking = (expect === 'yesNo' || expect === 'yesNoUnsure') && QUESTION.test(tokens.slice(lead).join(' '));
    const decided = ordinaryDecision(asking ? scored.filter((s) => !ANSWERING.has(s.label)) : scored, expect, opening);
    // A question about the question, not understood: what the question is for (the moment's help).
    const label = asking && decided === 'none' ? 'help' : decided;
    // A reminder with no time or day in it is no reminder ("remind me what to do"): the next reading, if close.
    if (label === 'setReminder' && expect !== 'time' && !findClockTime(text) && !bareHour(text) && !findDays(tokens)) {
      const next = scored.find((s) => s.label !== 'setReminder' && s.label !== 'none');
      return next && next.score >= (top?.score ?? 0) * 0.5 ? next.label : label;
    }
    return label;
  }

  private intentFor(decision: Decision, input: string, text: string, tokens: string[], expect: Expectation, now?: Date): Intent {
    switch (decision.label) {
      case 'none': {
        const maybe = decision.maybe ? plainIntent(decision.maybe) : undefined;
        return maybe && (maybe.type === 'hurts' || maybe.type === 'dizzy') ? { type: 'unknown', text: input, maybe } : { type: 'unknown', text: input };
      }
      case 'noPain':
        return expect === 'yesNo' || expect === 'yesNoUnsure' ? { type: 'no' } : { type: 'painScore', score: 0 };
      case 'painScore': {
        const n = /\b(\d+(?:\.\d+)?)\b/.exec(text);
        // "-1" typed is no 1: the coach asks again for 0 to 10.
        const sign = /^\s*-\s*\d/.test(input) ? -1 : 1;
        return n ? { type: 'painScore', score: sign * Number(n[1]) } : { type: 'painScore', score: 0 };
      }
      case 'start':
        return this.start(text, tokens);
      case 'recommend':
        return this.recommend(text);
      case 'setReminder':
        return this.reminder(text, tokens, expect, now);
      default:
        return plainIntent(decision.label) ?? { type: 'unknown', text: input };
    }
  }

  private start(text: string, tokens: string[]): Intent {
    const found = this.names.find(tokens);
    const best = found[0];
    if (!best) {
      const minutes = minutesIn(text);
      if (minutes !== undefined) return { type: 'recommend', minutes };
      // Words two or three titles share ("start release", "the low back one"): the coach asks which.
      const tied = routinesSharing(this.routines, text).map((r) => r.id);
      return tied.length > 1 ? { type: 'start', candidates: tied } : { type: 'start' };
    }
    // A close second asks which one ("release": two routines end in it).
    const close = found.filter((m) => best.score - m.score < 0.1 && m.score >= 0.6);
    if (close.length > 1) return { type: 'start', routine: best.routineId, candidates: close.map((m) => m.routineId) };
    return { type: 'start', routine: best.routineId };
  }

  private recommend(text: string): Intent {
    const minutes = minutesIn(text) ?? (LONE_MINUTES.test(text) ? Number(/\d+/.exec(text)![0]) : undefined);
    const without: string[] = [];
    for (const e of this.equipment) {
      const at = text.indexOf(e.words);
      if (at >= 0 && !without.includes(e.id) && (NEGATION.test(text.slice(0, at)) || /\bno\b/.test(text))) without.push(e.id);
    }
    return { type: 'recommend', ...(minutes !== undefined && minutes > 0 ? { minutes } : {}), ...(without.length ? { without } : {}) };
  }

  private reminder(text: string, tokens: string[], expect: Expectation, now?: Date): Intent {
    const clock = findClockTime(text, now) ?? (expect === 'time' ? bareHour(text.replace(/^(?:remind me |at )+/, '')) : undefined) ?? bareHour(text.replace(/^.*\bat /, ''));
    const days = findDays(tokens);
    // A time that is no time ("25:00", "13 pm") goes as typed: the coach says it did not catch the time.
    const unreadable = clock ? undefined : /\b\d{1,2}(?::\d{2}| (?:am|pm))\b/.exec(text)?.[0];
    return {
      type: 'setReminder',
      ...(clock ? { time: clock.time } : unreadable ? { time: unreadable } : {}),
      ...(days ? { days: days.text } : {}),
      ...(clock && !clock.meridiemSaid ? { guessed: true } : {}),
      ...(clock?.oneDay ? { once: true } : {}),
    };
  }
}

/** "10 minutes", "10 min", "15 mins" -> minutes. */
function minutesIn(text: string): number | undefined {
  const m = /\b(\d+) (?:min|mins|minute|minutes)\b/.exec(text);
  return m ? Number(m[1]) : undefined;
}
