import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log.js';

/** Bolt's logger interface over our pino logger; arguments become strings (no request bodies, no objects). */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : describe(a))).join(' ');
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: (...args) => child.debug(text(args)),
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
