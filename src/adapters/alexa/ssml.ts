import type { HoldTimer, Reply, Segment } from '../../core/reply.js';

/**
 * Renders a reply's speech as SSML for Alexa. Pure: no SDK, no I/O.
 *
 * Alexa limits (platform-facts.md): one <break> is at most 10 s, outputSpeech stays under 8,000 characters.
 * A hold is played inside the response as chained breaks with its cues at their times, then its closing line,
 * so the person hears the whole pose hands-free and the microphone opens only when the hold is over.
 */

export const MAX_BREAK_SECONDS = 10;
/** Amazon's limit is 8,000 characters of outputSpeech; stay a little under it. */
export const MAX_SSML_CHARS = 7_900;
/**
 * The longest silence one response plays (design choice): a longer hold is cut here and the closing line
 * asks for "next" when ready, so the session never sits in a pose longer than a person would wait.
 */
export const MAX_HOLD_SECONDS = 240;
/** Speaking pace used to keep cues on time: about 14 characters a second. */
const CHARS_PER_SECOND = 14;

export interface SpeechOptions {
  /** Replaces the hold's closing when the hold had to be cut short. */
  cutClosing: string;
  maxChars?: number;
  maxHoldSeconds?: number;
}

export interface RenderedSpeech {
  /** The full document, `<speak>...</speak>`. */
  ssml: string;
  /** Seconds of silence played for the hold (0 without a hold). */
  holdSeconds: number;
  /** The hold was longer than one response may play. */
  holdCut: boolean;
}

/** Escapes text for an XML text node; drops characters XML 1.0 forbids. */
export function escapeText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function breakTag(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  return ms % 1000 === 0 ? `<break time="${ms / 1000}s"/>` : `<break time="${ms}ms"/>`;
}

/** Silence as chained breaks of at most 10 s each. */
export function silence(seconds: number): string {
  let left = Math.max(0, Math.round(seconds * 1000) / 1000);
  const parts: string[] = [];
  while (left > 0.0005) {
    const chunk = Math.min(MAX_BREAK_SECONDS, left);
    parts.push(breakTag(chunk));
    left = Math.round((left - chunk) * 1000) / 1000;
  }
  return parts.join('');
}

function sentence(text: string): string {
  const t = text.trim();
  return t ? `<s>${escapeText(t)}</s>` : '';
}

export function renderSegments(segments: Segment[]): string {
  return segments.map((s) => (s.kind === 'say' ? sentence(s.text) : silence(s.seconds))).join('');
}

/** About how long Alexa takes to say a text, in seconds. */
export function speakingSeconds(text: string): number {
  return Math.ceil(text.trim().length / CHARS_PER_SECOND);
}

/**
 * The hold's timeline: silence, each cue at its time (its own speaking time taken from the silence after it),
 * then the closing line. Cues past the end of what is played are dropped.
 */
export function renderHold(hold: HoldTimer, playSeconds: number, closing: string): string {
  const cues = [...hold.cues].filter((c) => c.at >= 0 && c.at < playSeconds).sort((a, b) => a.at - b.at);
  let t = 0;
  let out = '';
  for (const cue of cues) {
    if (cue.at < t) continue; // the previous cue is still being spoken
    out += silence(cue.at - t) + sentence(cue.text);
    t = cue.at + speakingSeconds(cue.text);
  }
  out += silence(Math.max(0, playSeconds - t));
  return out + sentence(closing);
}

/** Renders a reply's speech and hold as one SSML document within Alexa's limits. */
export function renderSpeech(reply: Pick<Reply, 'speech' | 'hold'>, options: SpeechOptions): RenderedSpeech {
  const maxChars = options.maxChars ?? MAX_SSML_CHARS;
  const maxHold = options.maxHoldSeconds ?? MAX_HOLD_SECONDS;
  const wrap = (body: string) => `<speak>${body}</speak>`;
  let head = renderSegments(reply.speech);
  const hold = reply.hold;
  if (!hold) return { ssml: wrap(fitText(head, maxChars - wrap('').length)), holdSeconds: 0, holdCut: false };

  let play = Math.max(0, Math.min(hold.seconds, maxHold));
  let cut = hold.seconds > maxHold;
  const closing = () => (cut ? options.cutClosing : hold.closing);
  let body = head + renderHold(hold, play, closing());
  if (wrap(body).length <= maxChars) return { ssml: wrap(body), holdSeconds: play, holdCut: cut };

  // Over the limit: keep the instructions and the closing, drop the cues, then shorten the silence.
  const budget = maxChars - wrap('').length;
  body = head + silence(play) + sentence(closing());
  if (body.length <= budget) return { ssml: wrap(body), holdSeconds: play, holdCut: cut };
  cut = true;
  const tail = sentence(closing());
  const perBreak = breakTag(MAX_BREAK_SECONDS).length;
  head = fitText(head, budget - tail.length - perBreak);
  const affordable = Math.max(0, Math.floor((budget - head.length - tail.length) / perBreak)) * MAX_BREAK_SECONDS;
  play = Math.min(play, affordable);
  body = head + silence(play) + tail;
  return { ssml: wrap(body), holdSeconds: play, holdCut: cut };
}

/** Cuts rendered segments at the last whole sentence or break that fits. */
function fitText(rendered: string, max: number): string {
  if (rendered.length <= max) return rendered;
  const pieces = rendered.match(/<s>.*?<\/s>|<break [^>]*\/>/g) ?? [];
  let out = '';
  for (const piece of pieces) {
    if (out.length + piece.length > max) break;
    out += piece;
  }
  return out;
}

/** One line of plain text as an SSML document (reprompts, the adapter's own short answers). */
export function plainSsml(text: string): string {
  return `<speak>${sentence(text)}</speak>`;
}
