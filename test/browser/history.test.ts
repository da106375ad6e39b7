import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { personIdOf } from '../../src/adapters/web/person.js';
import type { HistoryEntry } from '../../src/core/profile.js';
import { Browser, startWeb, type WebHarness } from '../adapters/web/harness.js';
import { type Launched, launchChromium, PAGE_CHECKS, withChromium } from './chromium.js';

const NOW = new Date('2026-11-23T09:00:00Z');

/** A finished routine `daysAgo` days before NOW, with pain before and after. */
function done(daysAgo: number, painBefore: number, painAfter: number): HistoryEntry {
  const end = new Date(NOW.getTime() - daysAgo * 86_400_000 - 3600_000);
  return {
    routineId: 'back-break',
    startedAt: new Date(end.getTime() - 6 * 60_000).toISOString(),
    finishedAt: end.toISOString(),
    completed: true,
    stepsDone: 6,
    stepsSkipped: 0,
    painBefore,
    painAfter,
  };
}

withChromium('web history page in chromium', function () {
  this.timeout(90_000);
  let browser: Launched;
  let web: WebHarness;
  let page: Page;
  const errors: string[] = [];

  before(async () => (browser = await launchChromium()));
  after(() => browser?.close());
  beforeEach(async () => {
    web = await startWeb({ now: NOW });
    await browser.context.clearCookies();
    page = await browser.context.newPage();
    errors.length = 0;
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  });
  afterEach(async () => {
    await page.close();
    await web.close();
    expect(errors, 'errors in the page').to.deep.equal([]);
  });

  /** Opens /history as a person whose past routines are `entries` (oldest first). */
  async function openWith(entries: HistoryEntry[]): Promise<string> {
    await page.goto(`${web.base}/history`);
    await page.locator('#streak').waitFor({ state: 'attached' });
    const cookie = (await browser.context.cookies()).find((c) => c.name === 'bb_person')!;
    const personId = personIdOf(cookie.value);
    for (const e of entries) await web.store.addHistory(personId, e);
    await page.reload();
    await page.locator('#sessions table, #sessions p').first().waitFor();
    return personId;
  }

  it('draws pain before and after by week as an inline SVG chart, lists the sessions, and shows the streak', async () => {
    await openWith([done(40, 7, 5), done(30, 7, 4), done(20, 6, 4), done(9, 5, 3), done(2, 4, 2), done(1, 4, 1), done(0, 3, 1)]);
    const chart = page.getByRole('img', { name: /Average pain before and after/ });
    expect(await chart.count()).to.equal(1);
    expect(await page.locator('svg.chart .dot-before').count()).to.equal(6);
    expect(await page.locator('svg.chart .dot-after').count()).to.equal(6);
    const scores = await page.locator('svg.chart .dot-before').evaluateAll((dots) => dots.map((d) => Number(d.getAttribute('data-score'))));
    expect(scores).to.deep.equal([7, 7, 6, 5, 4, 3]);
    expect(await page.locator('svg.chart polyline').count()).to.be.greaterThan(0);
    expect(await page.locator('svg.chart desc').textContent()).to.match(/Before, average pain went from 7 to 3/);
    expect(await page.locator('#streak').textContent()).to.equal('3 days in a row. Keep it up.');
    const rows = await page.locator('#sessions tbody tr').allTextContents();
    expect(rows).to.have.length(7);
    expect(rows[0]).to.match(/Back break.*3 → 1/);
    const checks = (await page.evaluate(PAGE_CHECKS)) as { lowContrast: unknown[]; unnamed: unknown[] };
    expect(checks).to.deep.equal({ lowContrast: [], unnamed: [] });
  });

  it('forget me asks once more, then erases the history, and the page says so', async () => {
    const personId = await openWith([done(1, 5, 3)]);
    await page.getByRole('button', { name: 'Forget me' }).click();
    expect(await page.locator('#forget-q').textContent()).to.match(/erases everything/);
    await page.getByRole('button', { name: 'No' }).click();
    await page.getByRole('button', { name: 'Forget me' }).waitFor();
    expect(await web.store.listHistory(personId, 5)).to.have.length(1);
    await page.getByRole('button', { name: 'Forget me' }).click();
    await page.getByRole('button', { name: 'Yes' }).click();
    await page.getByText("You haven't finished a routine yet.").waitFor();
    expect(await page.locator('#status').textContent()).to.not.equal('');
    expect(await web.store.listHistory(personId, 5)).to.deep.equal([]);
    expect(await web.store.getProfile(personId)).to.equal(undefined);
  });

  it('shows a code to enter elsewhere, and takes a code from another device: the other history appears', async () => {
    await openWith([]);
    await page.getByRole('button', { name: 'Show a code' }).click();
    expect(await page.locator('#code-out .code').textContent()).to.match(/^\d{3}-\d{3}$/);

    // Another device (a laptop) with a routine of its own shows a code; the phone enters it.
    const laptop = new Browser(web.base);
    await laptop.request('/api/coach');
    await web.store.addHistory(personIdOf(laptop.cookie.split('=')[1]!), done(1, 6, 2));
    const issued = (await (await laptop.request('/api/link/code', { body: {} })).json()) as { code: string };
    await page.getByLabel('Have a code? Enter it here').fill('123');
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    await page.getByText('A code has six digits, like 123-456.').waitFor();
    await page.getByLabel('Have a code? Enter it here').fill(issued.code);
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    await page.getByText(/^Linked\./).waitFor();
    await page.locator('#sessions tbody tr').first().waitFor();
    expect(await page.locator('#sessions tbody tr').allTextContents()).to.have.length(1);
  });
});
