import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../../src/log.js';

/** A debug logger that keeps its lines, for tests of what is (and is not) logged. */
export function logSink(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('debug', stream), lines };
}
