import type { services } from 'ask-sdk-model';
import type { Logger } from '../../log.js';

/**
 * Reminders through the Alexa Reminders API: Amazon stores and delivers them; the skill creates and deletes
 * them with the in-session apiAccessToken, once the person has granted the reminders permission.
 */

export type ReminderClient = services.reminderManagement.ReminderManagementServiceClient;
type ReminderRequest = services.reminderManagement.ReminderRequest;

export const REMINDERS_SCOPE = 'alexa::alerts:reminders:skill:readwrite';
/** Sent with the permission request and returned in Connections.Response. */
export const PERMISSION_TOKEN = 'back-break-reminder';

/** A reminder waiting for the permission round-trip, kept in the session attributes. */
export interface PendingReminder {
  days: number[];
  time: string;
}

const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** RFC 5545 rule for days of the week (0 = Sunday) at a local "HH:MM". */
export function recurrenceRule(days: readonly number[], time: string): string {
  const [hour, minute] = time.split(':').map(Number);
  const at = `BYHOUR=${hour ?? 0};BYMINUTE=${minute ?? 0};BYSECOND=0`;
  const unique = [...new Set(days)].filter((d) => d >= 0 && d <= 6).sort((a, b) => a - b);
  if (unique.length === 0 || unique.length === 7) return `FREQ=DAILY;${at};INTERVAL=1`;
  return `FREQ=WEEKLY;BYDAY=${unique.map((d) => DAY_CODES[d]).join(',')};${at};INTERVAL=1`;
}

/** Local date-time without an offset, as the Reminders API reads it (the device's time zone applies). */
function localIso(date: Date): string {
  return date.toISOString().replace(/Z$/, '');
}

/**
 * Today's date in `timeZone` as local midnight ("2026-11-23T00:00:00.000"). The recurrence starts then, so a
 * reminder set in the evening still fires later that day: from UTC's date, a person in Los Angeles setting one
 * at 18:00 (02:00 UTC the next day) would miss it. An unknown zone falls back to UTC's date.
 */
export function localMidnight(now: Date, timeZone: string | undefined): string {
  let ymd: string | undefined;
  if (timeZone) {
    try {
      // en-CA writes dates as YYYY-MM-DD.
      ymd = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
    } catch {
      ymd = undefined;
    }
  }
  return `${ymd ?? now.toISOString().slice(0, 10)}T00:00:00.000`;
}

/** `timeZone`: the device's IANA zone (Alexa's settings API); the start date is that zone's today. */
export function reminderRequest(pending: PendingReminder, locale: string, text: string, now: Date, timeZone?: string): ReminderRequest {
  return {
    requestTime: localIso(now),
    trigger: {
      type: 'SCHEDULED_ABSOLUTE',
      ...(timeZone && validZone(timeZone) ? { timeZoneId: timeZone } : {}),
      recurrence: { startDateTime: localMidnight(now, timeZone), recurrenceRules: [recurrenceRule(pending.days, pending.time)] },
    },
    alertInfo: { spokenInfo: { content: [{ locale, text }] } },
    pushNotification: { status: 'ENABLED' },
  };
}

function validZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The device's time zone from Alexa's settings API (no permission needed), or undefined when the request
 * names no device or the API does not answer (the reminder then starts from UTC's date, as a last resort).
 */
export async function deviceTimeZone(
  factory: { getUpsServiceClient(): services.ups.UpsServiceClient } | undefined,
  deviceId: string | undefined,
  log: Logger,
): Promise<string | undefined> {
  if (!factory || !deviceId) return undefined;
  try {
    const zone = await factory.getUpsServiceClient().getSystemTimeZone(deviceId);
    return typeof zone === 'string' && validZone(zone) ? zone : undefined;
  } catch (err) {
    log.warn({ status: statusOf(err) }, 'alexa: device time zone not read; reminder starts from the UTC date');
    return undefined;
  }
}

export type ReminderOutcome = 'done' | 'noPermission' | 'failed';

function statusOf(err: unknown): number | undefined {
  const code = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

function outcomeOf(err: unknown, log: Logger, action: string): ReminderOutcome {
  const status = statusOf(err);
  if (status === 401 || status === 403) return 'noPermission';
  log.warn({ status, err: err instanceof Error ? err.message : String(err) }, `alexa reminders: ${action} failed`);
  return 'failed';
}

/** Deletes the reminders this skill created for the person, except `keep`. */
async function deleteOurs(client: ReminderClient, keep?: string): Promise<void> {
  const list = await client.getReminders();
  for (const alert of list.alerts ?? []) {
    if (alert.alertToken && alert.alertToken !== keep) await client.deleteReminder(alert.alertToken);
  }
}

/** Creates the recurring reminder, then removes any earlier one: a person has one Back Break reminder. */
export async function createReminder(client: ReminderClient, request: ReminderRequest, log: Logger): Promise<ReminderOutcome> {
  try {
    const created = await client.createReminder(request);
    await deleteOurs(client, created.alertToken);
    return 'done';
  } catch (err) {
    return outcomeOf(err, log, 'create');
  }
}

export async function deleteReminders(client: ReminderClient, log: Logger): Promise<ReminderOutcome> {
  try {
    await deleteOurs(client);
    return 'done';
  } catch (err) {
    return outcomeOf(err, log, 'delete');
  }
}

/** Asks for the reminders permission by voice; Alexa answers with Connections.Response. */
export function permissionRequestDirective() {
  return {
    type: 'Connections.SendRequest' as const,
    name: 'AskFor',
    payload: {
      '@type': 'AskForPermissionsConsentRequest',
      '@version': '1',
      permissionScope: REMINDERS_SCOPE,
    },
    token: PERMISSION_TOKEN,
  };
}
