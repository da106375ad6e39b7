import { expect } from 'chai';
import type { Page } from 'playwright-core';

/** Moving through the coach page by taps, as a person would, waiting for each answer to be drawn. */

export async function moment(page: Page): Promise<string | null> {
  return page.locator('body').getAttribute('data-moment');
}

async function turn(page: Page): Promise<string | null> {
  return page.locator('body').getAttribute('data-turn');
}

/** Taps a button and waits until the coach has answered (the turn on the page moved on). */
export async function tap(page: Page, name: string | RegExp): Promise<void> {
  const before = await turn(page);
  await page.getByRole('button', { name, exact: typeof name === 'string' }).first().click();
  await page.waitForFunction((t) => {
    const body = (globalThis as any).document.body;
    return body.dataset.turn !== t && body.getAttribute('aria-busy') === null;
  }, before);
}

/** Opens the coach and waits for the routines. */
export async function openCoach(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: 'Choose a routine' }).waitFor();
}

/** From a chosen routine to its first step: "no" to every safety question, "yes" to the equipment, a pain score. */
export async function toFirstStep(page: Page, painBefore = 6): Promise<string[]> {
  const asked: string[] = [];
  for (let i = 0; i < 30; i++) {
    const now = await moment(page);
    if (now === 'step') return asked;
    const question = (await page.locator('h1').textContent()) ?? '';
    asked.push(question);
    if (now === 'screening') await tap(page, 'No');
    else if (now === 'equipment' || now === 'prerequisite') await tap(page, 'Yes');
    else if (now === 'painBefore') await tap(page, String(painBefore));
    else throw new Error(`unexpected moment ${now}: ${question}`);
  }
  throw new Error(`no step after ${asked.length} answers`);
}

/** The step card's "Step i of n". */
export async function position(page: Page): Promise<string> {
  return (await page.locator('.step .position').textContent()) ?? '';
}

/** Every utterance the speech stub heard so far. */
export async function spoken(page: Page): Promise<Array<{ text: string; rate: number; voice?: string }>> {
  return page.evaluate('window.__spoken') as Promise<Array<{ text: string; rate: number; voice?: string }>>;
}

export async function expectStep(page: Page, index: number, total: number): Promise<void> {
  await page.locator('.step .position').filter({ hasText: `Step ${index} of ${total}` }).waitFor();
  expect(await position(page)).to.equal(`Step ${index} of ${total}`);
}
