import type { Reply } from '../core/reply.js';
import type { Routine } from '../core/routine.js';
import { loadCorpus } from './corpus.js';
import { loadClassifier } from './model.js';
import { type Expectation, Understanding } from './understand.js';

/** The typed understanding, made once per catalogue of routines (the model is loaded, never trained; model.ts). */
const made = new WeakMap<readonly Routine[], Understanding>();

export function loadUnderstanding(routines: readonly Routine[]): Understanding {
  let understanding = made.get(routines);
  if (!understanding) {
    understanding = new Understanding(loadClassifier(routines), loadCorpus('en', { overlays: 'all' }), routines);
    made.set(routines, understanding);
  }
  return understanding;
}

/**
 * What the coach waits for, read off its last reply: the reminder question wants a time; after an ended
 * conversation, the next words start a new one (a routine, most likely).
 */
export function expectationOf(reply: Pick<Reply, 'expect' | 'moment' | 'end'> | undefined): Expectation {
  if (!reply || reply.end) return 'routine';
  if (reply.moment === 'reminder' && reply.expect === 'command') return 'time';
  return reply.expect === 'nothing' ? 'command' : reply.expect;
}

export { Understanding, type Expectation };
