import { z } from 'zod';
import { SIGNS, type SignId } from './screening.js';

/**
 * What a person can mean, whatever the surface. Adapters map utterances, slash commands and
 * button clicks onto these; anything they cannot map becomes `unknown` and the coach answers helpfully.
 */
export const HurtKind = z.enum([
  'sharp', // sharp or shooting pain
  'spreading', // pain or tingling spreading down a leg
  'numbness', // new or worse numbness
  'mild', // mild stretch discomfort
  // Tier A signs (safety.md sections 1 and 3), said at any moment: the emergency path at once.
  'saddle', // numbness around the seat or genitals
  'bladder', // new bladder or bowel trouble, or sexual problems
  'bothLegs', // pain, tingling, numbness or weakness in both legs
  'weakLegs', // legs getting weaker, walking getting harder
  'trauma', // the pain began after a serious fall or accident
  'chest', // chest pain
  'breathless', // sudden severe breathlessness
  'neuro', // slurred speech, double vision, trouble swallowing, one-sided weakness
  'faint', // feeling faint: stop, sit or lie down; the emergency number if it does not pass
  'pregnancy', // pregnancy warning signs: bleeding, calf pain, fluid leak, contractions (for a pregnant person)
]);
export type HurtKind = z.infer<typeof HurtKind>;

export const Intent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('launch') }),
  z.object({
    type: z.literal('start'),
    /** A routine id, title or synonym, as the person said it. */
    routine: z.string().optional(),
    minutes: z.number().optional(),
    /** Equipment the person does not have ("no strap"). */
    without: z.array(z.string()).optional(),
    /** Routine ids the words fit about equally well ("release" is two routines): ask which. */
    candidates: z.array(z.string()).optional(),
  }),
  z.object({ type: z.literal('list') }),
  z.object({
    type: z.literal('recommend'),
    minutes: z.number().optional(),
    without: z.array(z.string()).optional(),
  }),
  z.object({ type: z.literal('yes') }),
  z.object({ type: z.literal('no') }),
  z.object({ type: z.literal('unsure') }),
  z.object({ type: z.literal('painScore'), score: z.number() }),
  z.object({ type: z.literal('next') }),
  z.object({ type: z.literal('back') }),
  z.object({ type: z.literal('repeat') }),
  z.object({ type: z.literal('skip') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('startOver') }),
  z.object({ type: z.literal('easier') }),
  z.object({ type: z.literal('hurts'), kind: HurtKind.optional() }),
  z.object({ type: z.literal('dizzy') }),
  z.object({ type: z.literal('progress') }),
  z.object({ type: z.literal('help') }),
  z.object({ type: z.literal('stop') }),
  /** The hold of the step shown as `stepKey` has ended (hands-free advance); stale keys are ignored. */
  z.object({ type: z.literal('timerElapsed'), stepKey: z.string().optional() }),
  z.object({
    type: z.literal('setReminder'),
    /** 24-hour "HH:MM". */
    time: z.string().optional(),
    /** "daily", "weekdays", or day names. */
    days: z.string().optional(),
    /** No am or pm was said ("3"): the time is the surface's reading (3 PM), to be said back. */
    guessed: z.boolean().optional(),
    /** One day was named ("tomorrow at 9"): the person asked for one reminder, not a repeating one. */
    once: z.boolean().optional(),
  }),
  z.object({ type: z.literal('reminderOff') }),
  z.object({ type: z.literal('history') }),
  z.object({ type: z.literal('forgetMe') }),
  /** "A doctor has checked this and said exercise is fine": clears the tier B answers that blocked exercise. */
  z.object({ type: z.literal('cleared') }),
  /** A screening sign said in the person's own words ("I'm pregnant", "I had back surgery"): a "yes" to it. */
  z.object({ type: z.literal('condition'), sign: z.enum(Object.keys(SIGNS) as [SignId, ...SignId[]]) }),
  /** "Thank you", "that helped": said in passing, never a request. */
  z.object({ type: z.literal('thanks') }),
  z.object({
    type: z.literal('unknown'),
    text: z.string(),
    /** A safety meaning the words lean towards without saying it: the coach asks ("Did you mean you feel dizzy?"). */
    maybe: z.union([z.object({ type: z.literal('hurts'), kind: HurtKind.optional() }), z.object({ type: z.literal('dizzy') })]).optional(),
  }),
]);
export type Intent = z.infer<typeof Intent>;
export type IntentType = Intent['type'];
