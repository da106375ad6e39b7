import { join } from 'node:path';
import { launchRequest } from '../../test/adapters/alexa/envelopes.js';
import { startChild } from '../lib/child.js';
import { cannon } from '../lib/load.js';
import type { Row } from '../lib/report.js';
import { progress, SETTINGS, TMP } from '../lib/settings.js';
import { median, pairedRatio, spread } from '../lib/stats.js';

/**
 * Resident memory after many people: a fresh server, then one Alexa launch from each of BENCH_PEOPLE people
 * (each a new profile and session on SQLite), then its RSS; against the bare skill given the same requests.
 */
const REPEATS = 2;

export async function memorySection(rows: Row[], raw: Record<string, unknown>): Promise<void> {
  const { people, connections } = SETTINGS;
  const results = { ours: [] as number[], floor: [] as number[], oursIdle: [] as number[], floorIdle: [] as number[] };
  for (let r = 0; r < REPEATS; r++) {
    const order = r % 2 === 0 ? (['floor', 'ours'] as const) : (['ours', 'floor'] as const);
    for (const who of order) {
      const child =
        who === 'ours'
          ? await startChild('Back Break (SQLite)', 'backbreak', { BENCH_DATABASE_URL: `sqlite:${join(TMP, `people-${r}.db`)}` })
          : await startChild('bare ask-sdk skill', 'bare-alexa');
      try {
        const idle = (await child.stats()).rss;
        let n = 0;
        const tag = `${r}-${who}`;
        const run = await cannon(
          child,
          { path: '/alexa', headers: { 'content-type': 'application/json' }, next: () => ({ body: JSON.stringify(launchRequest({ userId: `amzn1.ask.account.people-${tag}-${n++}` })) }) },
          { connections, seconds: 0, amount: people },
        );
        if (run.failures > 0 || run.requests < people) throw new Error(`bench: ${who} answered ${run.requests} of ${people} launches (${run.failures} failed)`);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const rss = (await child.stats()).rss / 2 ** 20;
        results[who].push(rss);
        results[who === 'ours' ? 'oursIdle' : 'floorIdle'].push(idle / 2 ** 20);
        progress(`  RSS ${who}: ${Math.round(idle / 2 ** 20)} MB idle, ${Math.round(rss)} MB after ${people.toLocaleString('en-US')} people`);
      } finally {
        await child.stop();
      }
    }
  }
  raw.memory = results;
  rows.push({
    what: `RSS after ${people.toLocaleString('en-US')} people`,
    floorLabel: 'bare ask-sdk skill',
    floor: median(results.floor),
    ourLabel: '/alexa on SQLite',
    ours: median(results.ours),
    unit: 'MB',
    ratio: pairedRatio(results.ours, results.floor),
    target: { op: '<=', value: 1.5, of: 'ratio' },
    spread: { ours: spread(results.ours), floor: spread(results.floor) },
    note: `idle RSS before the load: bare ${Math.round(median(results.floorIdle))} MB, Back Break ${Math.round(median(results.oursIdle))} MB`,
  });
}
