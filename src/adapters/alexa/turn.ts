import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { PlatformEffect } from '../../core/effects.js';
import type { Intent } from '../../core/intents.js';
import type { Reply } from '../../core/reply.js';
import { type TurnContext, turnContext } from './context.js';
import {
  createReminder,
  deleteReminders,
  type PendingReminder,
  permissionRequestDirective,
  type ReminderClient,
  type ReminderOutcome,
  deviceTimeZone,
  reminderRequest,
} from './reminders.js';
import { type RenderOptions, renderReply } from './render.js';

/**
 * One turn: the person's intent goes to the coach, the platform effects (reminders) are carried out here,
 * and the coach's reply becomes the response. A stop (Stop, Cancel, NavigateHome, the Stop button) always
 * ends the session, whatever the coach answers (certification rule); the coach keeps the routine to resume.
 * `atTurn` is the turn a touched screen was drawn for.
 */
export async function takeTurn(input: HandlerInput, intent: Intent, atTurn?: number): Promise<Response> {
  const ctx = turnContext(input);
  const requestId = input.requestEnvelope.request?.requestId;
  const result = await ctx.coach.handle({
    personId: ctx.personId,
    surface: 'alexa',
    intent,
    locale: ctx.locale,
    ...(atTurn !== undefined ? { atTurn } : {}),
    // Alexa may send a request again (a retry, a replay within its timestamp window): applied once.
    ...(requestId ? { once: `alexa:${requestId}` } : {}),
  });
  // Not the reply's moment: 'emergency', 'painBefore' or 'hurtKind' say what the person's health is.
  if (ctx.logs('debug')) ctx.log.debug({ stale: result.stale, effects: result.effects.map((e) => e.type) }, 'alexa turn');
  return respond(input, result.reply, result.effects, { endSession: intent.type === 'stop', turn: result.turn });
}

async function respond(input: HandlerInput, reply: Reply, effects: PlatformEffect[], options: RenderOptions): Promise<Response> {
  const { copy } = turnContext(input);
  let notice = options.notice;
  for (const effect of effects) {
    if (effect.type === 'scheduleReminder') {
      const pending: PendingReminder = { days: effect.days, time: effect.time };
      const outcome = await scheduleReminder(input, pending);
      if (outcome === 'noPermission') return askPermission(input, pending, reply);
      if (outcome === 'failed') notice = copy.reminderFailed;
    } else {
      const outcome = await cancelReminders(input);
      // Without the permission the skill cannot have created a reminder: nothing to remove.
      if (outcome === 'failed') notice = copy.reminderOffFailed;
    }
  }
  return renderReply(input, reply, { ...options, notice });
}

/**
 * One call to the Reminders API, logged by its outcome: 'noPermission' without the person's consent, 'failed'
 * when the request carries no API endpoint and token.
 */
async function withReminders(
  input: HandlerInput,
  action: string,
  call: (client: ReminderClient, ctx: TurnContext) => Promise<ReminderOutcome>,
): Promise<ReminderOutcome> {
  const system = input.requestEnvelope.context?.System;
  if (!system?.user?.permissions?.consentToken) return 'noPermission';
  if (!system.apiEndpoint || !system.apiAccessToken || !input.serviceClientFactory) return 'failed';
  const ctx = turnContext(input);
  const outcome = await call(input.serviceClientFactory.getReminderManagementServiceClient(), ctx);
  ctx.log.info({ outcome }, `alexa reminders: ${action}`);
  return outcome;
}

export function scheduleReminder(input: HandlerInput, pending: PendingReminder): Promise<ReminderOutcome> {
  return withReminders(input, 'schedule', async (client, ctx) => {
    const deviceId = input.requestEnvelope.context?.System?.device?.deviceId;
    const zone = await deviceTimeZone(input.serviceClientFactory, deviceId, ctx.log);
    return createReminder(client, reminderRequest(pending, ctx.locale, ctx.copy.reminderText, ctx.now(), zone), ctx.log);
  });
}

function cancelReminders(input: HandlerInput): Promise<ReminderOutcome> {
  return withReminders(input, 'cancel', (client, ctx) => deleteReminders(client, ctx.log));
}

/** Session attributes that carry a reminder across the permission round-trip. */
export interface AwaitingPermission {
  pendingReminder: PendingReminder;
  /** The coach's reply, said once the reminder exists. */
  reply: Reply;
}

const PENDING_KEY = 'awaitingReminderPermission';

function askPermission(input: HandlerInput, pending: PendingReminder, reply: Reply): Response {
  const attributes = input.attributesManager.getSessionAttributes();
  const awaiting: AwaitingPermission = { pendingReminder: pending, reply };
  input.attributesManager.setSessionAttributes({ ...attributes, [PENDING_KEY]: awaiting });
  turnContext(input).log.info('alexa reminder: asking for the permission');
  // Alexa asks the question itself; no speech or reprompt of ours may go with it.
  return input.responseBuilder.addDirective(permissionRequestDirective()).getResponse();
}

/** Takes the reminder waiting for the permission out of the session attributes. */
export function takeAwaiting(input: HandlerInput): AwaitingPermission | undefined {
  const attributes = input.attributesManager.getSessionAttributes();
  const awaiting = attributes[PENDING_KEY] as AwaitingPermission | undefined;
  if (!awaiting) return undefined;
  const { [PENDING_KEY]: _, ...rest } = attributes;
  input.attributesManager.setSessionAttributes(rest);
  return awaiting;
}
