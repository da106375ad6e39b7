import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac, randomBytes } from 'node:crypto';
import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Health data (screening answers, pain scores) and secrets never reach the log: these keys are censored
 * wherever they appear at the top of a line's object or one level down (`intent.score`, `profile.screening`),
 * and in `headers.authorization` and `req.headers.authorization`, as a second line of defence behind not
 * logging them at all. Child loggers' bindings are censored the same way.
 *
 * Done by a formatter rather than pino's path-based `redact`: the same rule for about half the cost of a line
 * (redaction over 15 paths, 5 of them wildcards, was more than the rest of the line), since most lines hold
 * nothing to censor and pass through untouched.
 */
export const CENSORED_KEYS: ReadonlySet<string> = new Set(['screening', 'answers', 'painBefore', 'painAfter', 'score', 'token']);
export const CENSOR = '[redacted]';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `value` with its censored keys (and `authorization` under `headers`) replaced; the same object when none. */
function censorKeys(value: Record<string, unknown>, alsoAuthorization: boolean): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key in value) {
    if (CENSORED_KEYS.has(key) || (alsoAuthorization && key === 'authorization')) {
      out ??= { ...value };
      out[key] = CENSOR;
    }
  }
  return out ?? value;
}

/** A log line's object, censored (see CENSORED_KEYS); never changes the caller's objects. */
export function censor(line: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key in line) {
    const value = line[key];
    let censored: unknown = value;
    if (CENSORED_KEYS.has(key)) censored = CENSOR;
    else if (isObject(value)) {
      censored = censorKeys(value, key === 'headers');
      if (key === 'req' && isObject((censored as Record<string, unknown>).headers)) {
        const headers = (censored as Record<string, unknown>).headers as Record<string, unknown>;
        const cleaned = censorKeys(headers, true);
        if (cleaned !== headers) censored = { ...(censored as Record<string, unknown>), headers: cleaned };
      }
    }
    if (censored !== value) {
      out ??= { ...line };
      out[key] = censored;
    }
  }
  return out ?? line;
}

/**
 * The HTTP request a line is written for: every line written while a request is handled (by the adapters,
 * the service, the store) carries its `reqId`, with no logger passed around for it (src/http/requests.ts).
 */
export const requestContext = new AsyncLocalStorage<{ reqId: string }>();

/** A new object every line: pino merges the line's fields into what the mixin returns. */
function requestFields(): { reqId?: string } {
  const context = requestContext.getStore();
  return context ? { reqId: context.reqId } : {};
}

export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  const root = pino({ level, formatters: { log: censor }, mixin: requestFields }, destination);
  // Children inherit this through their prototype, so every child's bindings are censored as lines are.
  const child = root.child;
  root.child = function censoredChild(this: Logger, bindings, options) {
    return child.call(this, censor(bindings), options);
  } as typeof root.child;
  return root;
}

const pseudonyms = new Map<string, string>();
const PSEUDONYMS_KEPT = 10_000;
/** Until the composition root gives one (usePseudonymKey), a key of this process alone. */
let pseudonymKey: Buffer = randomBytes(32);

/** The key people's pseudonyms are made with (src/logKey.ts finds it); pseudonyms made before are dropped. */
export function usePseudonymKey(key: string | Buffer): void {
  pseudonymKey = Buffer.from(key);
  pseudonyms.clear();
}

/**
 * A short stable pseudonym for a person in logs: enough to follow one conversation, not an identifier to
 * reuse (person ids are never logged as they are). Keyed (HMAC-SHA256), so no one without the key can
 * compute a person's pseudonym from their id. Kept for the people seen lately, so a turn does not hash the
 * same id again (the adapter and the service both tag their lines with it).
 */
export function pseudonym(personId: string): string {
  let tag = pseudonyms.get(personId);
  if (tag === undefined) {
    if (pseudonyms.size >= PSEUDONYMS_KEPT) pseudonyms.delete(pseudonyms.keys().next().value!);
    tag = createHmac('sha256', pseudonymKey).update(personId).digest('hex').slice(0, 12);
    pseudonyms.set(personId, tag);
  }
  return tag;
}
