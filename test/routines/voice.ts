import { expect } from 'chai';
import { copyFor } from '../../src/core/copy/en.js';
import { holdSeconds, type Routine, type Step } from '../../src/core/routine.js';
import { TAG_CAUTIONS } from '../../src/core/safety.js';
import { sentencesOf, spokenTexts, words } from './content.js';
import { jaccard } from './similar.js';

/**
 * The coach's voice, as checks on a routine's words (../shared/design/conversation.md): second person and
 * imperative, not a list of body parts doing things; what happens after a hold said after it; a count said
 * once; long holds in minutes; cautions short enough to say, and none said twice in a row.
 */

const BODY_PARTS = [
  'ankles?', 'arms?', 'backs?', 'belly', 'bottom', 'buttocks', 'calf', 'calves', 'chest', 'chin', 'collarbones?', 'core',
  'elbows?', 'eyes?', 'face', 'feet', 'fingers?', 'foot', 'forehead', 'glutes?', 'hands?', 'head', 'heels?', 'hips?',
  'jaw', 'knees?', 'legs?', 'mouth', 'navel', 'neck', 'palms?', 'pelvis', 'ribs?', 'sacrum', 'shins?', 'shoulders?',
  'sitting bones', 'soles?', 'spine', 'tailbone', 'teeth', 'thighs?', 'thumbs?', 'toes?', 'upper body', 'weight', 'wrists?',
];
const SIDE_WORDS = '(?:right|left|both|top|bottom|front|back|lower|upper|low|mid|middle|inner|outer|other|long|front|working)';
/** A sentence that opens with a body part and no "your": "Knees draw in", "Right knee bends", "Lower belly draws in". */
const BARE_BODY_PART = new RegExp(`^(?:then |and |now )?(?:the )?(?:${SIDE_WORDS} )*(?:${BODY_PARTS.join('|')})\\b`, 'i');

export function opensWithBareBodyPart(sentence: string): boolean {
  return BARE_BODY_PART.test(sentence.trim());
}

/** The sentences a step gives as instructions: its own, its variants', and how to come out. */
export function instructionSentences(s: Step): string[] {
  return [...s.instructions, ...(s.easier?.instructions ?? []), ...(s.deeper?.instructions ?? []), ...s.release, ...(s.easier?.release ?? []), ...(s.deeper?.release ?? [])].flatMap(sentencesOf);
}

/** The share of a routine's instruction sentences that open with a bare body part, and those sentences. */
export function bareBodyPartShare(routine: Routine): { share: number; sentences: string[] } {
  const all = routine.steps.flatMap(instructionSentences);
  const bare = all.filter(opensWithBareBodyPart);
  return { share: all.length ? bare.length / all.length : 0, sentences: bare };
}

/** Words that belong after a hold: coming out of a pose, or what to do once it is over. */
const AFTER_CUE = /\b(afterwards?|then release|release the (strap|hands|pose)|roll (slowly )?back up|come out|to come out|come down|to come down|to finish|to release|when you'?re done|once you'?re done|at the end)\b/i;

export function saysAfterCue(text: string): boolean {
  return AFTER_CUE.test(text);
}

/** Sentences said before the hold (instructions, variants' instructions) that belong after it. */
export function afterCuesBeforeHold(s: Step): string[] {
  return [...s.instructions, ...(s.easier?.instructions ?? []), ...(s.deeper?.instructions ?? []), ...s.cues]
    .flatMap(sentencesOf)
    .filter(saysAfterCue);
}

const NUMBER_WORDS: Record<string, number> = {
  once: 1, twice: 2, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20,
};
const COUNTED = /\b(\d+|once|twice|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\b(?:\s+(?:more|slow|long|big|full|deep|easy))?(?:\s+(times?|breaths?|reps?|repetitions?|circles?|cycles?|rounds?|counts?))?/gi;

/** The counts a text states: "ten times each way" -> [10], "do this twice" -> [2]; a bare number with no unit is not a count. */
export function countsSaid(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(COUNTED)) {
    const [, n, unit] = m;
    const word = n!.toLowerCase();
    if (!unit && word !== 'once' && word !== 'twice') continue;
    out.push(/^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word]!);
  }
  return out;
}

/** Sentences that say the hold's own count, which the coach says with the hold: the count would be said twice. */
export function countSaidTwice(s: Step): string[] {
  const texts = [...s.instructions, ...s.cues, ...s.release];
  const variantTexts = [s.easier, s.deeper].flatMap((v) => (v ? [...v.instructions, ...(v.release ?? [])].map((t) => ({ t, hold: v.hold ?? s.hold })) : []));
  return [...texts.map((t) => ({ t, hold: s.hold })), ...variantTexts]
    .flatMap(({ t, hold }) => sentencesOf(t).map((sentence) => ({ sentence, hold })))
    .filter(({ sentence, hold }) => countsSaid(sentence).includes(hold.count))
    .map(({ sentence }) => sentence);
}

/** Seconds said aloud in a text ("300 seconds"): over a minute, the coach says minutes. */
export function longSecondsSaid(text: string): string[] {
  return [...text.matchAll(/\b(\d+)\s+seconds?\b/gi)].filter((m) => Number(m[1]) > 60).map((m) => m[0]);
}

/** The longest silence inside a step's hold, given cues spread evenly through it (the core's spacing). */
export function longestSilence(s: Step): number {
  return holdSeconds(s.hold) / (s.cues.length + 1);
}

/** The tag cautions the coach says before this step: each tag's caution once, before the first step that carries it. */
export function tagCautionsAt(routine: Routine, index: number): string[] {
  const copy = copyFor('en-US');
  const earlier = new Set(routine.steps.slice(0, index).flatMap((s) => s.tags));
  return routine.steps[index]!.tags.filter((t) => TAG_CAUTIONS[t] && !earlier.has(t)).map((t) => copy.tagCautions[TAG_CAUTIONS[t]!]!);
}

/** Two cautions that say the same thing: a pair of sentences with most of their words in common. */
export const REPEAT_THRESHOLD = 0.5;

export function repeatedSentences(a: readonly string[], b: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const x of a.flatMap(sentencesOf)) {
    for (const y of b.flatMap(sentencesOf)) if (words(x).length >= 3 && jaccard(words(x), words(y)) >= REPEAT_THRESHOLD) pairs.push([x, y]);
  }
  return pairs;
}

/** Registers the voice checks of a routine. */
export function describeVoice(routine: Routine): void {
  describe(`${routine.id}: the coach's voice`, () => {
    it('opens at most 8% of instruction sentences with a bare body part ("Knees draw in")', () => {
      const { share, sentences } = bareBodyPartShare(routine);
      expect(share, sentences.join(' | ')).to.be.at.most(0.08);
    });

    it('says nothing before a hold that belongs after it (afterwards, come out, roll back up)', () => {
      for (const s of routine.steps) expect(afterCuesBeforeHold(s), s.id).to.deep.equal([]);
    });

    it("says no hold's count twice: the hold carries it, the instructions do not repeat it", () => {
      for (const s of routine.steps) expect(countSaidTwice(s), s.id).to.deep.equal([]);
    });

    it('says no hold over a minute in seconds, and keeps no silence in a hold over a minute', () => {
      for (const s of routine.steps) {
        expect(spokenTexts(s).flatMap(longSecondsSaid), s.id).to.deep.equal([]);
        expect(longestSilence(s), `${s.id}: seconds between cues`).to.be.at.most(60);
      }
    });

    it('counts aloud only repetitions or breaths small enough to count', () => {
      for (const s of routine.steps.filter((x) => x.countAloud)) {
        expect(s.hold.unit, s.id).to.not.equal('seconds');
        expect(s.hold.count, s.id).to.be.at.most(12);
      }
    });

    it('keeps its cautions short and sayable: a few sentences, each under 20 words, in the second person', () => {
      const sentences = routine.cautions.flatMap(sentencesOf);
      expect(sentences.length, 'caution sentences').to.be.within(1, 4);
      expect(words(routine.cautions.join(' ')).length, 'words in all').to.be.at.most(45);
      for (const c of sentences) {
        expect(words(c).length, c).to.be.below(20);
        expect(opensWithBareBodyPart(c), c).to.equal(false);
      }
    });

    it("says no caution twice: a step's caution repeats neither the tag caution before it nor the routine's", () => {
      routine.steps.forEach((s, i) => {
        if (!s.caution) return;
        expect(repeatedSentences([s.caution], tagCautionsAt(routine, i)), `${s.id} against its tag cautions`).to.deep.equal([]);
        expect(repeatedSentences([s.caution], routine.cautions), `${s.id} against the routine's cautions`).to.deep.equal([]);
      });
      const tagSaid = routine.steps.flatMap((_, i) => tagCautionsAt(routine, i));
      expect(repeatedSentences(routine.cautions, tagSaid), "the routine's cautions against the tag cautions").to.deep.equal([]);
    });
  });
}
