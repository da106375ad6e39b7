// The floor for a Lambda's import: ask-sdk-core imported and a custom skill built, plain JavaScript run by
// node. Prints the milliseconds from the process's start (performance.now()) to the skill being ready.
import { SkillBuilders } from 'ask-sdk-core';

SkillBuilders.custom()
  .addRequestHandlers({ canHandle: () => true, handle: (input) => input.responseBuilder.speak('Hello.').getResponse() })
  .create();
console.log(JSON.stringify({ readyMs: performance.now() }));
