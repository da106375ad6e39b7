import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { CoachPort, CoachView, LinkPort, TurnRequest, TurnResult } from '../../app/turn.js';
import { Intent } from '../../core/intents.js';
import type { Expect, Reply } from '../../core/reply.js';
import { estimatedMinutes, type Routine } from '../../core/routine.js';
import type { Logger } from '../../log.js';
import { expectationOf, loadUnderstanding, type Understanding } from '../../language/index.js';
import { webCopyFor } from './copy.js';
import { refuse } from './guard.js';
import { HISTORY_LIMIT, historyView } from './history.js';
import { webPerson } from './person.js';

/** The JSON API the page talks to: the current moment, a turn, the routines, the history. */

export interface WebApiDeps {
  coach: CoachPort & CoachView & LinkPort;
  routines: readonly Routine[];
  log: Logger;
  now?: () => Date;
  /** The typed understanding (language/), made on the first words typed or said; default: loadUnderstanding. */
  understanding?: () => Understanding | Promise<Understanding>;
}

const EXPECTS = ['yesNo', 'yesNoUnsure', 'painScore', 'hurtKind', 'routine', 'command', 'nothing'] as const satisfies readonly Expect[];

/** A tap (an intent) or typed or spoken words (text, read against what the coach expects). */
const TurnBody = z
  .object({
    intent: Intent.optional(),
    text: z.string().trim().min(1).max(300).optional(),
    expect: z.enum(EXPECTS).optional(),
    /** The moment and end of the reply the words answer: with `expect`, what the coach is waiting for. */
    moment: z.string().max(40).optional(),
    end: z.boolean().optional(),
    /** The turn the button was drawn for: a stale or double tap changes nothing. */
    atTurn: z.number().int().nonnegative().optional(),
    locale: z.string().max(35).optional(),
    timeZone: z.string().max(64).optional(),
  })
  .strict()
  .refine((b) => (b.intent === undefined) !== (b.text === undefined), 'send either intent or text');

const LinkBody = z.object({ code: z.string().max(20) }).strict();

/** What the browser says about where the person is; ignored when it is not a real locale or zone. */
export function placeOf(locale: unknown, timeZone: unknown): Pick<TurnRequest, 'locale' | 'timeZone'> {
  const out: Pick<TurnRequest, 'locale' | 'timeZone'> = {};
  if (typeof locale === 'string' && locale.length <= 35) {
    try {
      const [canonical] = Intl.getCanonicalLocales(locale);
      if (canonical) out.locale = canonical;
    } catch {
      // Not a locale: the profile keeps its own.
    }
  }
  if (typeof timeZone === 'string' && timeZone.length <= 64) {
    try {
      out.timeZone = new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
    } catch {
      // Not a zone.
    }
  }
  return out;
}

/** A turn's result as the page reads it: the reply and the turn number, never the profile. */
function forPage(result: TurnResult) {
  const wantsReminder = result.effects.some((e) => e.type === 'scheduleReminder');
  return {
    reply: result.reply,
    turn: result.turn,
    stale: result.stale,
    ...(wantsReminder ? { notice: webCopyFor(result.profile.locale).noReminders } : {}),
  };
}

/** A turn is a few dozen bytes; a link code fewer. */
const BODY_LIMIT = '2kb';

export function webApi(deps: WebApiDeps): Router {
  const api = express.Router();
  // Parsed here, so a body that is too large or not JSON reaches this router's error handler below.
  api.use(express.json({ limit: BODY_LIMIT }));
  const now = deps.now ?? (() => new Date());
  const routineList = deps.routines.map((r) => ({
    id: r.id,
    title: r.title,
    summary: r.summary,
    level: r.level,
    minutes: estimatedMinutes(r),
    equipment: r.equipment.map((e) => ({ name: e.name, optional: e.optional, substitutes: e.substitutes })),
  }));

  const understanding = deps.understanding ?? (() => loadUnderstanding(deps.routines));
  /** Words as the typed understanding reads them; if it cannot be made, words not understood (the coach helps). */
  async function understand(text: string, last: Parameters<typeof expectationOf>[0]): Promise<Intent> {
    try {
      return (await understanding()).understand(text, expectationOf(last), now());
    } catch (err) {
      deps.log.warn({ event: 'web.understanding_unavailable', err: err instanceof Error ? err.message : String(err) });
      return { type: 'unknown', text };
    }
  }

  api.get('/routines', (_req, res) => {
    res.json({ routines: routineList });
  });

  api.get('/coach', async (req, res, next) => {
    try {
      const { personId } = webPerson(req, res);
      const result = await deps.coach.current({ personId, surface: 'web', ...placeOf(req.query.locale, req.query.timeZone) });
      res.json(forPage(result));
    } catch (err) {
      next(err);
    }
  });

  api.post('/coach', async (req, res, next) => {
    if (!req.is('application/json')) return refuse(res, 415, 'send JSON (Content-Type: application/json)');
    const body = TurnBody.safeParse(req.body);
    if (!body.success) return refuse(res, 400, `bad turn: ${body.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
    try {
      const { personId } = webPerson(req, res);
      const { intent, text, expect, moment, end, atTurn, locale, timeZone } = body.data;
      const result = await deps.coach.handle({
        personId,
        surface: 'web',
        intent: intent ?? (await understand(text!, { expect: expect ?? 'command', moment: (moment ?? 'choosing') as Reply['moment'], end: end ?? false })),
        ...(atTurn !== undefined ? { atTurn } : {}),
        ...placeOf(locale, timeZone),
      });
      res.json(forPage(result));
    } catch (err) {
      next(err);
    }
  });

  api.get('/history', async (req, res, next) => {
    try {
      const { personId } = webPerson(req, res);
      const [history, profile] = await Promise.all([deps.coach.history(personId, HISTORY_LIMIT), deps.coach.getProfile(personId)]);
      const zone = placeOf(undefined, req.query.timeZone).timeZone ?? profile?.timeZone;
      res.json(historyView(history, deps.routines, now(), zone));
    } catch (err) {
      next(err);
    }
  });

  // Linking: this device shows a code to enter elsewhere, or takes a code shown elsewhere (Alexa, Slack, another device).
  api.post('/link/code', async (req, res, next) => {
    try {
      const { personId } = webPerson(req, res);
      const issued = await deps.coach.issueLinkCode(personId);
      res.json({ code: issued.shown, expiresAt: issued.expiresAt.toISOString(), minutes: issued.minutes });
    } catch (err) {
      next(err);
    }
  });

  api.post('/link', async (req, res, next) => {
    if (!req.is('application/json')) return refuse(res, 415, 'send JSON (Content-Type: application/json)');
    const body = LinkBody.safeParse(req.body);
    if (!body.success) return refuse(res, 400, 'send { "code": "123-456" }');
    try {
      const { personId } = webPerson(req, res);
      res.json(await deps.coach.redeemLinkCode(personId, body.data.code));
    } catch (err) {
      next(err);
    }
  });

  api.use((_req, res) => refuse(res, 404, 'no such API'));
  api.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') return refuse(res, 413, 'request too large');
    if (type === 'entity.parse.failed') return refuse(res, 400, 'request body is not JSON');
    if (type === 'charset.unsupported' || type === 'encoding.unsupported') return refuse(res, 415, 'send UTF-8 JSON');
    // Any other body the parser could not read (a gzip that does not inflate): the client's fault, said plainly.
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) return refuse(res, status, 'request body could not be read');
    deps.log.error({ event: 'web.request_failed', path: req.path, err: err instanceof Error ? err.message : String(err) });
    refuse(res, 503, 'Something went wrong there. Please try again.');
  });
  return api;
}
