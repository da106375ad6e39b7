import http from 'node:http';
import type { Store } from '../../src/app/store.js';
import { copyFor } from '../../src/core/copy/en.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { intentRequest } from '../../test/adapters/alexa/envelopes.js';
import { throwawaySchema } from '../../test/store/pg.js';
import { type BenchChild, startChild } from '../lib/child.js';
import type { Row } from '../lib/report.js';
import { progress } from '../lib/settings.js';

/**
 * Beyond one machine: PostgreSQL as the store several instances share. Two checks, both bounded, and no
 * scaling claim (this machine's 2 cores run the database, both instances and the load alike):
 *
 * 1. Turns on one database from one, then two server instances, with each person driven by two clients at
 *    once (in the two-instance run, one client on each instance), so turns of one person race and the
 *    compare-and-set decides: afterwards every answered turn must be in the person's turn counter (no turn
 *    lost, none applied twice), and the servers' CPU per turn is compared.
 * 2. The reminder scheduler's claim: BENCH_REMINDERS (100,000) due reminders claimed by two instances at
 *    once (two stores, two pools), each claimed batch then moved to its next time as a sender does: every
 *    reminder must be claimed exactly once.
 *
 * Runs when BENCH_DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL server; tables go in a throwaway schema.
 */
const PEOPLE = 16;
const TURNS_PER_CLIENT = 60;
const REMINDERS = Math.max(1000, Math.min(1_000_000, Number(process.env.BENCH_REMINDERS ?? 100_000) || 100_000));
const CLAIM_BATCH = 200;

export async function pgSection(rows: Row[], raw: Record<string, unknown>): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!url) {
    rows.push({ what: 'PostgreSQL, two instances', floorLabel: 'NOT RUN', ourLabel: 'set BENCH_DATABASE_URL or TEST_DATABASE_URL', ours: Number.NaN, unit: 'µs' });
    return;
  }
  const schema = throwawaySchema(url, 'bb_bench');
  try {
    raw.postgres = { turns: await sharedTurns(url, schema.name, rows), reminders: await claimAll(url, schema.name, rows) };
  } finally {
    await schema.drop();
  }
}

interface Phase {
  instances: number;
  answered: number;
  /** Answered with the "busy" reply: the turn gave up after its retries and changed nothing. */
  busy: number;
  /** Turns the counters moved by. */
  applied: number;
  cpuUsPerTurn: number;
  seconds: number;
}

async function sharedTurns(url: string, schemaName: string, rows: Row[]): Promise<Phase[]> {
  progress(`postgres: ${PEOPLE} people, two clients each, on one and then two instances`);
  const env = { BENCH_DATABASE_URL: url, BENCH_PG_SCHEMA: schemaName };
  const a = await startChild('Back Break A (PostgreSQL)', 'backbreak', env);
  const b = await startChild('Back Break B (PostgreSQL)', 'backbreak', env);
  const admin = await openPostgresStore(url, { schema: schemaName, poolSize: 2 });
  try {
    const people = Array.from({ length: PEOPLE }, (_, i) => `amzn1.ask.account.pg-${i}`);
    await a.ask({ kind: 'seed', surface: 'alexa', people: people.map((u) => `alexa:${u}`) });
    const busyText = copyFor('en-US').busy;
    const phases: Phase[] = [];
    for (const targets of [[a, a], [a, b]]) {
      const before = await turnCounters(admin, people);
      const cpuBefore = await Promise.all([a.stats(), b.stats()]);
      const t0 = performance.now();
      const counts = await Promise.all(
        people.flatMap((userId) => targets.map((server, k) => client(server, userId, k, busyText))),
      );
      const seconds = (performance.now() - t0) / 1000;
      const cpuAfter = await Promise.all([a.stats(), b.stats()]);
      const after = await turnCounters(admin, people);
      const answered = counts.reduce((n, c) => n + c.answered, 0);
      const busy = counts.reduce((n, c) => n + c.busy, 0);
      const applied = people.reduce((n, p) => n + (after.get(p)! - before.get(p)!), 0);
      const cpu = cpuAfter.reduce((n, s, i) => n + s.cpuUs - cpuBefore[i]!.cpuUs, 0);
      const phase = { instances: new Set(targets).size, answered, busy, applied, cpuUsPerTurn: cpu / answered, seconds };
      progress(`  ${phase.instances} instance(s): ${answered} answered (${busy} busy), counters moved ${applied}, ${Math.round(phase.cpuUsPerTurn)} µs CPU per turn`);
      if (applied !== answered - busy) {
        throw new Error(`bench: PostgreSQL with ${phase.instances} instance(s): ${answered - busy} turns answered but the counters moved ${applied}`);
      }
      phases.push(phase);
    }
    const [one, two] = phases as [Phase, Phase];
    rows.push({
      what: 'PostgreSQL: server CPU per turn, 2 instances against 1 (one database)',
      floorLabel: '1 instance',
      floor: one.cpuUsPerTurn,
      ourLabel: '2 instances, together',
      ours: two.cpuUsPerTurn,
      unit: 'µs',
      ratio: two.cpuUsPerTurn / one.cpuUsPerTurn,
      note: `each person's turns raced from two clients (on two instances in the second run): every answered turn is in the person's turn counter, none lost or doubled (1 instance: ${one.answered - one.busy} of ${one.answered} applied, ${one.busy} busy; 2 instances: ${two.answered - two.busy} of ${two.answered}, ${two.busy} busy); no scaling claim from 2 shared cores`,
    });
    return phases;
  } finally {
    await admin.close();
    await Promise.all([a.stop(), b.stop()]);
  }
}

/** Each person's session turn counter, read through the store. */
async function turnCounters(store: Store, people: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const userId of people) {
    const row = await store.getSession(`alexa:${userId}`);
    out.set(userId, (row?.value as { turn?: number } | undefined)?.turn ?? 0);
  }
  return out;
}

/** One client: TURNS_PER_CLIENT next/back turns for one person, one at a time, on one server. */
async function client(server: BenchChild, userId: string, k: number, busyText: string): Promise<{ answered: number; busy: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const bodies = ['AMAZON.NextIntent', 'AMAZON.PreviousIntent'].map((name) => JSON.stringify(intentRequest(name, {}, { userId })));
  let answered = 0;
  let busy = 0;
  try {
    for (let i = 0; i < TURNS_PER_CLIENT; i++) {
      const text = await post(agent, `${server.url}/alexa`, bodies[(i + k) % 2]!);
      answered++;
      if (text.includes(busyText.slice(0, 40))) busy++;
    }
  } finally {
    agent.destroy();
  }
  return { answered, busy };
}

function post(agent: http.Agent, url: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`bench: /alexa answered ${res.statusCode}: ${text.slice(0, 200)}`))));
    });
    req.setTimeout(30_000, () => req.destroy(new Error('bench: /alexa did not answer in 30 s')));
    req.on('error', reject);
    req.end(body);
  });
}

/** REMINDERS due reminders, claimed by two instances at once until none is left; each exactly once. */
async function claimAll(url: string, schemaName: string, rows: Row[]): Promise<Record<string, number>> {
  progress(`postgres: ${REMINDERS.toLocaleString('en-US')} due reminders claimed by two instances`);
  const instances = [await openPostgresStore(url, { schema: schemaName, poolSize: 4 }), await openPostgresStore(url, { schema: schemaName, poolSize: 4 })];
  const now = Date.now();
  const admin = await openPostgresStore(url, { schema: schemaName, poolSize: 1 });
  try {
    // Inserted by the database itself: 100k rows through the store one by one would be the slow part.
    const pool = (await import('pg')).default;
    const raw = new pool.Client({ connectionString: url, options: `-c search_path=${schemaName}` });
    await raw.connect();
    try {
      await raw.query(
        `INSERT INTO reminders (id, person_id, surface, days, time, time_zone, target, next_due_at)
         SELECT 'r' || g, 'slack:T1:U' || g, 'slack', '[1,2,3,4,5]', '09:00', 'Europe/Berlin', 'D' || g, $1::bigint - (g % 600000)
         FROM generate_series(1, $2::int) AS g`,
        [now, REMINDERS],
      );
    } finally {
      await raw.end();
    }
    const claimedBy = new Map<string, number>();
    let doubles = 0;
    const t0 = performance.now();
    const perInstance = await Promise.all(
      instances.map(async (store, which) => {
        let claimed = 0;
        for (;;) {
          const batch = await store.claimDueReminders(now, CLAIM_BATCH, 600_000);
          if (batch.length === 0) return claimed;
          for (const r of batch) {
            if (claimedBy.has(r.id)) doubles++;
            claimedBy.set(r.id, which);
          }
          claimed += batch.length;
          // Sent; moved to the next day, as the scheduler does after a post.
          await Promise.all(batch.map((r) => store.rescheduleReminder(r.id, now + 86_400_000)));
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const leftDue = (await admin.claimDueReminders(now, 10, 1)).length;
    const result = { reminders: REMINDERS, claimed: claimedBy.size, doubles, leftDue, seconds, a: perInstance[0]!, b: perInstance[1]! };
    progress(`  claimed ${claimedBy.size} in ${seconds.toFixed(1)} s (A ${result.a}, B ${result.b}), ${doubles} claimed twice, ${leftDue} left due`);
    if (doubles > 0 || claimedBy.size !== REMINDERS || leftDue > 0) {
      throw new Error(`bench: reminder claims: ${doubles} claimed twice, ${REMINDERS - claimedBy.size} never claimed, ${leftDue} left due`);
    }
    rows.push({
      what: `PostgreSQL: ${REMINDERS.toLocaleString('en-US')} due reminders claimed by 2 instances`,
      floorLabel: '(correctness)',
      ourLabel: 'claimed and moved on, per second',
      ours: REMINDERS / seconds,
      unit: 'reminders/s',
      note: `every reminder claimed exactly once (instance A ${result.a}, B ${result.b}; 0 twice, 0 left due), batches of ${CLAIM_BATCH} with FOR UPDATE SKIP LOCKED, each then moved to its next time`,
    });
    return result;
  } finally {
    await Promise.all([...instances, admin].map((s) => s.close()));
  }
}
