import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Health data (screening answers, pain scores) and secrets never reach the log: these paths are censored
 * wherever they appear, as a second line of defence behind not logging them at all.
 */
export const REDACTED_PATHS = [
  'screening',
  '*.screening',
  'answers',
  '*.answers',
  'painBefore',
  'painAfter',
  '*.painBefore',
  '*.painAfter',
  'score',
  '*.score',
  'intent.score',
  'token',
  '*.token',
  'headers.authorization',
  'req.headers.authorization',
];

export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}
