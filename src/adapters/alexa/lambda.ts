import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createCoachService } from '../../app/service.js';
import { ConfigError, readConfig } from '../../config.js';
import { createLogger } from '../../log.js';
import { setUpPseudonyms } from '../../logKey.js';
import { loadRoutines } from '../../routines/load.js';
import { openStore } from '../../store/index.js';
import { createAlexaSkill } from './skill.js';

/**
 * The same skill as a Lambda-style handler, for hosting on AWS Lambda instead of the express server.
 * Amazon verifies requests to a Lambda itself; the skill id check (ALEXA_SKILL_ID) still applies.
 * The store (DATABASE_URL) opens on the first request and stays open while the container lives.
 *
 * DATABASE_URL is required here: the server's default, a SQLite file under ./data, would sit on Lambda's
 * read-only disk and vanish with each container. PostgreSQL, or memory: for tests.
 */

let skill: Promise<Skill> | undefined;

/** The store URL a Lambda accepts: PostgreSQL, or memory: for tests. */
export function lambdaDatabaseUrl(env: NodeJS.ProcessEnv): string {
  const url = env.DATABASE_URL ?? '';
  if (/^(postgres|postgresql):\/\//.test(url) || url === 'memory:') return url;
  const why = !url ? 'required on Lambda' : url.startsWith('sqlite:') ? 'SQLite does not run on Lambda' : 'must be postgres://... on Lambda';
  throw new ConfigError(['DATABASE_URL'], `bad configuration:\n  DATABASE_URL: ${why}; set postgres://... (or memory: for tests)`);
}

async function openSkill(env: NodeJS.ProcessEnv): Promise<Skill> {
  const databaseUrl = lambdaDatabaseUrl(env);
  const config = readConfig(env);
  setUpPseudonyms({ ...config, databaseUrl });
  const log = createLogger(config.logLevel);
  const store = await openStore(databaseUrl, { log });
  const coach = createCoachService({ store, routines: loadRoutines(), log });
  return createAlexaSkill({ coach, link: coach, erase: (id) => coach.erase(id), log, skillId: config.alexa.skillId });
}

export const handler = async (event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> => {
  skill ??= openSkill(process.env).catch((err: unknown) => {
    // A failed start (bad config, database down) is retried on the next request, not cached.
    skill = undefined;
    throw err;
  });
  return (await skill).invoke(event, context);
};
