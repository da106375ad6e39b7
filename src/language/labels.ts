import type { HurtKind, Intent } from '../core/intents.js';
import type { SignId } from '../core/screening.js';
import type { Label } from './corpus.js';

/**
 * What each meaning of the corpus is for the core. The corpus names signs finely (bladder, both legs, a
 * fall, stroke signs) so people's words stay sorted as safety.md lists them; the core acts on its kinds.
 */

/** The sign's kind of hurt for the core: each tier A sign its own, so the advice can say which it follows. */
export const SIGN_KIND: Record<Extract<Label, `hurts.${string}`>, HurtKind> = {
  'hurts.sharp': 'sharp',
  'hurts.spreading': 'spreading',
  'hurts.numbness': 'numbness',
  'hurts.mild': 'mild',
  'hurts.saddle': 'saddle',
  'hurts.bladder': 'bladder',
  'hurts.bothLegs': 'bothLegs',
  'hurts.weakLegs': 'weakLegs',
  'hurts.trauma': 'trauma',
  'hurts.neuro': 'neuro',
  'hurts.chest': 'chest',
  'hurts.breathless': 'breathless',
  'hurts.faint': 'faint',
  'hurts.pregnancy': 'pregnancy',
};

/** Tier A signs (safety.md section 1, and stroke signs from section 2): the emergency path at once. */
export const EMERGENCY_LABELS: ReadonlySet<Label> = new Set([
  'hurts.saddle', 'hurts.bladder', 'hurts.bothLegs', 'hurts.weakLegs', 'hurts.trauma', 'hurts.neuro', 'hurts.chest', 'hurts.breathless',
]);

/** The kinds of hurt that take the emergency path at once (every tier A sign). */
export const EMERGENCY_KINDS: ReadonlySet<HurtKind> = new Set(
  [...EMERGENCY_LABELS].map((l) => SIGN_KIND[l as keyof typeof SIGN_KIND]),
);

/** Everything a person may say about their safety: signs, hurts, dizziness. */
export function isSafetyLabel(label: Label): boolean {
  return label === 'hurts' || label === 'dizzy' || label.startsWith('hurts.');
}

/** A tier B or C sign said in the person's own words ("I'm pregnant"): a "yes" to it. */
export function isConditionLabel(label: Label): label is Extract<Label, `has.${string}`> {
  return label.startsWith('has.');
}

export function isSignLabel(label: Label): label is keyof typeof SIGN_KIND {
  return Object.hasOwn(SIGN_KIND, label);
}

/** The core intent of a label with no slots; undefined for labels that need slot values or are nothing. */
export function plainIntent(label: Label): Intent | undefined {
  if (isSignLabel(label)) return { type: 'hurts', kind: SIGN_KIND[label] };
  if (isConditionLabel(label)) return { type: 'condition', sign: label.slice('has.'.length) as SignId };
  switch (label) {
    case 'none':
    case 'start':
    case 'recommend':
    case 'painScore':
    case 'setReminder':
    // Linking identities is the surface's and the app's, not the coach's (Alexa's LinkAccountIntent).
    case 'link':
      return undefined;
    case 'noPain':
      return { type: 'painScore', score: 0 };
    default:
      return { type: label };
  }
}
