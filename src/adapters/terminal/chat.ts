import type { CoachPort } from '../../app/turn.js';
import type { Reply } from '../../core/reply.js';
import { expectationOf, type Understanding } from '../../language/index.js';
import { speechText } from '../../core/reply.js';

/**
 * The conversation in a terminal: a line in, the coach's reply out. The same core and service as the
 * voice and chat surfaces; holds are waited out only when a person is watching (a TTY).
 */
export interface ChatOptions {
  coach: CoachPort;
  personId: string;
  locale?: string;
  timeZone?: string;
  write: (text: string) => void;
  /** Wait out holds, printing cues at their times (interactive use). */
  waitHolds?: boolean;
  /** Abort a hold early (a new line arrived). */
  signal?: AbortSignal;
  /** Told when a turn fails; the chat says sorry and goes on. */
  onError?: (err: unknown) => void;
  /** The typed understanding (language/). */
  understanding: Understanding;
}

export class TerminalChat {
  private last: Reply | undefined;

  constructor(private readonly options: ChatOptions) {}

  /** Opens the conversation, as "Alexa, open Back Break" would. */
  async open(): Promise<Reply> {
    return this.send({ type: 'launch' });
  }

  /**
   * One typed line: its reply, already written out. A failed turn (the store went away, say) is
   * apologised for and the chat goes on: undefined, and the next line may work.
   */
  async line(text: string): Promise<Reply | undefined> {
    try {
      const { understanding } = this.options;
      const expect = expectationOf(this.last);
      const intent = understanding.understand(text, expect);
      return await this.send(intent);
    } catch (err) {
      this.options.onError?.(err);
      this.options.write('coach › Sorry, something went wrong there. Please try again.');
      return undefined;
    }
  }

  private async send(intent: Parameters<CoachPort['handle']>[0]['intent']): Promise<Reply> {
    const { coach, personId, locale, timeZone } = this.options;
    const result = await coach.handle({ personId, surface: 'terminal', intent, ...(locale ? { locale } : {}), ...(timeZone ? { timeZone } : {}) });
    // After an ended conversation, the next line is read as a new start (see expectationOf).
    this.last = result.reply;
    this.render(result.reply);
    if (result.reply.hold && this.options.waitHolds) await this.waitHold(result.reply.hold);
    return result.reply;
  }

  private render(reply: Reply): void {
    const { write } = this.options;
    const d = reply.display;
    if (reply.moment === 'step' && d.position) {
      const parts = [`Step ${d.position.index} of ${d.position.total}`, d.side && `${d.side} side`, d.holdText].filter(Boolean);
      write(`── ${d.title} · ${parts.join(' · ')}`);
    }
    write(`coach › ${speechText(reply)}`);
    const labels = reply.choices.filter((c) => c.intent.type !== 'painScore').map((c) => c.label);
    if (reply.expect === 'painScore') labels.unshift('0-10');
    if (labels.length > 0 && !reply.end) write(`        (${labels.join(' · ')})`);
    if (reply.hold && !this.options.waitHolds) write(`        [hold ${reply.hold.seconds} s] ${reply.hold.closing}`);
  }

  private async waitHold(hold: NonNullable<Reply['hold']>): Promise<void> {
    let elapsed = 0;
    for (const cue of [...hold.cues, { at: hold.seconds, text: hold.closing }]) {
      const ok = await sleep((cue.at - elapsed) * 1000, this.options.signal);
      if (!ok) return;
      elapsed = cue.at;
      this.options.write(`coach › ${cue.text}`);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => resolve(true), Math.max(0, ms));
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve(false);
    }, { once: true });
  });
}
