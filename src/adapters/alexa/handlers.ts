import { type ErrorHandler, getRequestType, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { interfaces, IntentRequest, SessionEndedRequest } from 'ask-sdk-model';
import { Intent } from '../../core/intents.js';
import type { Logger } from '../../log.js';
import { CHOICE_EVENT } from './apl.js';
import { turnContext } from './context.js';
import { alexaCopy } from './copy.js';
import { REMINDERS_SCOPE } from './reminders.js';
import { renderReply } from './render.js';
import { plainSsml } from './ssml.js';
import { scheduleReminder, takeAwaiting, takeTurn } from './turn.js';
import { toCoreIntent } from './understand.js';

/**
 * One handler per kind of request Alexa sends. Launches, intents and touches become core intents and take a
 * turn; the words come from the coach. Order matters only for the last one, which takes any request left.
 */

export const LaunchHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle: (input) => takeTurn(input, { type: 'launch' }),
};

/**
 * Every intent, ours and Amazon's, as the core intent understand.ts maps it to: the words come from the coach.
 * FallbackIntent and intents our model does not declare reach the coach as `unknown`, answered helpfully.
 */
export const IntentHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'IntentRequest',
  handle: (input) => takeTurn(input, toCoreIntent((input.requestEnvelope.request as IntentRequest).intent)),
};

/**
 * "Link my account": reads a single-use code to enter on the web page or in Slack, so one history and one
 * screening serve every surface. Not a turn of the coach's; the session ends, as the person goes to the other device.
 */
export const LinkAccountHandler: RequestHandler = {
  canHandle: (input) =>
    getRequestType(input.requestEnvelope) === 'IntentRequest' &&
    (input.requestEnvelope.request as IntentRequest).intent.name === 'LinkAccountIntent' &&
    turnContext(input).link !== undefined,
  async handle(input) {
    const ctx = turnContext(input);
    try {
      const issued = await ctx.link!.issueLinkCode(ctx.personId);
      return input.responseBuilder
        .speak(`<speak>${ctx.copy.linkSpeech(issued.code, issued.minutes)}</speak>`)
        .withSimpleCard(ctx.copy.cardTitle, ctx.copy.linkCard(issued.shown, issued.minutes))
        .withShouldEndSession(true)
        .getResponse();
    } catch (err) {
      ctx.log.error({ err: err instanceof Error ? err.message : String(err) }, 'alexa: link code failed');
      return input.responseBuilder.speak(plainSsml(ctx.copy.linkFailed)).withShouldEndSession(true).getResponse();
    }
  },
};

/** A touch on one of the screen's buttons (APL SendEvent): the choice's intent, for the turn it was drawn at. */
export const ScreenTouchHandler: RequestHandler = {
  canHandle: (input) =>
    getRequestType(input.requestEnvelope) === 'Alexa.Presentation.APL.UserEvent' &&
    (input.requestEnvelope.request as interfaces.alexa.presentation.apl.UserEvent).arguments?.[0] === CHOICE_EVENT,
  handle(input) {
    const args = (input.requestEnvelope.request as interfaces.alexa.presentation.apl.UserEvent).arguments ?? [];
    const parsed = Intent.safeParse(parseJson(args[1]));
    if (!parsed.success) return takeTurn(input, { type: 'unknown', text: '' });
    // A whole number from 0 up, as the screen drew it; anything else ('', null) is not turn 0.
    return takeTurn(input, parsed.data, /^\d+$/.test(String(args[2])) ? Number(args[2]) : undefined);
  },
};

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** The answer to our reminders permission request. */
export const PermissionResponseHandler: RequestHandler = {
  canHandle: (input) =>
    getRequestType(input.requestEnvelope) === 'Connections.Response' &&
    (input.requestEnvelope.request as interfaces.connections.ConnectionsResponse).name === 'AskFor',
  async handle(input) {
    const { copy } = turnContext(input);
    const request = input.requestEnvelope.request as interfaces.connections.ConnectionsResponse;
    const awaiting = takeAwaiting(input);
    // DENIED, NOT_ANSWERED, no payload, or a status Amazon may add: no reminder.
    if (request.payload?.status !== 'ACCEPTED') {
      const response = awaiting
        ? renderReply(input, awaiting.reply, { notice: copy.reminderDenied })
        : input.responseBuilder.speak(plainSsml(copy.reminderDenied)).withShouldEndSession(true).getResponse();
      // The card that lets the person grant the permission in the Alexa app replaces any other card.
      return { ...response, card: { type: 'AskForPermissionsConsent', permissions: [REMINDERS_SCOPE] } };
    }
    if (!awaiting) {
      return input.responseBuilder
        .speak(plainSsml(copy.reminderAskAgain))
        .reprompt(plainSsml(copy.reminderAskAgain))
        .withShouldEndSession(false)
        .getResponse();
    }
    const outcome = await scheduleReminder(input, awaiting.pendingReminder);
    return renderReply(input, awaiting.reply, outcome === 'done' ? {} : { notice: copy.reminderFailed });
  },
};

/**
 * The session ended (the person left, the reprompt went unanswered, or an error on Alexa's side).
 * No speech is allowed here; the service has saved every turn already.
 */
export const SessionEndedHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
  handle(input) {
    const request = input.requestEnvelope.request as SessionEndedRequest;
    turnContext(input).log.info({ reason: request.reason, error: request.error?.type }, 'alexa session ended');
    return input.responseBuilder.getResponse();
  },
};

/**
 * The person disabled the skill: everything kept about them is erased, as 'forget me' would (Amazon sends it
 * as a skill event, with no one to answer).
 */
export const SkillDisabledHandler: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'AlexaSkillEvent.SkillDisabled',
  async handle(input) {
    const ctx = turnContext(input);
    if (ctx.erase) {
      await ctx.erase(ctx.personId);
      ctx.log.info({ event: 'alexa.skill_disabled', erased: true }, 'alexa skill disabled: person erased');
    } else {
      ctx.log.warn({ event: 'alexa.skill_disabled', erased: false }, 'alexa skill disabled: no erase wired');
    }
    return input.responseBuilder.getResponse();
  },
};

/** Anything else Alexa sends us (APL events, audio player, ...): acknowledged, nothing said. */
export const OtherRequestHandler: RequestHandler = {
  canHandle: () => true,
  handle(input) {
    turnContext(input).log.debug({ type: getRequestType(input.requestEnvelope) }, 'alexa request ignored');
    return input.responseBuilder.getResponse();
  },
};

export const requestHandlers: RequestHandler[] = [
  LaunchHandler,
  LinkAccountHandler,
  IntentHandler,
  ScreenTouchHandler,
  PermissionResponseHandler,
  SessionEndedHandler,
  SkillDisabledHandler,
  OtherRequestHandler,
];

/** No exception reaches Amazon: a polite answer, and the session stays open for another try. */
export function politeErrorHandler(log: Logger): ErrorHandler {
  return {
    canHandle: () => true,
    handle(input, error) {
      const request = input.requestEnvelope.request;
      log.error(
        { surface: 'alexa', type: request?.type, err: { name: error.name, message: error.message } },
        'alexa handler failed',
      );
      if (request?.type === 'SessionEndedRequest') return input.responseBuilder.getResponse();
      const copy = alexaCopy(request?.locale);
      return input.responseBuilder
        .speak(plainSsml(copy.error))
        .reprompt(plainSsml(copy.errorReprompt))
        .withShouldEndSession(false)
        .getResponse();
    },
  };
}
