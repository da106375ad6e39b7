import { ExpressAdapter } from 'ask-sdk-express-adapter';
import express, { type RequestHandler } from 'express';
import type { CoachPort } from '../../app/turn.js';
import type { Logger } from '../../log.js';
import { createAlexaSkill } from './skill.js';

export interface AlexaRouterOptions {
  coach: CoachPort;
  log: Logger;
  /** Check Amazon's request signature and timestamp. Only local testing turns this off. */
  verify: boolean;
  /** When set, requests for other skills are rejected. */
  skillId?: string;
  now?: () => Date;
}

/** The application id a request names, wherever the envelope carries it. */
function applicationIdOf(envelope: Record<string, any>): string | undefined {
  return envelope.context?.System?.application?.applicationId ?? envelope.session?.application?.applicationId;
}

/**
 * Turns away what the skill cannot use before it is dispatched: a body that is not JSON or not an Alexa
 * envelope (a request type and context.System, which the SDK reads before any handler) gets 400 (the stock
 * adapter answers 500 for both), another skill's request gets 403.
 */
function envelopeGuard(skillId: string | undefined): RequestHandler {
  return (req, res, next) => {
    let envelope: unknown;
    try {
      envelope = typeof req.body === 'string' ? JSON.parse(req.body) : undefined;
    } catch {
      envelope = undefined;
    }
    const { request, context } = (envelope ?? {}) as { request?: { type?: unknown }; context?: { System?: unknown } };
    if (typeof request?.type !== 'string' || typeof context?.System !== 'object' || context.System === null) {
      res.status(400).type('text/plain').send('Bad request: not an Alexa request envelope');
      return;
    }
    if (skillId && applicationIdOf(envelope as Record<string, any>) !== skillId) {
      res.status(403).type('text/plain').send('Forbidden: this endpoint serves another skill');
      return;
    }
    next();
  };
}

/**
 * POST / for Alexa: ask-sdk-express-adapter's handlers (no-parser guard, raw text body, verification and
 * dispatch) with our envelope guard between the body parser and the dispatch. Mount with
 * `app.use('/alexa', alexaRouter(...))`, and never after a global body parser.
 */
export function alexaRouter(options: AlexaRouterOptions): express.Router {
  const skill = createAlexaSkill({ coach: options.coach, log: options.log, skillId: options.skillId, now: options.now });
  if (!options.verify) {
    options.log.warn('ALEXA_VERIFY is off: Alexa request signatures and timestamps are not checked (local testing only)');
  }
  const handlers = new ExpressAdapter(skill, options.verify, options.verify).getRequestHandlers();
  if (handlers.length !== 3) throw new Error(`ask-sdk-express-adapter changed: expected 3 request handlers, got ${handlers.length}`);
  const [noParserGuard, textBody, verifyAndDispatch] = handlers as [RequestHandler, RequestHandler, RequestHandler];
  const router = express.Router();
  router.post('/', noParserGuard, textBody, envelopeGuard(options.skillId), verifyAndDispatch);
  return router;
}
