import { createHash } from 'node:crypto';
import type { HandlerInput, RequestInterceptor } from 'ask-sdk-core';
import type { CoachPort } from '../../app/turn.js';
import type { Logger } from '../../log.js';
import { type AlexaCopy, alexaCopy } from './copy.js';

/** What the Alexa skill needs from the rest of the app. */
export interface AlexaDeps {
  coach: CoachPort;
  log: Logger;
  /** The clock, for reminder request times; injectable for tests. */
  now?: () => Date;
}

/** Per-request context, set once by an interceptor so handlers stay small. */
export interface TurnContext {
  coach: CoachPort;
  log: Logger;
  now: () => Date;
  /** `alexa:<userId>` */
  personId: string;
  locale: string;
  copy: AlexaCopy;
}

const KEY = 'backBreak';

export function personIdOf(userId: string): string {
  return `alexa:${userId}`;
}

/** A short stable tag for a person in logs: enough to follow one conversation, not an identifier to reuse. */
export function logTag(personId: string): string {
  return createHash('sha256').update(personId).digest('hex').slice(0, 12);
}

/** Locale and person id from the envelope, and the app's ports, into the request attributes. */
export function contextInterceptor(deps: AlexaDeps): RequestInterceptor {
  return {
    process(input: HandlerInput) {
      const envelope = input.requestEnvelope;
      // Read defensively: a malformed envelope must still reach the error handler with a context.
      const locale = envelope.request?.locale || 'en-US';
      const userId = envelope.context?.System?.user?.userId ?? envelope.session?.user?.userId ?? 'unknown';
      const personId = personIdOf(userId);
      const log = deps.log.child({ surface: 'alexa', person: logTag(personId) });
      const context: TurnContext = {
        coach: deps.coach,
        log,
        now: deps.now ?? (() => new Date()),
        personId,
        locale,
        copy: alexaCopy(locale),
      };
      input.attributesManager.setRequestAttributes({ ...input.attributesManager.getRequestAttributes(), [KEY]: context });
    },
  };
}

export function turnContext(input: HandlerInput): TurnContext {
  const context = input.attributesManager.getRequestAttributes()[KEY] as TurnContext | undefined;
  if (!context) throw new Error('alexa: the context interceptor did not run');
  return context;
}
