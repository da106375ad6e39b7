import type { HandlerInput, RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { turnContext } from './context.js';

/**
 * Logs what kind of request came and how the response left, never what was said: slot values carry
 * screening answers and pain scores, and the intent's name says as much (a yes to a screening question, a
 * PainScoreIntent, 'this hurts'), so none of them is logged. Both at debug: each turn's info line is the
 * service's ('turn'), one line per turn rather than two.
 */
export const logRequest: RequestInterceptor = {
  process(input: HandlerInput) {
    const ctx = turnContext(input);
    if (!ctx.logs('debug')) return;
    const request = input.requestEnvelope.request;
    ctx.log.debug(
      { type: request.type, locale: request.locale, newSession: input.requestEnvelope.session?.new },
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
