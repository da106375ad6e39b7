import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log.js';

/**
 * Bolt's logger interface over our pino logger. Bolt and the Web API client log whole request and response
 * bodies at debug (the coach's words, button values with pain scores), so debug lines are dropped, and the
 * others are cut before the first JSON they carry: what is left is the library's own sentence.
 */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  const text = (args: unknown[]) => sentenceOnly(args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : describe(a))).join(' '));
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: () => undefined,
    info: (...args) => child.info(text(args)),
    warn: (...args) => child.warn(text(args)),
    error: (...args) => child.error(text(args)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

function describe(value: unknown): string {
  const code = (value as { code?: unknown })?.code;
  return typeof code === 'string' ? `[${code}]` : `[${typeof value}]`;
}

/** The text before any JSON or body it quotes, at most 200 characters. */
export function sentenceOnly(text: string): string {
  const cut = text.search(/[{[]|body:/);
  return (cut === -1 ? text : text.slice(0, cut)).slice(0, 200).trimEnd();
}
