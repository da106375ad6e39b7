import { App, ExpressReceiver } from '@slack/bolt';
import express from 'express';
import { serveBench } from './ipc.js';

/**
 * The floor for /slack/events: a bare bolt app on an ExpressReceiver sharing an express app (as Back Break
 * mounts it), authorize instead of auth.test, acking each /backbreak command at once and then making the one
 * chat.update a turn makes, against the fake Web API the bench serves on 127.0.0.1.
 */
const env = process.env;
const app = express();
app.disable('x-powered-by');
const receiver = new ExpressReceiver({ signingSecret: env.BENCH_SLACK_SECRET!, app, endpoints: '/slack/events', processBeforeResponse: false });
const bolt = new App({
  receiver,
  authorize: async () => ({ botToken: 'xoxb-bench-not-a-token' }),
  clientOptions: { slackApiUrl: env.BENCH_SLACK_API_URL!, timeout: 10_000 },
  ignoreSelf: false,
  convoStore: false,
});
bolt.command('/backbreak', async ({ command, ack, client }) => {
  await ack();
  await client.chat.update({ channel: `D${command.user_id}`, ts: '1700000000.000001', text: `Step: ${command.text}` });
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  serveBench(typeof address === 'object' && address ? address.port : 0, () => new Promise((resolve) => server.close(() => resolve())));
});
