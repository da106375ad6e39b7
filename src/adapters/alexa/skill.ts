import { DefaultApiClient, type Skill, SkillBuilders } from 'ask-sdk-core';
import { type AlexaDeps, contextInterceptor } from './context.js';
import { politeErrorHandler, requestHandlers } from './handlers.js';
import { logRequest, logResponse } from './logging.js';

export interface AlexaSkillOptions extends AlexaDeps {
  /** When set, requests for any other skill are rejected. */
  skillId?: string;
}

/** The Back Break custom skill: request -> core intent -> coach -> reply -> Alexa response. */
export function createAlexaSkill(options: AlexaSkillOptions): Skill {
  const builder = SkillBuilders.custom()
    .addRequestInterceptors(contextInterceptor(options), logRequest)
    .addRequestHandlers(...requestHandlers)
    .addResponseInterceptors(logResponse)
    .addErrorHandlers(politeErrorHandler(options.log))
    .withApiClient(new DefaultApiClient())
    .withCustomUserAgent('back-break');
  if (options.skillId) builder.withSkillId(options.skillId);
  return builder.create();
}
