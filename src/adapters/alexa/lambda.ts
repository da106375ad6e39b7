import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createCoachService } from '../../app/service.js';
import { readConfig } from '../../config.js';
import { createLogger } from '../../log.js';
import { loadRoutines } from '../../routines/load.js';
import { openStore } from '../../store/index.js';
import { createAlexaSkill } from './skill.js';

/**
 * The same skill as a Lambda-style handler, for hosting on AWS Lambda instead of the express server.
 * Amazon verifies requests to a Lambda itself; the skill id check (ALEXA_SKILL_ID) still applies.
 * The store (DATABASE_URL) opens on the first request and stays open while the container lives.
 */

let skill: Promise<Skill> | undefined;

async function openSkill(env: NodeJS.ProcessEnv): Promise<Skill> {
  const config = readConfig(env);
  const log = createLogger(config.logLevel);
  const store = await openStore(config.databaseUrl, { log });
  const coach = createCoachService({ store, routines: loadRoutines(), log });
  return createAlexaSkill({ coach, log, skillId: config.alexa.skillId });
}

export const handler = async (event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> => {
  skill ??= openSkill(process.env).catch((err: unknown) => {
    // A failed start (bad config, database down) is retried on the next request, not cached.
    skill = undefined;
    throw err;
  });
  return (await skill).invoke(event, context);
};
