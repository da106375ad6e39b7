import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { personIdOf } from '../../src/adapters/web/person.js';
import { startWeb, type WebHarness } from '../adapters/web/harness.js';
import { type Launched, launchChromium, PAGE_CHECKS, SPEECH_STUBS, withChromium } from './chromium.js';
import { expectStep, moment, openCoach, position, spoken, tap, toFirstStep } from './walk.js';

withChromium('web coach in chromium (a phone-sized window)', function () {
  this.timeout(90_000);
  let browser: Launched;
  let web: WebHarness;
  let page: Page;
  const errors: string[] = [];

  before(async () => (browser = await launchChromium()));
  after(() => browser?.close());

  beforeEach(async () => {
    web = await startWeb();
    await browser.context.clearCookies();
    page = await browser.context.newPage();
    await page.addInitScript({ path: SPEECH_STUBS });
    // Each test starts with the settings a new visitor has (once per tab: a reload keeps them, as it would).
    await page.addInitScript("if (!sessionStorage.getItem('bb.test')) { localStorage.clear(); sessionStorage.setItem('bb.test', '1'); }");
    errors.length = 0;
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  });

  afterEach(async () => {
    await page.close();
    await web.close();
    expect(errors, 'errors in the page').to.deep.equal([]);
  });

  async function personId(): Promise<string> {
    const cookie = (await browser.context.cookies()).find((c) => c.name === 'bb_person');
    expect(cookie?.httpOnly).to.equal(true);
    expect(cookie?.sameSite).to.equal('Lax');
    return personIdOf(cookie!.value);
  }

  it('walks a whole routine by taps: routine with minutes and equipment, safety buttons, pain before and after, every step', async () => {
    await openCoach(page, web.base);
    const card = page.getByRole('button', { name: /Five moves/ });
    expect(await card.textContent()).to.match(/about \d+ min · You'll need: a strap/);
    expect(await page.getByRole('button', { name: /Back break/ }).textContent()).to.match(/No equipment/);
    // The first visit opens with a short welcome; the disclaimer comes with the first answer.
    expect(await page.locator('#says').textContent()).to.match(/Welcome to Back Break/i);

    await tap(page, /^Back break/);
    expect(await moment(page)).to.equal('screening');
    expect(await page.locator('#says').textContent()).to.match(/exercise guidance only/i);
    expect(await page.getByRole('button', { name: 'Not sure' }).count()).to.equal(1);
    const asked = await toFirstStep(page, 6);
    expect(asked.at(-1)).to.match(/0 to 10/);

    await expectStep(page, 1, 6);
    const controls = await page.locator('.step button').allTextContents();
    expect(controls).to.include.members(['Next', 'Back', 'Repeat', 'Easier', 'Pause', 'Stop', 'This hurts', 'I feel dizzy']);
    expect(await page.getByRole('timer').count()).to.equal(1);
    expect(await page.locator('.step h1').textContent()).to.not.equal('');

    await tap(page, 'Next');
    await expectStep(page, 2, 6);
    await tap(page, 'Back');
    await expectStep(page, 1, 6);
    for (let i = 1; i < 6; i++) await tap(page, 'Next');
    await expectStep(page, 6, 6);
    await tap(page, 'Next');
    expect(await moment(page)).to.equal('painAfter');
    await tap(page, '3');
    // The summary above, the reminder offer as the question.
    expect(await page.locator('#says').textContent()).to.match(/did 6 steps\. Your back went from 6 to 3/);
    expect(await page.locator('h1').textContent()).to.match(/reminder/);
    await tap(page, 'No');
    expect(await moment(page)).to.equal('goodbye');

    const history = await web.store.listHistory(await personId(), 5);
    expect(history).to.have.length(1);
    expect(history[0]).to.include({ routineId: 'back-break', painBefore: 6, painAfter: 3, completed: true });
  });

  it('hands-free: the hold counts down, the cues and the step are spoken, and the next step comes by itself', async () => {
    await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
    await openCoach(page, web.base);
    await tap(page, /^Back break/);
    await toFirstStep(page);
    await expectStep(page, 1, 6);
    const hold = Number(await page.locator('.ring .count').textContent());
    expect(hold).to.be.greaterThan(5);
    await page.clock.runFor(3000);
    expect(Number(await page.locator('.ring .count').textContent())).to.equal(hold - 3);
    expect(await page.getByRole('timer').getAttribute('aria-label')).to.equal(`${hold - 3} seconds left`);

    await page.clock.runFor((hold - 3) * 1000 + 500);
    await expectStep(page, 2, 6);
    const said = (await spoken(page)).map((u) => u.text);
    expect(said.join(' ')).to.match(/Seated pelvic tilts/);
    expect(said).to.include('And release.');
    expect(said.at(-1)).to.not.match(/Tap Next/);
    expect(said.join(' ')).to.match(/Step 2 of 6/);
  });

  it('hands-free off: the hold ends with "tap Next" and the step stays', async () => {
    await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
    await openCoach(page, web.base);
    await page.getByText('Voice and hands-free').click();
    await page.getByLabel('Move on by itself when a hold ends').uncheck();
    await tap(page, /^Back break/);
    await toFirstStep(page);
    const hold = Number(await page.locator('.ring .count').textContent());
    await page.clock.runFor(hold * 1000 + 2000);
    expect(await position(page)).to.equal('Step 1 of 6');
    expect(await page.locator('#after-hold').textContent()).to.match(/Tap Next/);
  });

  it('speaks with the voice and speed the person chose, remembered on the device', async () => {
    await openCoach(page, web.base);
    await page.getByText('Voice and hands-free').click();
    await page.getByLabel('Voice').selectOption('test-en-gb');
    await page.getByLabel('Speed').fill('1.2');
    await page.reload();
    await page.getByRole('heading', { name: 'Choose a routine' }).waitFor();
    await page.getByText('Voice and hands-free').click();
    expect(await page.getByLabel('Voice').inputValue()).to.equal('test-en-gb');
    expect(await page.getByLabel('Speed').inputValue()).to.equal('1.2');
    await tap(page, /^Back break/);
    const last = (await spoken(page)).at(-1)!;
    expect(last).to.deep.include({ voice: 'test-en-gb', rate: 1.2 });
    expect(last.text).to.match(/\?$/);
    // Speaking off: nothing more is said.
    await page.getByLabel('Speak to me').uncheck();
    const count = (await spoken(page)).length;
    await tap(page, 'No');
    expect((await spoken(page)).length).to.equal(count);
  });

  it('hears "next", "this hurts" and "pause" where the browser can listen', async () => {
    await openCoach(page, web.base);
    await page.getByText('Voice and hands-free').click();
    await page.getByLabel(/Listen for/).check();
    await tap(page, /^Back break/);
    await toFirstStep(page);
    const hear = async (text: string) => {
      const before = await page.locator('body').getAttribute('data-turn');
      await page.evaluate(`window.__hear(${JSON.stringify(text)})`);
      await page.waitForFunction((t) => (globalThis as any).document.body.dataset.turn !== t, before);
    };
    await hear('next');
    await expectStep(page, 2, 6);
    await hear('pause');
    expect(await moment(page)).to.equal('paused');
    await tap(page, 'Resume');
    await hear('this hurts');
    expect(await page.getByRole('button', { name: 'Sharp or shooting' }).count()).to.equal(1);
  });

  it('safety buttons: "this hurts" asks what kind, "I feel dizzy" asks about other signs, an emergency answer stops everything', async () => {
    await openCoach(page, web.base);
    await tap(page, /^Back break/);
    await toFirstStep(page);
    await tap(page, 'This hurts');
    expect(await page.getByRole('button').allTextContents()).to.include.members(['Sharp or shooting', 'Mild stretch', 'Numb around my seat']);
    await tap(page, 'Mild stretch');
    // A mild stretch: the coach offers to ease off or go on; going on brings the step back.
    if ((await moment(page)) !== 'step') await tap(page, 'Go on');
    await expectStep(page, 1, 6);
    await tap(page, 'I feel dizzy');
    expect(await page.getByRole('button').allTextContents()).to.include.members(['Yes', 'No', 'Not sure']);
    await tap(page, 'Yes');
    expect(await moment(page)).to.equal('emergency');
    expect(await page.locator('#says').getAttribute('role')).to.equal('alert');
    const call = page.locator('a[href^="tel:"]');
    expect(await call.count()).to.be.greaterThan(0);
    expect(await page.locator('.step').count()).to.equal(0);
  });

  it('Stop asks once more before it ends the routine', async () => {
    await openCoach(page, web.base);
    await tap(page, /^Back break/);
    await toFirstStep(page);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    expect(await page.locator('#stop-q').textContent()).to.match(/Stop this routine\?/);
    await page.getByRole('button', { name: 'Keep going' }).click();
    expect(await position(page)).to.equal('Step 1 of 6');
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await tap(page, 'Stop');
    expect(await moment(page)).to.not.equal('step');
  });

  it('types to the coach: "next" moves on, words it does not know get a helpful answer', async () => {
    await openCoach(page, web.base);
    await page.getByLabel('Type to the coach').fill('start the back break');
    await page.getByLabel('Type to the coach').press('Enter');
    await page.waitForFunction(() => (globalThis as any).document.body.dataset.moment === 'screening');
    await toFirstStep(page);
    const before = await page.locator('body').getAttribute('data-turn');
    await page.getByLabel('Type to the coach').fill('next');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForFunction((t) => (globalThis as any).document.body.dataset.turn !== t, before);
    await expectStep(page, 2, 6);
  });

  it('works by keyboard, moves focus to each new question, and keeps text readable (contrast 4.5:1)', async () => {
    await openCoach(page, web.base);
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // brand
    await page.keyboard.press('Tab'); // History
    await page.keyboard.press('Tab'); // first routine card
    expect(await page.evaluate('document.activeElement.textContent')).to.match(/^Back break/);
    const before = await page.locator('body').getAttribute('data-turn');
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => (globalThis as any).document.body.dataset.turn !== t, before);
    expect(await page.evaluate('document.activeElement.tagName')).to.equal('H1');
    const checks = (await page.evaluate(PAGE_CHECKS)) as { lowContrast: unknown[]; unnamed: unknown[] };
    expect(checks.lowContrast).to.deep.equal([]);
    expect(checks.unnamed).to.deep.equal([]);
    // Dark mode too.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(((await page.evaluate(PAGE_CHECKS)) as { lowContrast: unknown[] }).lowContrast).to.deep.equal([]);
  });

  it('on a small phone, "This hurts", "I feel dizzy" and Next are on screen without scrolling, whatever the step', async () => {
    await page.setViewportSize({ width: 360, height: 640 });
    await openCoach(page, web.base);
    await tap(page, /^Five moves/);
    await toFirstStep(page);
    for (let i = 0; i < 4; i++) {
      for (const name of ['This hurts', 'I feel dizzy', 'Next']) {
        const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
        expect(box.y + box.height, `${name} on ${await position(page)}`).to.be.at.most(640);
        expect(box.y).to.be.at.least(0);
      }
      await tap(page, 'Next');
    }
  });

  it('with reduced motion, the ring does not animate', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openCoach(page, web.base);
    await tap(page, /^Back break/);
    await toFirstStep(page);
    const transition = await page.evaluate("getComputedStyle(document.querySelector('.ring .progress')).transitionDuration");
    expect(transition).to.equal('0s');
  });
});
