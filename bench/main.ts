/**
 * `npm run bench`: every surface against the bare frameworks under it, measured in one run, interleaved,
 * printed as a table of medians, spread and ratios, kept as JSON in bench/results/, and (with --readme)
 * written into the README.
 *
 *   npm run bench                        the whole bench (about five minutes on 2 cores)
 *   npm run bench -- --readme            the same, and the README's table replaced by this run's
 *   BENCH_ONLY=alexa,slack npm run bench only some sections (alexa, slack, turn, understanding, start, memory, postgres)
 *   BENCH_QUICK=1 npm run bench          fewer and shorter repeats, for trying the bench itself
 *
 * Settings (bounded): BENCH_REPEATS, BENCH_SECONDS, BENCH_CONNECTIONS (20-50), BENCH_SLACK_RATE,
 * BENCH_PEOPLE, BENCH_STARTS, BENCH_TURNS, BENCH_REMINDERS; BENCH_DATABASE_URL (or TEST_DATABASE_URL) for the
 * PostgreSQL section.
 */
import { environment, markdownTable, notes, type Row, updateReadme, writeResults } from './lib/report.js';
import { progress, SETTINGS } from './lib/settings.js';
import { alexaSection } from './sections/alexa.js';
import { memorySection } from './sections/memory.js';
import { pgSection } from './sections/pg.js';
import { slackSection } from './sections/slack.js';
import { startSection } from './sections/start.js';
import { turnSection } from './sections/turn.js';
import { understandingSection } from './sections/understanding.js';

type Section = (rows: Row[], raw: Record<string, unknown>) => Promise<void>;
const SECTIONS: Record<string, Section> = {
  alexa: alexaSection,
  slack: slackSection,
  turn: turnSection,
  understanding: understandingSection,
  start: startSection,
  memory: memorySection,
  postgres: pgSection,
};

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only?.filter((s) => !(s in SECTIONS)) ?? [];
  if (unknown.length) throw new Error(`BENCH_ONLY: no section ${unknown.join(', ')} (sections: ${Object.keys(SECTIONS).join(', ')})`);
  const env = environment(SETTINGS);
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  for (const [name, section] of Object.entries(SECTIONS)) {
    if (only && !only.includes(name)) continue;
    await section(rows, raw);
  }
  const file = writeResults(env, rows, raw);
  console.log(`\nBack Break against its floors, one run (commit ${env.commit}${env.dirty ? '+changes' : ''}, node ${env.node}, ${env.cpus} cores, load ${env.loadAvgAtStart[0]}):\n`);
  console.log(markdownTable(rows));
  const n = notes(rows);
  if (n.length) console.log(`\n${n.join('\n')}`);
  console.log(`\nresults: ${file}`);
  if (process.argv.includes('--readme')) {
    if (only) throw new Error('--readme needs the whole bench (no BENCH_ONLY)');
    updateReadme(env, rows, file);
    progress('README.md table updated');
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
