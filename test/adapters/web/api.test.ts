import { expect } from 'chai';
import { personIdOf } from '../../../src/adapters/web/person.js';
import { Browser, speech, startWeb, type WebHarness } from './harness.js';

describe('web API through the real server', function () {
  let web: WebHarness;
  beforeEach(async () => (web = await startWeb()));
  afterEach(() => web.close());

  it('serves the coach page at / with a strict content security policy', async () => {
    const res = await fetch(`${web.base}/`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/text\/html/);
    expect(await res.text()).to.include('<script type="module" src="/coach.js">');
    expect(res.headers.get('content-security-policy')).to.include("script-src 'self'").and.include("frame-ancestors 'none'");
    expect((await fetch(`${web.base}/history`)).status).to.equal(200);
    expect((await fetch(`${web.base}/coach.js`)).headers.get('content-type')).to.match(/javascript/);
  });

  it('gives a new person a random HttpOnly, SameSite=Lax cookie, and keeps them by it', async () => {
    const res = await fetch(`${web.base}/api/coach`);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).to.match(/^bb_person=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    const other = (await fetch(`${web.base}/api/coach`)).headers.get('set-cookie')!;
    expect(other.split(';')[0]).to.not.equal(cookie.split(';')[0]);

    const b = new Browser(web.base);
    await b.say('start the back break');
    const again = await b.request('/api/coach');
    expect(((await again.json()) as { reply: { moment: string } }).reply.moment).to.equal('screening');
    // The store keys the person by a hash of the secret, never the secret itself.
    const secret = b.cookie.split('=')[1]!;
    expect(personIdOf(secret)).to.match(/^web:/).and.not.include(secret);
    expect(await web.store.getSession(personIdOf(secret))).to.not.equal(undefined);
    expect(await web.store.getSession(`web:${secret}`)).to.equal(undefined);
  });

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const res = await fetch(`${web.base}/api/coach`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('set-cookie')).to.match(/; Secure$/);
  });

  it('replaces a malformed cookie with a new person instead of failing', async () => {
    const res = await fetch(`${web.base}/api/coach`, { headers: { cookie: 'bb_person=../../etc; other=1' } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('set-cookie')).to.match(/^bb_person=[A-Za-z0-9_-]{43};/);
  });

  it('takes a tap (an intent) or words (parsed against what the coach expects)', async () => {
    const b = new Browser(web.base);
    const first = await b.turn({ intent: { type: 'start', routine: 'back-break' } });
    expect(first.reply.moment).to.equal('screening');
    expect(first.reply.choices.map((c) => c.label)).to.deep.equal(['Yes', 'No', 'Not sure']);
    const typed = await b.say('nope', first.reply.expect);
    expect(typed.reply.moment).to.equal('screening');
    expect(speech(typed)).to.match(/fever/);
    expect(typed.turn).to.equal(first.turn + 1);
  });

  it('ignores a stale or double tap: the turn it was drawn for has passed', async () => {
    const b = new Browser(web.base);
    const first = await b.turn({ intent: { type: 'start', routine: 'back-break' } });
    const answered = await b.turn({ intent: { type: 'no' }, atTurn: first.turn });
    const double = await b.turn({ intent: { type: 'no' }, atTurn: first.turn });
    expect(double.stale).to.equal(true);
    expect(double.turn).to.equal(answered.turn);
  });

  it('answers bad input with a clear 4xx and changes nothing', async () => {
    const b = new Browser(web.base);
    await b.say('start the back break');
    const cases: Array<[unknown, number, RegExp]> = [
      [{ intent: { type: 'jump' } }, 400, /bad turn/],
      [{ intent: { type: 'next' }, text: 'next' }, 400, /either intent or text/],
      [{}, 400, /either intent or text/],
      [{ text: 'x'.repeat(301) }, 400, /text/],
      [{ intent: { type: 'next' }, atTurn: -1 }, 400, /atTurn/],
      [{ intent: { type: 'next' }, extra: 1 }, 400, /bad turn/],
      ['{"intent":', 400, /not JSON/],
      [{ text: 'y'.repeat(3000) }, 413, /too large/],
    ];
    for (const [body, status, message] of cases) {
      const res = await b.request('/api/coach', { body });
      expect(res.status, JSON.stringify(body).slice(0, 40)).to.equal(status);
      expect(((await res.json()) as { error: string }).error).to.match(message);
    }
    const wrongType = await b.request('/api/coach', { body: '{}', headers: { 'content-type': 'text/plain' } });
    expect(wrongType.status).to.equal(415);
    const now = (await (await b.request('/api/coach')).json()) as { reply: { moment: string }; turn: number };
    expect(now.reply.moment).to.equal('screening');
    expect(now.turn).to.equal(1);
    expect((await b.request('/api/nothing')).status).to.equal(404);
  });

  it('refuses writes from another site (CSRF), whatever the cookie', async () => {
    const b = new Browser(web.base);
    await b.say('start the back break');
    const attempts: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site', origin: web.base },
      { 'sec-fetch-site': 'same-site', origin: web.base },
    ];
    for (const headers of attempts) {
      const res = await b.request('/api/coach', { body: { intent: { type: 'forgetMe' } }, headers });
      expect(res.status, JSON.stringify(headers)).to.equal(403);
    }
    const noOrigin = await fetch(`${web.base}/api/coach`, {
      method: 'POST',
      headers: { cookie: b.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ intent: { type: 'forgetMe' } }),
    });
    expect(noOrigin.status).to.equal(403);
    const ok = await b.request('/api/coach', { body: { intent: { type: 'help' } }, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(ok.status).to.equal(200);
  });

  it('limits the requests of one person, and not of another', async () => {
    const b = new Browser(web.base);
    await b.request('/api/coach');
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await b.request('/api/routines')).status);
    expect(statuses.filter((s) => s === 429).length).to.be.greaterThan(0);
    expect(statuses.slice(0, 25).every((s) => s === 200)).to.equal(true);
    const limited = await b.request('/api/routines');
    expect(limited.headers.get('retry-after')).to.equal('2');
    const other = new Browser(web.base);
    other.cookie = 'bb_person=' + 'a'.repeat(43);
    expect((await other.request('/api/routines')).status).to.equal(200);
  });

  it('lists the routines with minutes and equipment', async () => {
    const res = await fetch(`${web.base}/api/routines`);
    const { routines } = (await res.json()) as { routines: Array<{ id: string; minutes: number; equipment: Array<{ name: string }> }> };
    const fiveMoves = routines.find((r) => r.id === 'five-moves')!;
    expect(fiveMoves.minutes).to.be.greaterThan(3);
    expect(fiveMoves.equipment.map((e) => e.name).join(' ')).to.match(/strap/);
    expect(routines.find((r) => r.id === 'back-break')!.equipment).to.deep.equal([]);
  });

  it('says the page cannot send reminders when a person asks for one', async () => {
    const b = new Browser(web.base);
    const r = await b.say('remind me weekdays at 9am');
    expect(r.notice).to.match(/cannot send reminders/);
  });

  it('shows a link code for this device and takes one from another, with clear answers for bad ones', async () => {
    const phone = new Browser(web.base);
    const laptop = new Browser(web.base);
    const issued = (await (await phone.request('/api/link/code', { body: {} })).json()) as { code: string; minutes: number };
    expect(issued.code).to.match(/^\d{3}-\d{3}$/);
    expect(issued.minutes).to.equal(10);
    expect(await (await laptop.request('/api/link', { body: { code: 'abc' } })).json()).to.deep.equal({ kind: 'malformed' });
    const wrong = issued.code === '000-000' ? '000-001' : '000-000';
    expect(await (await laptop.request('/api/link', { body: { code: wrong } })).json()).to.deep.equal({ kind: 'wrongCode', triesLeft: 4 });
    expect((await laptop.request('/api/link', { body: { code: 123456 } })).status).to.equal(400);
    expect((await laptop.request('/api/link', { body: { code: issued.code }, headers: { origin: 'https://evil.example' } })).status).to.equal(403);
    expect(await (await laptop.request('/api/link', { body: { code: issued.code } })).json()).to.deep.equal({ kind: 'linked' });
    // The laptop now walks with the phone's person: what one starts, the other sees.
    await phone.say('start the back break');
    const seen = (await (await laptop.request('/api/coach')).json()) as { reply: { moment: string } };
    expect(seen.reply.moment).to.equal('screening');
  });

  it('reads typed words with the typed understanding, against what the coach waits for', async () => {
    const b = new Browser(web.base);
    const first = await b.turn({ text: 'five moevs', expect: 'routine', moment: 'choosing', end: false });
    expect(first.reply.moment).to.equal('screening');
    const answered = await b.turn({ text: 'nah', expect: first.reply.expect, moment: first.reply.moment, end: first.reply.end });
    expect(answered.turn).to.equal(first.turn + 1);
    expect(speech(answered)).to.not.match(/didn't catch/);
  });
});
