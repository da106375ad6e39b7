import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sign } from '../../test/adapters/slack/signed.js';
import { startChild } from '../lib/child.js';
import { FakeWebApi } from '../lib/fakeWebApi.js';
import { cannon, closedTurnLoop, type LoadRun } from '../lib/load.js';
import type { Row } from '../lib/report.js';
import { type Contender, interleave, progress, SETTINGS, TMP } from '../lib/settings.js';
import { median, pairedRatio, spread } from '../lib/stats.js';
import { checkClean } from './alexa.js';

/**
 * POST /slack/events: `/backbreak next` and `/backbreak back` from people in the middle of a routine, signed
 * as Slack signs them, against Back Break on SQLite and a bare bolt app (bench/servers/bare-bolt.ts) that
 * acks and makes the one chat.update a turn makes. Slack's Web API is faked in this process on 127.0.0.1.
 *
 * Two measurements: the ack latency at a fixed rate (what Slack's 3-second limit sees), and the completed
 * turns per second at saturation (closedTurnLoop: a turn counts when its message update reaches the fake).
 */
const SESSION_TS = '1700000000.000001';
const DRAIN_LIMIT_MS = 20_000;

const userOf = (slot: number) => `UB${slot}`;
const channelOf = (slot: number) => `D${userOf(slot)}`;

class Commands {
  private readonly turns: number[];
  private seq = 0;
  constructor(
    private readonly secret: string,
    people: number,
  ) {
    this.turns = Array.from({ length: people }, () => 0);
  }
  /** Person `slot`'s next command: next and back in turn, a new trigger id each time (a retry would be dropped). */
  next(slot: number): { body: string; headers: Record<string, string> } {
    const text = this.turns[slot]!++ % 2 === 0 ? 'next' : 'back';
    const body = new URLSearchParams({
      token: 'bench',
      team_id: 'T1',
      team_domain: 'bench',
      channel_id: channelOf(slot),
      channel_name: 'directmessage',
      user_id: userOf(slot),
      user_name: `bench${slot}`,
      command: '/backbreak',
      text,
      api_app_id: 'A1',
      response_url: 'https://hooks.slack.invalid/commands/T1/1/bench',
      trigger_id: `${++this.seq}.${slot}.bench`,
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    return {
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': sign(this.secret, timestamp, body),
      },
    };
  }
}

export async function slackSection(rows: Row[], raw: Record<string, unknown>): Promise<void> {
  const { connections, seconds, repeats, slackRate } = SETTINGS;
  const secret = randomBytes(24).toString('hex');
  const fake = await new FakeWebApi().start();
  const env = { BENCH_SLACK_SECRET: secret, BENCH_SLACK_API_URL: fake.url };
  progress('slack: starting bare bolt and Back Break on SQLite');
  const contenders: Contender[] = [
    { key: 'bare', child: await startChild('bare bolt', 'bare-bolt', env) },
    { key: 'sqlite', child: await startChild('Back Break (SQLite)', 'backbreak', { ...env, BENCH_DATABASE_URL: `sqlite:${join(TMP, 'slack.db')}` }) },
  ];
  try {
    const slots = Array.from({ length: connections }, (_, i) => i);
    await contenders[1]!.child.ask({
      kind: 'seed',
      surface: 'slack',
      people: slots.map((i) => `slack:T1:${userOf(i)}`),
      slack: slots.map((i) => ({ channel: channelOf(i), ts: SESSION_TS })),
    });
    const commands = Object.fromEntries(contenders.map((c) => [c.key, new Commands(secret, connections)]));
    const shape = (key: string) => ({ path: '/slack/events', next: (slot: number) => commands[key]!.next(slot) });

    /** A fixed-rate run, then a bounded wait for every acked turn to reach the fake: the backlog left behind. */
    const backlogs: Record<string, Array<{ atEnd: number; drainMs: number; completedPerSecond: number }>> = { bare: [], sqlite: [] };
    const atRate = async (c: Contender): Promise<LoadRun> => {
      const before = fake.completed;
      const t0 = Date.now();
      const run = await cannon(c.child, shape(c.key), { connections, seconds, rate: slackRate });
      const atEnd = run.requests - (fake.completed - before);
      const endedAt = Date.now();
      while (fake.completed - before < run.requests && Date.now() - endedAt < DRAIN_LIMIT_MS) await new Promise((r) => setTimeout(r, 10));
      if (fake.completed - before < run.requests) throw new Error(`bench: ${c.key} left ${run.requests - (fake.completed - before)} acked turns undone`);
      backlogs[c.key]!.push({ atEnd, drainMs: Date.now() - endedAt, completedPerSecond: ((run.requests - atEnd) * 1000) / (endedAt - t0) });
      return run;
    };
    const saturated = (c: Contender): Promise<LoadRun> =>
      closedTurnLoop(c.child, {
        users: connections,
        seconds,
        path: '/slack/events',
        request: (user) => commands[c.key]!.next(user),
        done: (user) => fake.nextUpdate(channelOf(user)),
      });

    progress('slack: warming up');
    for (const c of contenders) await saturated(c);
    progress(`slack: ${repeats} interleaved repeats of ${seconds} s at ${slackRate} commands/s, then at saturation`);
    const fixed = await interleave(contenders, repeats, atRate);
    const sat = await interleave(contenders, repeats, saturated);
    raw.slack = { fixedRate: fixed, backlogs, saturation: sat };
    checkClean(fixed);
    checkClean(sat);

    const p99 = (k: string) => fixed[k]!.map((r) => r.p99Ms);
    const cpu = (runs: Record<string, LoadRun[]>, k: string) => Math.round(median(runs[k]!.map((r) => r.cpuUsPerRequest)));
    const left = (k: string) => median(backlogs[k]!.map((b) => b.atEnd));
    rows.push({
      what: `Slack ack p99 at ${slackRate.toLocaleString('en-US')} commands/s`,
      floorLabel: 'bare bolt',
      floor: median(p99('bare')),
      ourLabel: '/slack/events on SQLite',
      ours: median(p99('sqlite')),
      unit: 'ms',
      ratio: pairedRatio(p99('sqlite'), p99('bare')),
      target: { op: '<=', value: 1.5, of: 'ratio' },
      spread: { ours: spread(p99('sqlite')), floor: spread(p99('bare')) },
      note: `turns still undone when the load stopped: bare ${left('bare')}, Back Break ${left('sqlite')} (median); server CPU per command: bare ${cpu(fixed, 'bare')} µs, Back Break ${cpu(fixed, 'sqlite')} µs`,
    });
    const done = (k: string) => sat[k]!.map((r) => r.rps);
    rows.push({
      what: 'Slack completed turns/s at saturation',
      floorLabel: 'bare bolt (ack + chat.update)',
      floor: median(done('bare')),
      ourLabel: '/slack/events on SQLite',
      ours: median(done('sqlite')),
      unit: 'turns/s',
      ratio: pairedRatio(done('sqlite'), done('bare')),
      target: { op: '>=', value: 1500, of: 'value' },
      spread: { ours: spread(done('sqlite')), floor: spread(done('bare')) },
      note: `${connections} people each wait for their message update before the next command, so no backlog can grow; server CPU per turn: bare ${cpu(sat, 'bare')} µs, Back Break ${cpu(sat, 'sqlite')} µs`,
    });
  } finally {
    await Promise.all(contenders.map((c) => c.child.stop()));
    await fake.stop();
  }
}
