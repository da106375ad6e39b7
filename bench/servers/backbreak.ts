import type { Surface } from '../../src/app/turn.js';
import { buildServer } from '../../src/server.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { walkIntoRoutine } from '../lib/walk.js';
import { serveBench } from './ipc.js';

/**
 * Back Break's own server (buildServer, the composition root `npm start` uses) for the HTTP benches: Alexa
 * signature checks off (the bare skill runs without them too: no Amazon-signed requests here), Slack on when
 * BENCH_SLACK_API_URL names the fake Web API, logging at the production level, into /dev/null.
 *
 * IPC `{ kind: 'seed', surface, people, slack? }` walks each person into a routine through the coach.
 */
const env = process.env;
// PostgreSQL in a schema of the bench's own (BENCH_PG_SCHEMA), which DATABASE_URL cannot name.
const store = env.BENCH_PG_SCHEMA ? await openPostgresStore(env.BENCH_DATABASE_URL!, { schema: env.BENCH_PG_SCHEMA }) : undefined;
const server = await buildServer({
  port: 0,
  host: '127.0.0.1',
  databaseUrl: env.BENCH_DATABASE_URL ?? 'memory:',
  logLevel: 'info',
  alexa: { verify: false },
  ...(env.BENCH_SLACK_API_URL
    ? { slack: { signingSecret: env.BENCH_SLACK_SECRET!, botToken: 'xoxb-bench-not-a-token', apiUrl: env.BENCH_SLACK_API_URL } }
    : {}),
}, store ? { store } : {});
const port = await server.listen();

interface Seed {
  surface: Surface;
  people: string[];
  /** Slack: the DM channel and the open session message each person's turns update. */
  slack?: Array<{ channel: string; ts: string }>;
}

serveBench(
  port,
  async () => {
    await server.close();
    await store?.close();
  },
  async (msg) => {
    if (msg.kind !== 'seed') throw new Error(`unknown message ${String(msg.kind)}`);
    const seed = msg as unknown as Seed;
    for (const [i, personId] of seed.people.entries()) {
      await walkIntoRoutine(server.coach, personId, seed.surface);
      const dm = seed.slack?.[i];
      if (dm) await server.coach.setSurfaceData(personId, 'slack', { channel: dm.channel, ts: dm.ts, open: '1' });
    }
    return seed.people.length;
  },
);
