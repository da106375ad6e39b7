import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { personIdOf } from '../src/adapters/web/person.js';
import { readConfig } from '../src/config.js';
import type { HistoryEntry } from '../src/core/profile.js';
import { createLogger } from '../src/log.js';
import { buildServer } from '../src/server.js';
import { MemoryStore } from '../src/store/index.js';
import { launchChromium, SPEECH_STUBS } from '../test/browser/chromium.js';
import { openCoach, tap, toFirstStep } from '../test/browser/walk.js';

/**
 * `npm run screenshots`: the step card and the history page on a phone-sized screen, as the README shows them
 * (docs/screenshots/, or SCREENSHOTS_DIR: CI writes to a temporary folder). Also prints the page's weight and
 * how long a person takes from opening the page to the first step by taps.
 */
const OUT = resolve(process.env.SCREENSHOTS_DIR ?? 'docs/screenshots');
const NOW = new Date('2026-11-23T09:00:00Z');

function done(daysAgo: number, painBefore: number, painAfter: number, routineId = 'back-break'): HistoryEntry {
  const end = new Date(NOW.getTime() - daysAgo * 86_400_000 - 2 * 3600_000);
  return { routineId, startedAt: new Date(end.getTime() - 9 * 60_000).toISOString(), finishedAt: end.toISOString(), completed: true, stepsDone: 6, stepsSkipped: 0, painBefore, painAfter };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const store = new MemoryStore();
  const server = await buildServer(readConfig({ PORT: '0', DATABASE_URL: 'memory:', ALEXA_VERIFY: 'false' }), { store, log: createLogger('silent'), now: () => NOW });
  const base = `http://127.0.0.1:${await server.listen()}`;
  // Reduced motion: the ring is drawn where the clock is, not part-way through its one-second transition.
  const browser = await launchChromium({ reducedMotion: 'reduce' });
  try {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.addInitScript({ path: SPEECH_STUBS });
    let bytes = 0;
    let files = 0;
    page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/api/')) return;
      files += 1;
      void res.body().then((body) => (bytes += body.length), () => undefined);
    });
    const opened = Date.now();
    await openCoach(page, base);
    const firstPaint = Date.now() - opened;
    const weight = { bytes, files };
    // A first-time person: open the page, tap a routine, answer the safety questions and the pain score.
    await tap(page, /^Five moves/);
    const answers = await toFirstStep(page, 5);
    const toStep = Date.now() - opened;

    // The step card: a step on one side, a few seconds into its hold (the hold's clock is the script's now).
    await page.clock.install({ time: NOW });
    for (let i = 0; i < 8 && !(await page.locator('.step .side').count()); i++) await tap(page, 'Next');
    await page.clock.runFor(7000);
    await page.screenshot({ path: join(OUT, 'step-card.png') });

    // The history page of someone who has kept at it for two months.
    const cookie = (await browser.context.cookies()).find((c) => c.name === 'bb_person')!;
    const personId = personIdOf(cookie.value);
    const plan: Array<[number, number, number, string?]> = [
      [58, 7, 5], [55, 7, 5, 'five-moves'], [50, 6, 5], [44, 6, 4], [41, 6, 4, 'five-moves'], [36, 6, 4], [30, 5, 3],
      [27, 5, 3, 'low-back-release'], [22, 5, 3], [15, 4, 2], [13, 4, 2, 'five-moves'], [8, 4, 2], [2, 3, 1], [1, 3, 2, 'five-moves'], [0, 3, 1],
    ];
    for (const [days, before, after, routine] of plan) await store.addHistory(personId, done(days, before, after, routine));
    await page.goto(`${base}/history`);
    await page.locator('svg.chart').waitFor();
    await page.screenshot({ path: join(OUT, 'history.png'), fullPage: true });

    console.log(`screenshots in ${OUT}: step-card.png, history.png`);
    console.log(`page weight: ${(weight.bytes / 1024).toFixed(1)} KiB in ${weight.files} files (uncompressed), routines shown after ${firstPaint} ms`);
    console.log(`first step for a first-time person: ${toStep} ms from opening the page, ${answers.length + 1} taps (no speech)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error('screenshots failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
