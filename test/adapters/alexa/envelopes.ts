import { randomUUID } from 'node:crypto';
import type { RequestEnvelope } from 'ask-sdk-model';

/** Alexa request envelopes as Amazon sends them, for driving the skill without virtual-alexa. */

export const SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000';
export const USER_ID = 'amzn1.ask.account.FAKEUSER';
/** Obviously fake tokens: nothing here is a real Amazon credential. */
export const FAKE_API_TOKEN = 'fake-api-access-token';
export const FAKE_CONSENT_TOKEN = 'fake-consent-token';
/** What an Echo Show says it supports. */
export const APL_INTERFACES = { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.2' } } };

export interface EnvelopeOptions {
  locale?: string;
  apl?: boolean;
  /** The Reminders API base URL (a fake on 127.0.0.1); absent: no API access in this request. */
  apiEndpoint?: string;
  /** The person has granted the reminders permission. */
  consent?: boolean;
  attributes?: Record<string, unknown>;
  newSession?: boolean;
  applicationId?: string;
  userId?: string;
}

export function envelope(request: Record<string, unknown>, o: EnvelopeOptions = {}): RequestEnvelope {
  const applicationId = o.applicationId ?? SKILL_ID;
  const user = {
    userId: o.userId ?? USER_ID,
    ...(o.consent ? { permissions: { consentToken: FAKE_CONSENT_TOKEN } } : {}),
  };
  return {
    version: '1.0',
    session: {
      new: o.newSession ?? false,
      sessionId: 'amzn1.echo-api.session.fake',
      application: { applicationId },
      attributes: o.attributes ?? {},
      user,
    },
    context: {
      System: {
        application: { applicationId },
        user,
        device: {
          deviceId: 'amzn1.ask.device.FAKE',
          supportedInterfaces: o.apl ? APL_INTERFACES : {},
        },
        ...(o.apiEndpoint ? { apiEndpoint: o.apiEndpoint, apiAccessToken: FAKE_API_TOKEN } : {}),
      },
    },
    request: {
      requestId: `amzn1.echo-api.request.${randomUUID()}`,
      timestamp: new Date().toISOString(),
      locale: o.locale ?? 'en-US',
      ...request,
    },
  } as unknown as RequestEnvelope;
}

export function intentRequest(name: string, slots: Record<string, string> = {}, o: EnvelopeOptions = {}): RequestEnvelope {
  const slotObjects = Object.fromEntries(Object.entries(slots).map(([k, value]) => [k, { name: k, value, confirmationStatus: 'NONE' }]));
  return envelope({ type: 'IntentRequest', dialogState: 'COMPLETED', intent: { name, confirmationStatus: 'NONE', slots: slotObjects } }, o);
}

export function launchRequest(o: EnvelopeOptions = {}): RequestEnvelope {
  return envelope({ type: 'LaunchRequest' }, { newSession: true, ...o });
}

/** `status` is ACCEPTED, DENIED or NOT_ANSWERED from Amazon; anything else tests what the skill makes of it. */
export function permissionResponse(status: string, o: EnvelopeOptions = {}): RequestEnvelope {
  return envelope(
    {
      type: 'Connections.Response',
      name: 'AskFor',
      status: { code: '200', message: 'OK' },
      payload: { permissionScope: 'alexa::alerts:reminders:skill:readwrite', status },
      token: 'back-break-reminder',
    },
    o,
  );
}
