import type { Scored } from './classifier.js';
import type { Label } from './corpus.js';
import type { SignCues } from './cues.js';
import { isConditionLabel, isSafetyLabel } from './labels.js';

/**
 * From the classifier's scores to one meaning, knowing the moment. Safety first: a sign of an emergency said
 * in so many words (its cue) is acted on even when other words outweigh it ("it's a 6 but my bladder's not
 * working"); a safety meaning the words only lean towards becomes a question ("Did you mean you feel dizzy?");
 * then the answers the moment asks for ("yes", a score, a time) before the rest. Pure.
 */

/** What the coach is waiting for, read off its last reply; `time` is the reminder time question. */
export type Expectation = 'yesNo' | 'yesNoUnsure' | 'painScore' | 'hurtKind' | 'routine' | 'command' | 'time';

export interface Decision {
  label: Label;
  /** With `none`: a safety meaning to ask about rather than act on. */
  maybe?: Label;
}

/** A perceptron's score for words like its samples is about 1; below this a safety meaning is only a lean. */
const ACT = 0.25;
/** A sign said by its cue is acted on from here, even when other words score higher. */
const ACT_CUED = 0.2;
/** Below this, a safety meaning is not worth a question either. */
const ASK = 0.15;
/** How far a cued sign may trail the strongest meaning and still be acted on; another safety meaning, further. */
const TRAIL_CUED = 0.3;
const TRAIL = 0.6;
/** Ordinary talk ("my chest is lifted") within this of a safety meaning makes it a question, not an act. */
const TALK_MARGIN = 1.2;

/** The answers each moment asks for: preferred when they score at least half the strongest meaning. */
const ANSWERS: Record<Expectation, readonly Label[]> = {
  yesNo: ['yes', 'no', 'unsure', 'noPain'],
  yesNoUnsure: ['yes', 'no', 'unsure', 'noPain'],
  painScore: ['painScore', 'noPain', 'skip'],
  hurtKind: ['hurts.sharp', 'hurts.spreading', 'hurts.numbness', 'hurts.mild', 'unsure'],
  routine: ['start', 'recommend', 'list'],
  command: [],
  time: ['setReminder', 'no', 'skip', 'reminderOff'],
};

/** Below this, the best ordinary meaning is a guess too weak to act on: the words are not understood. */
const WEAK = 0.3;

/** Said in passing: when a request scores near them, the request is meant ("enough for today, thanks"). */
const PASSING: ReadonlySet<Label> = new Set(['thanks', 'none']);

export function safetyDecision(scored: readonly Scored[], stems: readonly string[], cues: SignCues): Decision | undefined {
  // A condition said with a sign ("there's some blood, I'm pregnant") never outweighs the sign.
  const top = scored.find((s) => !isConditionLabel(s.label));
  if (!top) return undefined;
  const none = scored.find((s) => s.label === 'none')?.score ?? 0;
  // A sign that has cues counts only when one is said.
  const safety = scored.filter((s) => isSafetyLabel(s.label) && (!cues.has(s.label) || cues.said(s.label, stems)));
  const best = safety[0];
  if (!best) return undefined;
  // The most serious first: a cued sign close enough to the strongest safety meaning is that meaning.
  const sign = safety.find((s) => cues.has(s.label) && s.score >= best.score * 0.5);
  const chosen = sign ?? best;
  const trail = sign ? TRAIL_CUED : TRAIL;
  const floor = sign ? ACT_CUED : ACT;
  if (chosen.score >= floor && chosen.score > none * TALK_MARGIN && chosen.score >= top.score * trail) return { label: chosen.label };
  if (chosen.score >= ASK && chosen.score >= none * 0.75 && chosen.score >= top.score * 0.5) return { label: 'none', maybe: chosen.label };
  return undefined;
}

/** The ordinary meaning: the moment's answers first, requests over passing remarks, weak guesses as nothing. */
export function ordinaryDecision(scored: readonly Scored[], expect: Expectation, opening: Label | undefined): Label {
  const ordinary = scored.filter((s) => !isSafetyLabel(s.label));
  const top = ordinary[0];
  if (!top) return 'none';
  const answers = ANSWERS[expect];
  // "Yes, by the next morning", "nope, still sore": the first word answers the question, unless the rest is
  // plainly a request of its own ("yes, every weekday at 5pm").
  if (opening && answers.includes(opening) && !(top.score >= 1 && !answers.includes(top.label))) return opening;
  const answer = ordinary.find((s) => answers.includes(s.label));
  if (answer && answer.score >= top.score * 0.5) return answer.label;
  if (PASSING.has(top.label)) {
    const request = ordinary.find((s) => !PASSING.has(s.label));
    if (request && request.score >= top.score * 0.7) return request.label;
    return top.label;
  }
  const none = ordinary.find((s) => s.label === 'none')?.score ?? 0;
  if (top.score < 0.4 && none >= top.score * 0.6) return 'none';
  return top.score < WEAK ? 'none' : top.label;
}
