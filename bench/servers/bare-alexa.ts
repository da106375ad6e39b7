import { SkillBuilders } from 'ask-sdk-core';
import { ExpressAdapter } from 'ask-sdk-express-adapter';
import express from 'express';
import { serveBench } from './ipc.js';

/**
 * The floor for /alexa: a bare ask-sdk custom skill on the same express through the stock
 * ask-sdk-express-adapter, signature checks off as in Back Break's bench server. It answers every launch and
 * intent with a sentence and a reprompt, and keeps nothing.
 */
const skill = SkillBuilders.custom()
  .addRequestHandlers({
    canHandle: () => true,
    handle: (input) =>
      input.responseBuilder
        .speak('Knee circles. Knees draw in toward your chest. Say next when you are ready.')
        .reprompt('Say next when you are ready.')
        .withShouldEndSession(false)
        .getResponse(),
  })
  .create();

const app = express();
app.disable('x-powered-by');
app.post('/alexa', ...new ExpressAdapter(skill, false, false).getRequestHandlers());
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  serveBench(typeof address === 'object' && address ? address.port : 0, () => new Promise((resolve) => server.close(() => resolve())));
});
