import type { Intent } from './intents.js';
import type { Side } from './routine.js';
import type { StateMoment } from './session.js';

/**
 * What the coach answers, as data. Adapters render it: SSML for Alexa, Block Kit for Slack, text in a terminal.
 */

/** One piece of speech, in order. */
export type Segment =
  | { kind: 'say'; text: string }
  /** Silence, in seconds (an adapter may split it: Alexa breaks are at most 10 s). */
  | { kind: 'pause'; seconds: number };

/** A cue spoken during a hold, `at` seconds after the hold begins. */
export interface Cue {
  at: number;
  text: string;
}

/** Time the person spends in a pose before the step is done: for hands-free advance. */
export interface HoldTimer {
  seconds: number;
  cues: Cue[];
  /** Said when the hold ends ("Release. Say next when you're ready."). */
  closing: string;
  /** Identifies the step and side; a `timerElapsed` for another key is stale. */
  stepKey: string;
}

/** What the screen shows (Echo Show, Slack message, terminal header). */
export interface Display {
  title: string;
  /** e.g. the step's name */
  heading?: string;
  /** The step's instructions or the question, as plain text. */
  body: string;
  /** 1-based position of the step and the count of steps. */
  position?: { index: number; total: number };
  side?: Side;
  /** "5 breaths", "10 reps", "60 seconds" */
  holdText?: string;
  equipment?: string[];
}

export interface Choice {
  label: string;
  intent: Intent;
  style?: 'primary' | 'danger';
  /** Ask "are you sure?" before sending (Slack confirm dialog). */
  confirm?: string;
}

/** What answer the coach waits for, so adapters can map a bare "yes" or "7" well: each moment's `expects`. */
export type Expect = 'yesNo' | 'yesNoUnsure' | 'painScore' | 'hurtKind' | 'routine' | 'command' | 'nothing';

/**
 * Where the person is: a moment of the conversation table (src/core/conversation.ts), or `busy` when the
 * application could not run the turn because another device held the session.
 */
export type Moment = StateMoment | 'busy';

interface Shown {
  moment: Moment;
  speech: Segment[];
  display: Display;
  choices: Choice[];
  hold?: HoldTimer;
}

/** A reply that leaves the conversation open always says what to ask again when the person says nothing. */
export interface OpenReply extends Shown {
  end: false;
  expect: Exclude<Expect, 'nothing'>;
  /** Asked again when the person says nothing. */
  reprompt: string;
}

/** The conversation is over; adapters close the session. */
export interface ClosingReply extends Shown {
  end: true;
  expect: 'nothing';
  reprompt?: undefined;
}

export type Reply = OpenReply | ClosingReply;

/** The reply's speech as plain text, for terminals, logs of tests and Slack fallbacks. */
export function speechText(reply: Pick<Reply, 'speech'>): string {
  return reply.speech
    .filter((s): s is Extract<Segment, { kind: 'say' }> => s.kind === 'say')
    .map((s) => s.text)
    .join(' ');
}
