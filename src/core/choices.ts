import type { Copy } from './copy/en.js';
import type { Choice } from './reply.js';

/** The buttons (and voice hints) each moment offers; every choice is an intent. */
export const Choices = {
  yesNo: (): Choice[] => [
    { label: 'Yes', intent: { type: 'yes' }, style: 'primary' },
    { label: 'No', intent: { type: 'no' } },
  ],
  yesNoUnsure: (): Choice[] => [
    { label: 'Yes', intent: { type: 'yes' } },
    { label: 'No', intent: { type: 'no' } },
    { label: 'Not sure', intent: { type: 'unsure' } },
  ],
  painScores: (skipLabel = 'Skip'): Choice[] => [
    ...Array.from({ length: 11 }, (_, score): Choice => ({ label: String(score), intent: { type: 'painScore', score } })),
    { label: skipLabel, intent: { type: 'skip' } },
  ],
  step: (): Choice[] => [
    { label: 'Next', intent: { type: 'next' }, style: 'primary' },
    { label: 'Repeat', intent: { type: 'repeat' } },
    { label: 'Easier', intent: { type: 'easier' } },
    { label: 'Skip', intent: { type: 'skip' } },
    { label: 'Pause', intent: { type: 'pause' } },
    { label: 'Stop', intent: { type: 'stop' }, confirm: 'Stop this routine? You can pick it up next time.' },
    { label: 'This hurts', intent: { type: 'hurts' }, style: 'danger' },
    { label: 'I feel dizzy', intent: { type: 'dizzy' }, style: 'danger' },
  ],
  paused: (): Choice[] => [
    { label: 'Resume', intent: { type: 'resume' }, style: 'primary' },
    { label: 'Start over', intent: { type: 'startOver' } },
    { label: 'Stop', intent: { type: 'stop' } },
  ],
  /** Every stop sign a person can press (safety.md section 3); the pregnancy signs only for a pregnant person. */
  hurtKinds: (pregnant: boolean): Choice[] => [
    { label: 'Sharp or shooting', intent: { type: 'hurts', kind: 'sharp' } },
    { label: 'Spreading down a leg', intent: { type: 'hurts', kind: 'spreading' } },
    { label: 'Numbness', intent: { type: 'hurts', kind: 'numbness' } },
    { label: 'Mild stretch', intent: { type: 'hurts', kind: 'mild' } },
    { label: 'Numb around my seat', intent: { type: 'hurts', kind: 'saddle' }, style: 'danger' },
    { label: 'Bladder or bowel change', intent: { type: 'hurts', kind: 'bladder' }, style: 'danger' },
    { label: 'In both legs', intent: { type: 'hurts', kind: 'bothLegs' }, style: 'danger' },
    { label: 'Chest pain or breathless', intent: { type: 'hurts', kind: 'chest' }, style: 'danger' },
    { label: 'Feeling faint', intent: { type: 'hurts', kind: 'faint' }, style: 'danger' },
    ...(pregnant ? [{ label: 'Bleeding, contractions or calf pain', intent: { type: 'hurts', kind: 'pregnancy' }, style: 'danger' } as Choice] : []),
  ],
  /** "A doctor has checked it": clears the tier B answers that stopped exercise today. */
  cleared: (copy: Copy): Choice => ({ label: copy.clearedButton, intent: { type: 'cleared' } }),
  /** After a hurt: easier, skip, go on or stop; after one at a check-in (the step is done): go on or stop. */
  hurtChoice: (copy: Copy, hasEasier: boolean, done = false): Choice[] => [
    ...(hasEasier ? [{ label: 'Easier', intent: { type: 'easier' } } as Choice] : []),
    ...(done ? [] : [{ label: 'Skip', intent: { type: 'skip' }, style: 'primary' } as Choice]),
    { label: copy.goOn, intent: { type: 'resume' }, ...(done ? { style: 'primary' as const } : {}) },
    { label: 'Stop', intent: { type: 'stop' } },
  ],
};
