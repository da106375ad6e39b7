import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';

/**
 * Debian's chromium, driven by playwright-core (no browser download): headless, a fresh profile each launch,
 * nothing reaching the network but the server under test on 127.0.0.1.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * What runs inside the page is plain JavaScript read from test/browser/page/: functions written here would reach
 * the page as tsx compiled them, with helpers the page does not have.
 */
export const SPEECH_STUBS = fileURLToPath(new URL('./page/speech-stubs.js', import.meta.url));
export const PAGE_CHECKS = readFileSync(fileURLToPath(new URL('./page/checks.js', import.meta.url)), 'utf8');

/** A phone held upright, as the coach is mostly used: on the floor, beside the mat. */
export const PHONE = { width: 390, height: 844 };

export interface Launched {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(options: { viewport?: { width: number; height: number }; reducedMotion?: 'reduce' | 'no-preference' } = {}): Promise<Launched> {
  const profile = mkdtempSync(join(tmpdir(), 'bb-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? PHONE,
    reducedMotion: options.reducedMotion ?? 'no-preference',
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Registers a suite that needs chromium. Without it nothing runs: with CI=true a failing test says so (CI
 * installs chromium, so its absence is a defect there); elsewhere a NOT RUN banner at the start and the end.
 */
export function withChromium(title: string, body: (this: Mocha.Suite) => void): void {
  if (existsSync(CHROMIUM)) {
    describe(title, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(title, function () {
      it('runs in CI (chromium must be installed)', function () {
        throw new Error(`Browser suite NOT RUN: ${CHROMIUM} is missing, and CI=true requires it (apt-get install chromium)`);
      });
    });
    return;
  }
  const lines = [`Browser suite NOT RUN: ${CHROMIUM} is missing`, '(apt-get install chromium, or set CHROMIUM_PATH)'];
  const width = Math.max(...lines.map((l) => l.length));
  const rule = `  ${'#'.repeat(width + 8)}`;
  const banner = ['', rule, ...lines.map((l) => `  ##  ${l.padEnd(width)}  ##`), rule, ''].join('\n');
  before(() => console.warn(banner));
  after(() => console.warn(banner));
}
