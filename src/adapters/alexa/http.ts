import type { IncomingHttpHeaders } from 'node:http';
import { getRequestType, type Skill } from 'ask-sdk-core';
import { SkillRequestSignatureVerifier } from 'ask-sdk-express-adapter';
import type { RequestEnvelope } from 'ask-sdk-model';
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { CoachPort, LinkPort } from '../../app/turn.js';
import type { Logger } from '../../log.js';
import { createAlexaSkill } from './skill.js';

export interface AlexaRouterOptions {
  coach: CoachPort;
  link?: LinkPort;
  /** Erases a person when they disable the skill. */
  erase?: (personId: string) => Promise<void>;
  log: Logger;
  /** Check Amazon's request signature and timestamp. Only local testing turns this off. */
  verify: boolean;
  /** When set, requests for other skills are rejected. */
  skillId?: string;
  now?: () => Date;
}

/** What Amazon sends is a few kilobytes; body-parser's default limit, as the stock adapter had. */
const BODY_LIMIT_BYTES = 100 * 1024;
/** Amazon's tolerance for a request's timestamp, and the longer one for skill events (as TimestampVerifier). */
const REQUEST_TOLERANCE_MS = 150_000;
const SKILL_EVENT_TOLERANCE_MS = 3_600_000;
const SKILL_EVENTS = new Set([
  'AlexaSkillEvent.SkillEnabled',
  'AlexaSkillEvent.SkillDisabled',
  'AlexaSkillEvent.SkillPermissionChanged',
  'AlexaSkillEvent.SkillPermissionAccepted',
  'AlexaSkillEvent.SkillAccountLinked',
]);

/** The application id a request names, wherever the envelope carries it. */
function applicationIdOf(envelope: Record<string, any>): string | undefined {
  return envelope.context?.System?.application?.applicationId ?? envelope.session?.application?.applicationId;
}

export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The raw body as text, read once; over the limit is refused before it is all in memory. */
function readBody(req: Request): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) {
        // Nothing more is kept; the answer closes the connection (see send), which ends the upload.
        chunks.length = 0;
        reject(new Refusal(413, 'Request body too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The body parsed once, and turned away when the skill cannot use it: not JSON or not an Alexa envelope (a
 * request type and context.System, which the SDK reads before any handler) gets 400, another skill's
 * request gets 403.
 */
function envelopeOf(body: string, skillId: string | undefined): RequestEnvelope {
  let envelope: unknown;
  try {
    envelope = JSON.parse(body);
  } catch {
    envelope = undefined;
  }
  const { request, context } = (envelope ?? {}) as { request?: { type?: unknown }; context?: { System?: unknown } };
  if (typeof request?.type !== 'string' || typeof context?.System !== 'object' || context.System === null) {
    throw new Refusal(400, 'Bad request: not an Alexa request envelope');
  }
  if (skillId && applicationIdOf(envelope as Record<string, any>) !== skillId) {
    throw new Refusal(403, 'Forbidden: this endpoint serves another skill');
  }
  return envelope as RequestEnvelope;
}

/** Amazon's timestamp rule (TimestampVerifier's), read from the envelope already parsed. Exported for its tests. */
export function checkTimestamp(envelope: RequestEnvelope, now: number): void {
  const timestamp = envelope.request.timestamp;
  if (!timestamp) throw new Refusal(400, 'Request verification failed: Timestamp is not present in request');
  const at = new Date(timestamp).getTime();
  if (!(at + REQUEST_TOLERANCE_MS >= now)) {
    if (SKILL_EVENTS.has(getRequestType(envelope)) && at + SKILL_EVENT_TOLERANCE_MS >= now) return;
    throw new Refusal(400, 'Request verification failed: Timestamp verification failed');
  }
}

/** The signature over the raw body (ask-sdk-express-adapter's verifier: certificate URL, chain, RSA-SHA256). */
async function checkSignature(verifier: SkillRequestSignatureVerifier, body: string, headers: IncomingHttpHeaders, log: Logger): Promise<void> {
  try {
    await verifier.verify(body, headers);
  } catch (err) {
    // Why, in the log only: the verifier's words can be internal (a crypto or network error, the Node version).
    log.warn({ event: 'alexa.signature_refused', why: (err as Error).message }, 'alexa request signature refused');
    throw new Refusal(400, 'Request verification failed');
  }
}

function send(res: Response, status: number, type: string, body: string, close = false): void {
  // Written directly: no ETag over a response that is never requested twice.
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': Buffer.byteLength(body),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(body);
}

/**
 * POST / for Alexa: the body read and parsed once, checked (envelope, skill id, then Amazon's signature and
 * timestamp with ask-sdk-express-adapter's verifier), and dispatched to the skill. Mount with
 * `app.use('/alexa', alexaRouter(...))`, and never after a global body parser (it refuses to run after one, as
 * the stock adapter does).
 */
export function alexaRouter(options: AlexaRouterOptions): express.Router {
  const skill: Skill = createAlexaSkill({ coach: options.coach, link: options.link, erase: options.erase, log: options.log, skillId: options.skillId, now: options.now });
  if (!options.verify) {
    options.log.warn('ALEXA_VERIFY is off: Alexa request signatures and timestamps are not checked (local testing only)');
  }
  const verifier = options.verify ? new SkillRequestSignatureVerifier() : undefined;

  const handle: RequestHandler = async (req, res) => {
    if (req.body !== undefined) {
      send(res, 500, 'text/plain', 'Error in processing request. Do not register any parsers before using the adapter');
      return;
    }
    let envelope: RequestEnvelope;
    try {
      const body = await readBody(req);
      envelope = envelopeOf(body, options.skillId);
      if (verifier) {
        await checkSignature(verifier, body, req.headers, options.log);
        // Amazon's clock against the real one, whatever clock the app is given (tests move that one).
        checkTimestamp(envelope, Date.now());
      }
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      if (!res.headersSent) send(res, err.status, 'text/plain', err.message, err.status === 413);
      return;
    }
    let answer: string;
    try {
      answer = JSON.stringify(await skill.invoke(envelope));
    } catch (err) {
      // The skill's error handler answers every turn; this is a failure before it (the SDK itself).
      options.log.error({ err: (err as Error).message }, 'alexa dispatch failed');
      send(res, 500, 'text/plain', 'Skill dispatch failed');
      return;
    }
    send(res, 200, 'application/json', answer);
  };
  const router = express.Router();
  router.post('/', handle);
  return router;
}
