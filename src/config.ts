import { z } from 'zod';

/** The environment, read once and validated; a bad value stops the server with the variable's name. */
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/|memory:$)/, 'must be sqlite:<file>, postgres://... or memory:')
    .default('sqlite:./data/back-break.db'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ALEXA_SKILL_ID: z.string().startsWith('amzn1.ask.skill.').optional(),
  ALEXA_VERIFY: flag.default(true),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token (xoxb-...)').optional(),
  SLACK_API_URL: z.string().url().optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(8000),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  /** After SIGTERM or SIGINT, the process exits by then whatever is still open (readConfig: 8000). */
  shutdownTimeoutMs?: number;
  alexa: { skillId?: string; verify: boolean };
  /** Absent when Slack is not configured: Slack is off. */
  slack?: { signingSecret: string; botToken: string; apiUrl?: string };
}

export class ConfigError extends Error {
  constructor(readonly variables: string[], message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as a shell `FOO=` usually means.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const vars = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
    const lines = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(vars, `bad configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const slackVars = [e.SLACK_SIGNING_SECRET, e.SLACK_BOT_TOKEN];
  if (slackVars.some(Boolean) && !slackVars.every(Boolean)) {
    const missing = e.SLACK_SIGNING_SECRET ? 'SLACK_BOT_TOKEN' : 'SLACK_SIGNING_SECRET';
    throw new ConfigError([missing], `bad configuration:\n  ${missing}: required when the other Slack variable is set`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    alexa: { skillId: e.ALEXA_SKILL_ID, verify: e.ALEXA_VERIFY },
    slack:
      e.SLACK_SIGNING_SECRET && e.SLACK_BOT_TOKEN
        ? { signingSecret: e.SLACK_SIGNING_SECRET, botToken: e.SLACK_BOT_TOKEN, apiUrl: e.SLACK_API_URL }
        : undefined,
  };
}
