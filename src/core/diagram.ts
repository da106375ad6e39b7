import { MOMENTS, type StateMoment } from './session.js';
import type { AnyTransition, Conversation } from './table.js';

/**
 * The conversation table as a graph, and as a Mermaid state diagram (npm run conversation:diagram, and the
 * README). Drawn from the table's transitions, never by hand.
 */

export interface Edge {
  from: StateMoment | 'safety' | 'anywhere';
  to: StateMoment;
  intents: string[];
}

type Table = { [intent: string]: AnyTransition | undefined };

function edgesOf(from: Edge['from'], table: Table, into: Map<string, Edge>): void {
  for (const [intent, transition] of Object.entries(table)) {
    for (const to of transition?.to ?? []) {
      const key = `${from}>${to}`;
      const edge = into.get(key) ?? { from, to, intents: [] };
      if (!edge.intents.includes(intent)) edge.intents.push(intent);
      into.set(key, edge);
    }
  }
}

/** Every transition of the table, one edge per pair of moments with the intents that take it. */
export function edges(conversation: Conversation): Edge[] {
  const all = new Map<string, Edge>();
  edgesOf('safety', conversation.safety, all);
  for (const moment of MOMENTS) {
    const spec = conversation.moments[moment];
    const on: Table = { ...spec.on, ...(spec.otherwise ? { anything: spec.otherwise } : {}) };
    edgesOf(moment, on, all);
    for (const to of spec.next ?? []) edgesOf(moment, { 'next time': { to: [to], go: () => undefined } }, all);
  }
  edgesOf('anywhere', conversation.anywhere, all);
  return [...all.values()];
}

/** Moments where the conversation may close. */
export function endings(conversation: Conversation): StateMoment[] {
  return MOMENTS.filter((moment) => {
    const spec = conversation.moments[moment];
    return spec.expects === 'nothing' || spec.ends !== undefined;
  });
}

/** Side questions return to the moment they interrupted. */
const RETURNS: Partial<Record<StateMoment, string>> = { forget: 'no', reminder: 'set, or no' };

export function mermaid(conversation: Conversation): string {
  const lines = [
    'stateDiagram-v2',
    '  state "any moment, before its own transitions" as safety',
    '  state "any moment, after its own transitions" as anywhere',
    '  state "the moment it interrupted" as interrupted',
    `  [*] --> ${conversation.start}`,
  ];
  for (const edge of edges(conversation)) lines.push(`  ${edge.from} --> ${edge.to}: ${edge.intents.join(', ')}`);
  for (const [moment, label] of Object.entries(RETURNS)) lines.push(`  ${moment} --> interrupted: ${label}`);
  for (const moment of endings(conversation)) lines.push(`  ${moment} --> [*]`);
  return lines.join('\n');
}
