import type { Intent } from '../core/intents.js';
import type { Expect } from '../core/reply.js';
import type { Routine } from '../core/routine.js';
import type { MeaningClassifier, Scored } from './classifier.js';
import { type Corpus, type Label } from './corpus.js';
import { bareHour, findClockTime } from './clock.js';
import { findDays } from './days.js';
import { classifierText } from './features.js';
import { EMERGENCY_LABELS, isSafetyLabel, plainIntent } from './labels.js';
import { RoutineNames } from './names.js';
import { normalise, words } from './text.js';

/**
 * Typed words to the core's intent, knowing what the coach asked (the reply's `expect`): "yes I do" in the
 * screening is yes, "7" at a pain question is a score, "3" at the reminder question is a time. Safety comes
 * first in every moment: a sign of an emergency is acted on whatever was asked. Pure once built.
 */

/** What the coach is waiting for, read off its last reply; `time` is the reminder time question. */
export type Expectation = Expect | 'time';

/** Below this, the best meaning is a guess: the moment's own reading (a number, a routine name) is tried. */
const SURE = 0.5;
/** A safety meaning this strong beats a stronger ordinary one: a missed sign costs more than a question. */
const SAFETY_FLOOR = 0.3;

/** Meanings a routine's name outweighs: a number in it, or words the classifier could not place. */
const ROUTINE_READS: ReadonlySet<Label> = new Set(['start', 'none', 'painScore', 'recommend', 'yes', 'help', 'unsure']);

const NEGATION = /\b(?:no|without|dont have|dont own|havent got|have no|left my|forgot my|not got)\b/;

export class Understanding {
  private readonly names: RoutineNames;
  private readonly equipment: Array<{ id: string; words: string }>;

  constructor(private readonly classifier: MeaningClassifier, corpus: Corpus, routines: readonly Routine[]) {
    this.names = new RoutineNames(routines);
    this.equipment = (corpus.types.EQUIPMENT ?? [])
      .flatMap((v) => [v.value, ...v.synonyms].map((name) => ({ id: v.id, words: normalise(name).replace(/^(?:a|the|my) /, '') })))
      .sort((a, b) => b.words.length - a.words.length);
  }

  /** Meanings by score, for the evaluation and tests. */
  meanings(text: string): Scored[] {
    return this.classifier.classify(classifierText(normalise(text)));
  }

  understand(input: string, expect: Expectation = 'command', now?: Date): Intent {
    const text = normalise(input);
    if (!text) return { type: 'unknown', text: input };
    const tokens = words(text);
    const scored = this.classifier.classify(classifierText(text));
    const label = this.choose(scored, text, expect);
    return this.intentFor(label, input, text, tokens, expect, now);
  }

  /** The meaning, with safety first and the moment's own answers where the words leave room. */
  private choose(scored: Scored[], text: string, expect: Expectation): Label {
    const top = scored[0];
    const safety = scored.find((s) => isSafetyLabel(s.label));
    if (safety && safety !== top && safety.score >= SAFETY_FLOOR && (!top || !isSafetyLabel(top.label))) return safety.label;
    if (top && isSafetyLabel(top.label)) return top.label;
    const number = /^(?:\S+ ){0,3}\d+(?: \S+){0,4}$/.test(text) && /\d/.test(text);
    const sure = top !== undefined && top.score >= SURE;
    // A routine's name said plainly ("five moevs") is a choice, unless the words say it is missing ("no roller").
    if ((expect === 'routine' || expect === 'command') && !NEGATION.test(text) && ROUTINE_READS.has(top?.label ?? 'none')) {
      if ((this.names.find(words(text))[0]?.score ?? 0) >= 0.8 && minutesIn(text) === undefined) return 'start';
    }
    if (top?.label === 'start' && NEGATION.test(text) && this.equipment.some((e) => text.includes(e.words))) return 'recommend';
    switch (expect) {
      case 'painScore':
        if (top?.label === 'noPain') return 'noPain';
        if (number && (!sure || ['painScore', 'recommend', 'setReminder', 'none', 'start'].includes(top!.label))) return 'painScore';
        break;
      case 'time':
        if (findClockTime(text) || bareHour(text)) {
          if (!sure || !['no', 'skip', 'stop', 'reminderOff', 'help'].includes(top!.label)) return 'setReminder';
        }
        break;
      case 'yesNo':
      case 'yesNoUnsure':
        if (top?.label === 'noPain') return 'no';
        break;
      case 'routine':
        if ((!sure || top!.label === 'none') && this.names.find(words(text)).length > 0) return 'start';
        break;
    }
    return top?.label ?? 'none';
  }

  private intentFor(label: Label, input: string, text: string, tokens: string[], expect: Expectation, now?: Date): Intent {
    switch (label) {
      case 'none':
        return { type: 'unknown', text: input };
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
        return plainIntent(label) ?? { type: 'unknown', text: input };
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

export { EMERGENCY_LABELS };
