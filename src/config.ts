import { z } from 'zod';

/** The environment, read once and validated; a bad value stops the server with the variable's name. */
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/** Status emoji that hold a Slack reminder back unless SLACK_BUSY_STATUS_EMOJI says otherwise. */
export const DEFAULT_BUSY_STATUS_EMOJI = [':calendar:', ':spiral_calendar_pad:', ':headphones:'] as const;

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
  LOG_PSEUDONYM_KEY: z.string().min(32, 'must be at least 32 characters (for example: openssl rand -hex 32)').optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(8000),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token (xapp-...)').optional(),
  SLACK_CLIENT_ID: z.string().regex(/^\d+\.\d+$/, 'must be the app\'s client id (digits.digits)').optional(),
  SLACK_CLIENT_SECRET: z.string().min(1).optional(),
  SLACK_STATE_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  SLACK_REDIRECT_URI: z.string().url().optional(),
  SLACK_BUSY_STATUS_EMOJI: z
    .string()
    .regex(/^\s*:[a-z0-9_+'-]+:\s*(,\s*:[a-z0-9_+'-]+:\s*)*$/, 'must be status emoji like :calendar:,:headphones:')
    .default(DEFAULT_BUSY_STATUS_EMOJI.join(',')),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  /**
   * The key of the people's pseudonyms in logs (HMAC). Required with PostgreSQL and on Lambda, where many
   * instances must agree; on the embedded SQLite default one is made once and kept beside the database.
   */
  logPseudonymKey?: string;
  /** After SIGTERM or SIGINT, the process exits by then whatever is still open (readConfig: 8000). */
  shutdownTimeoutMs?: number;
  alexa: { skillId?: string; verify: boolean };
  /** Absent when Slack is not configured: Slack is off. */
  slack?: SlackConfig;
}

/**
 * How Slack reaches us: over HTTP (`signingSecret`) or Socket Mode (`appToken`, no public URL); and whose
 * token speaks: one workspace (`botToken`) or every workspace that installs the app (`oauth`).
 */
export interface SlackConfig {
  signingSecret?: string;
  appToken?: string;
  botToken?: string;
  oauth?: { clientId: string; clientSecret: string; stateSecret: string; redirectUri?: string };
  apiUrl?: string;
  /** Status emoji that mean "busy, hold the break" (default :calendar:, :spiral_calendar_pad:, :headphones:). */
  busyStatusEmoji?: string[];
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
  const slack = slackConfig(e);
  if (!e.LOG_PSEUDONYM_KEY && /^postgres(ql)?:/.test(e.DATABASE_URL)) {
    refuse(['LOG_PSEUDONYM_KEY'], 'required with PostgreSQL, so every instance writes the same pseudonyms in its logs (openssl rand -hex 32)');
  }
  if (!e.LOG_PSEUDONYM_KEY && present.AWS_LAMBDA_FUNCTION_NAME) refuse(['LOG_PSEUDONYM_KEY'], 'required on Lambda (openssl rand -hex 32)');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    ...(e.LOG_PSEUDONYM_KEY ? { logPseudonymKey: e.LOG_PSEUDONYM_KEY } : {}),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    alexa: { skillId: e.ALEXA_SKILL_ID, verify: e.ALEXA_VERIFY },
    slack,
  };
}

function refuse(variables: string[], why: string): never {
  throw new ConfigError(variables, `bad configuration:\n  ${variables.join(', ')}: ${why}`);
}

/** Slack's variables as one of the four ways to run it, or a refusal naming the variables at fault. */
function slackConfig(e: z.infer<typeof Env>): SlackConfig | undefined {
  const oauthVars = { SLACK_CLIENT_ID: e.SLACK_CLIENT_ID, SLACK_CLIENT_SECRET: e.SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: e.SLACK_STATE_SECRET };
  const any = [e.SLACK_SIGNING_SECRET, e.SLACK_BOT_TOKEN, e.SLACK_APP_TOKEN, ...Object.values(oauthVars)].some(Boolean);
  if (!any) return undefined;
  // How Slack reaches us.
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    refuse(['SLACK_SIGNING_SECRET'], 'required when Slack is on over HTTP (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  // Whose token speaks.
  const oauthSet = Object.entries(oauthVars).filter(([, v]) => v);
  if (e.SLACK_BOT_TOKEN && oauthSet.length > 0) {
    refuse(
      ['SLACK_BOT_TOKEN', ...oauthSet.map(([k]) => k)],
      'use one: SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for installs in many',
    );
  }
  if (oauthSet.length > 0 && oauthSet.length < 3) {
    const missing = Object.entries(oauthVars).filter(([, v]) => !v).map(([k]) => k);
    refuse(missing, 'required with the other OAuth variables (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET)');
  }
  if (!e.SLACK_BOT_TOKEN && oauthSet.length === 0) {
    refuse(['SLACK_BOT_TOKEN'], 'required when the other Slack variables are set (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for installs in many workspaces)');
  }
  if (e.SLACK_REDIRECT_URI && oauthSet.length === 0) refuse(['SLACK_REDIRECT_URI'], 'only means something with SLACK_CLIENT_ID (OAuth installs)');
  return {
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : { signingSecret: e.SLACK_SIGNING_SECRET }),
    ...(e.SLACK_BOT_TOKEN
      ? { botToken: e.SLACK_BOT_TOKEN }
      : {
          oauth: {
            clientId: e.SLACK_CLIENT_ID!,
            clientSecret: e.SLACK_CLIENT_SECRET!,
            stateSecret: e.SLACK_STATE_SECRET!,
            ...(e.SLACK_REDIRECT_URI ? { redirectUri: e.SLACK_REDIRECT_URI } : {}),
          },
        }),
    apiUrl: e.SLACK_API_URL,
    busyStatusEmoji: e.SLACK_BUSY_STATUS_EMOJI.split(',').map((s) => s.trim()),
  };
}
