import type { Intent } from '../core/intents.js';
import type { Routine } from '../core/routine.js';
import type { MeaningClassifier, Scored } from './classifier.js';
import type { Corpus, Label } from './corpus.js';
import { bareHour, findClockTime } from './clock.js';
import { SignCues } from './cues.js';
import { findDays } from './days.js';
import { type Decision, type Expectation, ordinaryDecision, safetyDecision } from './decision.js';
import { plainIntent } from './labels.js';
import { RoutineNames } from './names.js';
import { normalise, words } from './text.js';

/**
 * Typed words to the core's intent, knowing what the coach asked (the reply's `expect`): "yes I do" in the
 * screening is yes, "7" at a pain question is a score, "3" at the reminder question is a time. Safety comes
 * first in every moment (decision.ts). Pure once built.
 */

export type { Expectation };

const NEGATION = /\b(?:no|without|dont have|dont own|never owned|never had|havent got|have no|left my|forgot my|not got)\b/;

/** Meanings a routine's name said plainly outweighs where a routine is being chosen. */
const NAME_BEATS: ReadonlySet<Label> = new Set(['start', 'none', 'painScore', 'recommend', 'yes', 'help', 'unsure', 'back', 'list', 'launch', 'thanks', 'setReminder']);

export class Understanding {
  private readonly names: RoutineNames;
  private readonly equipment: Array<{ id: string; words: string }>;
  private readonly cues: SignCues;
  /** One-word answers of the corpus ("yeah", "nope", "dunno"), by the answer they are. */
  private readonly openings = new Map<string, Label>();

  constructor(private readonly classifier: MeaningClassifier, corpus: Corpus, routines: readonly Routine[]) {
    this.names = new RoutineNames(routines);
    this.cues = new SignCues(corpus);
    this.equipment = (corpus.types.EQUIPMENT ?? [])
      .flatMap((v) => [v.value, ...v.synonyms].map((name) => ({ id: v.id, words: normalise(name).replace(/^(?:a|the|my) /, '') })))
      .sort((a, b) => b.words.length - a.words.length);
    for (const label of ['yes', 'no', 'unsure'] as const) {
      const entry = corpus.intents[label];
      for (const sample of [...(entry?.spoken ?? []), ...(entry?.typed ?? [])]) {
        const w = words(normalise(sample));
        if (w.length === 1 && !this.openings.has(w[0]!)) this.openings.set(w[0]!, label);
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
    // "Yes, by the next morning": the first word answers, unless the next takes it back ("absolutely not").
    const opening = (expect === 'yesNo' || expect === 'yesNoUnsure') && tokens[1] !== 'not' ? this.openings.get(tokens[0]!) : undefined;
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
        if ((!scored[0] || scored[0].score < 0.5 || scored[0].label === 'none') && name) return 'start';
        break;
    }
    const label = ordinaryDecision(scored, expect, opening);
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
        return n ? { type: 'painScore', score: Number(n[1]) } : { type: 'painScore', score: 0 };
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
      return minutes !== undefined ? { type: 'recommend', minutes } : { type: 'start' };
    }
    // A close second asks which one ("release": two routines end in it).
    const close = found.filter((m) => best.score - m.score < 0.1 && m.score >= 0.6);
    if (close.length > 1) return { type: 'start', routine: best.routineId, candidates: close.map((m) => m.routineId) };
    return { type: 'start', routine: best.routineId };
  }

  private recommend(text: string): Intent {
    const minutes = minutesIn(text) ?? (/^\d+$/.test(text) ? Number(text) : undefined);
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
    return {
      type: 'setReminder',
      ...(clock ? { time: clock.time } : {}),
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
