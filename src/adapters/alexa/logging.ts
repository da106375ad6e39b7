import type { HandlerInput, RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { turnContext } from './context.js';

/**
 * Logs what kind of request came and how the response left, never what was said: slot values carry
 * screening answers and pain scores, so they stay out of the log. Both at debug: each turn's info line is
 * the service's ('turn', with the intent and the moment), one line per turn rather than two.
 */
export const logRequest: RequestInterceptor = {
  process(input: HandlerInput) {
    const ctx = turnContext(input);
    if (!ctx.logs('debug')) return;
    const request = input.requestEnvelope.request;
    const intent = request.type === 'IntentRequest' ? request.intent.name : undefined;
    ctx.log.debug(
      { type: request.type, intent, locale: request.locale, newSession: input.requestEnvelope.session?.new },
      'alexa request',
    );
  },
};

export const logResponse: ResponseInterceptor = {
  process(input: HandlerInput, response?: Response) {
    const ctx = turnContext(input);
    if (!ctx.logs('debug')) return;
    const directives = response?.directives?.map((d) => d.type);
    ctx.log.debug(
      { end: response?.shouldEndSession, directives, ssmlChars: ssmlLength(response) },
      'alexa response',
    );
  },
};

function ssmlLength(response: Response | undefined): number | undefined {
  const speech = response?.outputSpeech;
  return speech && speech.type === 'SSML' ? speech.ssml.length : undefined;
}
