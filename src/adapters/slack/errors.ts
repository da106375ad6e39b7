/**
 * The Slack adapter's errors, as data with a stable code (logged by code, never shown to a person as a dump).
 */
export enum SlackErrorCode {
  /** A button whose action or value this version does not know (an old message, tampering). */
  BadButtonValue = 'slack_bad_button_value',
  /** A Web API call answered ok: false or failed on the network. */
  ApiCallFailed = 'slack_api_call_failed',
  /** conversations.open gave no channel: the app cannot DM this person. */
  NoDirectMessage = 'slack_no_direct_message',
  /** A request without the team or user it needs. */
  MissingIdentity = 'slack_missing_identity',
  /** A reminder with days, time or zone that cannot be scheduled. */
  BadReminder = 'slack_bad_reminder',
}

export class SlackAdapterError extends Error {
  constructor(readonly code: SlackErrorCode, message: string) {
    super(message);
    this.name = 'SlackAdapterError';
  }
}

/** What of an unknown error may be logged: its code and Slack's error name, never a request body. */
export function describeError(err: unknown): { code: string; slackError?: string; message: string } {
  if (err instanceof SlackAdapterError) return { code: err.code, message: err.message };
  const e = err as { code?: unknown; data?: { error?: unknown }; message?: unknown };
  return {
    code: typeof e?.code === 'string' ? e.code : 'unknown',
    slackError: typeof e?.data?.error === 'string' ? e.data.error : undefined,
    message: typeof e?.message === 'string' ? e.message : String(err),
  };
}

/** The Web API client's own codes, from @slack/web-api (ErrorCode). */
export function isRateLimited(err: unknown): err is { retryAfter: number } {
  const e = err as { code?: unknown; retryAfter?: unknown };
  return e?.code === 'slack_webapi_rate_limited_error' && typeof e.retryAfter === 'number';
}

export function slackErrorName(err: unknown): string | undefined {
  const e = err as { code?: unknown; data?: { error?: unknown } };
  return e?.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string' ? e.data.error : undefined;
}
