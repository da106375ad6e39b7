import type { Copy } from './copy/en.js';
import type { Draft } from './draft.js';
import type { Intent, IntentType } from './intents.js';
import type { Choice, Display, Expect, HoldTimer } from './reply.js';
import type { In, State, StateMoment } from './session.js';

/**
 * The shape of the conversation table (conversation.ts): what a moment is made of, and how a transition is
 * written. Handlers change data and return the moment to enter; the reply is rendered once, from it.
 */

export type IntentOf<K extends IntentType> = Extract<Intent, { type: K }>;

/** A moment asked again without entering anything new: after help, a side remark, an answer not understood. */
export interface Again {
  again: State;
  /** A step reminds of the commands instead of presenting itself again. */
  brief?: boolean;
}

/** What a handler decides: the moment to enter (one of its `to`), or a moment asked again. */
export type Outcome<To extends StateMoment = StateMoment> = In<To> | Again;

export interface Transition<S, K extends IntentType, To extends StateMoment> {
  /** Every moment this may enter (the diagram is drawn from these; the compiler holds `go` to them). */
  readonly to: readonly To[];
  /** Undefined passes the intent on: to the anywhere table, then the moment's `otherwise`. */
  go(d: Draft, s: S, intent: IntentOf<K>): Outcome<To> | undefined;
}

/** A transition to one of `targets`. */
export function to<To extends StateMoment, S, K extends IntentType>(
  targets: readonly To[],
  go: (d: Draft, s: S, intent: IntentOf<K>) => Outcome<To> | undefined,
): Transition<S, K, To> {
  return { to: targets, go };
}

/** How a moment is said: on entering it, asked again, or briefly (a step: "say next when you're ready"). */
export type How = 'enter' | 'again' | 'brief';

/** What a moment shows; the words said on the way there come first. */
export interface Shown {
  display: Display;
  choices?: Choice[];
  /** Asked again when the person says nothing (dropped when the moment ends the conversation). */
  reprompt: string;
  hold?: HoldTimer;
}

export interface MomentSpec<M extends StateMoment> {
  /** What the coach waits for (adapters read a bare "yes" or "7" by it); 'nothing': entering it closes the conversation. */
  expects: Expect;
  /** What "help" says here. */
  help: keyof Copy['help'];
  /** Entering it ends the conversation (the session rests; the person comes back later). */
  ends?(d: Draft, s: In<M>): boolean;
  /** Speaks and shows the moment. */
  says(d: Draft, s: In<M>, how: How): Shown;
  /** What saying the moment leaves in the session (a step's cautions are said once a run). */
  said?(d: Draft, s: In<M>): In<M>;
  /** Transitions by intent, tried before the anywhere table. */
  on: { [K in IntentType]?: Transition<In<M>, K, StateMoment> };
  /** Whatever neither `on` nor the anywhere table took; by default "didn't catch that", help, the moment again. */
  otherwise?: Transition<In<M>, IntentType, StateMoment>;
  /** A closing moment: where the next turn may start (the session rests there; see coach.ts). */
  next?: readonly StateMoment[];
}

/** Transitions that work in every moment, by intent. */
export type Everywhere = { [K in IntentType]?: Transition<State, K, StateMoment> };

export interface Conversation {
  /** Where a person with no session starts. */
  start: StateMoment;
  /** Tried before any moment's own transitions: nothing a moment says may overrule these. */
  safety: Everywhere;
  moments: { [M in StateMoment]: MomentSpec<M> };
  /** Tried after a moment's own transitions. */
  anywhere: Everywhere;
}

/**
 * Any moment's spec as the engine calls it, with the state it holds. Handlers are declared as methods, so
 * a moment's spec, written against its own state, is one of these without a cast.
 */
export interface AnySpec {
  expects: Expect;
  help: keyof Copy['help'];
  ends?(d: Draft, s: State): boolean;
  says(d: Draft, s: State, how: How): Shown;
  said?(d: Draft, s: State): State;
  on: { [K in IntentType]?: AnyTransition };
  otherwise?: AnyTransition;
  next?: readonly StateMoment[];
}

export interface AnyTransition {
  readonly to: readonly StateMoment[];
  go(d: Draft, s: State, intent: Intent): Outcome | undefined;
}

/** The transition a moment takes for an intent: safety first, then the moment's own, then anywhere, then `otherwise`. */
export function take(c: Conversation, d: Draft, s: State, intent: Intent): Outcome | undefined {
  const spec: AnySpec = c.moments[s.moment];
  const tables: Array<{ [K in IntentType]?: AnyTransition }> = [c.safety, spec.on, c.anywhere];
  for (const table of tables) {
    const outcome = table[intent.type]?.go(d, s, intent);
    if (outcome) return outcome;
  }
  return spec.otherwise?.go(d, s, intent);
}
