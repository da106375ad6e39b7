import { getSupportedInterfaces, type HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { type Reply, speechText } from '../../core/reply.js';
import { renderDocumentDirective, screenData } from './apl.js';
import type { AlexaCopy } from './copy.js';
import { turnContext } from './context.js';
import { plainSsml, renderSpeech, speakingSeconds } from './ssml.js';

export interface RenderOptions {
  /** Stop, Cancel and NavigateHome end the session whatever the reply says. */
  endSession?: boolean;
  /** Said instead of the reply's speech (an Alexa-side failure or refusal); the pending question follows. */
  notice?: string;
  /** The session turn the reply belongs to, put on the screen's buttons. */
  turn?: number;
}

/** Moments worth keeping in the Alexa app as a card, besides steps. */
const CARD_MOMENTS = new Set<Reply['moment']>(['emergency', 'urgent', 'finished']);


export function hasApl(input: HandlerInput): boolean {
  try {
    return Boolean(getSupportedInterfaces(input.requestEnvelope)['Alexa.Presentation.APL']);
  } catch {
    return false;
  }
}

export function cardText(reply: Reply, copy: AlexaCopy): string {
  const d = reply.display;
  const where = [
    d.position ? copy.stepLine(d.position.index, d.position.total) : undefined,
    d.side ? copy.sideLine(d.side) : undefined,
    d.holdText,
  ].filter(Boolean);
  return [d.heading, where.join(' · '), d.body].filter((line) => line && line.length > 0).join('\n');
}

/** A Reply as an Alexa response: SSML speech, reprompt, card, and the APL screen where there is one. */
export function renderReply(input: HandlerInput, reply: Reply, options: RenderOptions = {}): Response {
  const { copy } = turnContext(input);
  const rb = input.responseBuilder;
  // A reply that leaves the conversation open always carries its reprompt (core/reply.ts).
  const question = options.endSession || reply.end ? undefined : reply.reprompt;

  const spoken: Pick<Reply, 'speech' | 'hold'> = options.notice
    ? { speech: [{ kind: 'say', text: options.notice }, ...(question ? [{ kind: 'say' as const, text: question }] : [])] }
    : reply;
  const rendered = renderSpeech(spoken, { cutClosing: copy.holdCut });
  rb.speak(rendered.ssml);

  if (question) rb.reprompt(plainSsml(question)).withShouldEndSession(false);
  else rb.withShouldEndSession(true);

  if (reply.display.position || CARD_MOMENTS.has(reply.moment)) {
    rb.withSimpleCard(reply.display.title || copy.cardTitle, cardText(reply, copy));
  }
  if (hasApl(input)) {
    const startDelay = speakingSeconds(speechText(spoken));
    rb.addDirective(renderDocumentDirective(screenData(reply, copy, { seconds: rendered.holdSeconds, startDelay }, options.turn)));
  }
  return rb.getResponse();
}
