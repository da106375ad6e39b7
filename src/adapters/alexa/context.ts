import type { HandlerInput, RequestInterceptor } from 'ask-sdk-core';
import type { CoachPort, LinkPort } from '../../app/turn.js';
import { type Logger, pseudonym } from '../../log.js';
import { type AlexaCopy, alexaCopy } from './copy.js';

/** What the Alexa skill needs from the rest of the app. */
export interface AlexaDeps {
  coach: CoachPort;
  /** "Link my account": a code for the web page or Slack; absent, the request reaches the coach as unknown. */
  link?: LinkPort;
  log: Logger;
  /** The clock, for reminder request times; injectable for tests. */
  now?: () => Date;
  /** Erases everything kept about a person (the skill was disabled); absent, the event is only logged. */
  erase?: (personId: string) => Promise<void>;
}

/** Per-request context, set once by an interceptor so handlers stay small. */
export interface TurnContext {
  coach: CoachPort;
  link?: LinkPort;
  erase?: (personId: string) => Promise<void>;
  log: Logger;
  /** Whether a line at `level` would be written (asked before building one, so the child logger is not made for nothing). */
  logs(level: 'debug' | 'info'): boolean;
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

/** A short stable tag for a person in logs: the same pseudonym the service's lines carry. */
export const logTag = pseudonym;

/** Locale and person id from the envelope, and the app's ports, into the request attributes. */
export function contextInterceptor(deps: AlexaDeps): RequestInterceptor {
  return {
    process(input: HandlerInput) {
      const envelope = input.requestEnvelope;
      // Read defensively: a malformed envelope must still reach the error handler with a context.
      const locale = envelope.request?.locale || 'en-US';
      const userId = envelope.context?.System?.user?.userId ?? envelope.session?.user?.userId ?? 'unknown';
      const personId = personIdOf(userId);
      let log: Logger | undefined;
      const context: TurnContext = {
        coach: deps.coach,
        ...(deps.link ? { link: deps.link } : {}),
        ...(deps.erase ? { erase: deps.erase } : {}),
        // Made when a line is written: most turns write theirs from the service, which tags its own.
        get log() {
          return (log ??= deps.log.child({ surface: 'alexa', person: logTag(personId) }));
        },
        logs: (level) => deps.log.isLevelEnabled(level),
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
