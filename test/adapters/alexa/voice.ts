// virtual-alexa loads aws-sdk v2, which prints an end-of-support notice unless told not to.
import './quiet-aws.js';
import { VirtualAlexa } from 'virtual-alexa';

/**
 * Speaking to the skill through virtual-alexa and our interaction model. virtual-alexa's own utter() throws
 * on an utterance that matches no sample (real Alexa sends FallbackIntent) and treats any phrase containing
 * "ask", "open", "tell" or "launch" as a launch; `speak` resolves utterances itself through the same model
 * and sample matcher, and sends FallbackIntent when nothing matches.
 */

export type Alexa = VirtualAlexa;

export interface Heard {
  intent: string;
  slots: Record<string, string>;
}

interface SampleTest {
  matches(): boolean;
  score(): number;
  scoreSlots(): number;
  slotValues(): string[];
  samplePhrase: { intent: string; slotName(i: number): string };
}

/** The intent and slot values virtual-alexa's matcher hears in `text`, or undefined (Fallback). */
export function hear(alexa: Alexa, text: string): Heard | undefined {
  const model = (alexa as any).context().interactionModel();
  let best: SampleTest | undefined;
  for (const intent of model.intentSchema.intents() as Array<{ name: string }>) {
    for (const sample of model.sampleUtterances.samplesForIntent(intent.name)) {
      const test = sample.matchesUtterance(text) as SampleTest;
      if (!test.matches()) continue;
      if (!best || test.score() > best.score() || (test.score() === best.score() && test.scoreSlots() > best.scoreSlots())) {
        best = test;
      }
    }
  }
  if (!best) return undefined;
  const slots: Record<string, string> = {};
  best.slotValues().forEach((value, i) => {
    if (value.trim()) slots[best!.samplePhrase.slotName(i)] = value.trim();
  });
  return { intent: best.samplePhrase.intent, slots };
}

const LAUNCH = /^(?:alexa,? )?(?:open|launch|talk to) back break$/i;
const ONE_SHOT = /^(?:alexa,? )?(?:ask|tell) back break (?:to |for |about )?(.+)$/i;

/** Says `text` to the skill as a person would: a launch phrase, a one-shot, or an utterance in session. */
export async function speak(alexa: Alexa, text: string): Promise<any> {
  const said = text.trim().replace(/[.!?]+$/, '');
  if (LAUNCH.test(said)) return alexa.launch();
  const oneShot = ONE_SHOT.exec(said);
  const utterance = oneShot ? oneShot[1]! : said;
  const heard = hear(alexa, utterance);
  if (!heard) return alexa.request().intent('AMAZON.FallbackIntent').send();
  return alexa.request().intent(heard.intent).slots(heard.slots).send();
}
