import type { IncomingMessage } from 'node:http';
import type { RequestHandler, Response } from 'express';

/**
 * What stands before bolt on POST /slack/events: the request must look signed (a v0 signature and a timestamp
 * within Slack's five minutes) before a byte of its body is read, and the body is read only up to a small
 * limit; bolt then checks the signature over it (req.rawBody) and parses it. Bolt alone reads up to 4 MB of
 * anyone's body before it checks anything (150 held connections cost 375 MB).
 */

/**
 * What Slack sends us is a few kilobytes: a button press on the App Home carries the whole view back (about
 * 9 KB form-encoded with the six routines; test/http/limits.test.ts keeps it under half of this).
 */
export const SLACK_BODY_LIMIT_BYTES = 64 * 1024;
/** Slack's own rule: a request older than five minutes is refused; one as far in the future is no better. */
const TIMESTAMP_TOLERANCE_S = 5 * 60;
const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{1,12}$/;

class TooLarge extends Error {}

/** The raw body, refused as soon as it passes `limit` (nothing more is kept). */
export function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks, size));
    });
    req.on('error', reject);
  });
}

/** No body, and the connection closed after the answer: whatever the client still sends is never read. */
function turnAway(res: Response, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-length': 0, connection: 'close' });
  res.end();
}

/**
 * Slack sends a JSON object, or a form whose `payload` (when it has one) is a JSON object; bolt answers 500 to
 * a signed `null` in either. Only the first character is looked at: bolt parses it.
 */
function shapedLikeSlack(text: string, contentType: string | undefined): boolean {
  if (contentType?.startsWith('application/json')) return /^\s*\{/.test(text);
  const payload = new URLSearchParams(text).get('payload');
  return payload === null || /^\s*\{/.test(payload);
}

export function slackRequestGate(now: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const signature = req.get('x-slack-signature');
    const timestamp = req.get('x-slack-request-timestamp');
    const at = timestamp !== undefined && TIMESTAMP.test(timestamp) ? Number(timestamp) : Number.NaN;
    if (signature === undefined || !SIGNATURE.test(signature) || !(Math.abs(now() / 1000 - at) <= TIMESTAMP_TOLERANCE_S)) {
      return turnAway(res, 401);
    }
    const declared = Number(req.get('content-length'));
    if (declared > SLACK_BODY_LIMIT_BYTES) return turnAway(res, 413);
    readLimited(req, SLACK_BODY_LIMIT_BYTES).then(
      (body) => {
        const text = body.toString('utf8');
        if (!shapedLikeSlack(text, req.get('content-type'))) return turnAway(res, 400);
        // Bolt's receiver takes a body already read from here (it was made for hosts that read it first).
        (req as IncomingMessage & { rawBody?: string }).rawBody = text;
        next();
      },
      (err: unknown) => turnAway(res, err instanceof TooLarge ? 413 : 400),
    );
  };
}
