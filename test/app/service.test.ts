import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createCoachService } from '../../src/app/service.js';
import type { CommitResult, Store } from '../../src/app/store.js';
import type { TurnRequest } from '../../src/app/turn.js';
import type { Intent } from '../../src/core/intents.js';
import { speechText } from '../../src/core/reply.js';
import { createLogger } from '../../src/log.js';
import { loadRoutines } from '../../src/routines/load.js';
import { MemoryStore, openStore } from '../../src/store/index.js';
import { screenedProfile } from '../scripts/script.js';

const routines = loadRoutines();
const NOW = new Date('2026-11-21T15:00:00Z');
const PERSON = 'terminal:service-test';

function service(store: Store, log = createLogger('silent')) {
  return createCoachService({ store, routines, log, now: () => NOW });
}

async function say(coach: ReturnType<typeof service>, ...intents: Intent[]) {
  let last;
  for (const intent of intents) last = await coach.handle({ personId: PERSON, surface: 'terminal', intent });
  return last!;
}

/** A screened person on the second step of five moves (knee circles, the other way). */
const toSecondStep: Intent[] = [
  { type: 'start', routine: 'five-moves' },
  { type: 'no' },
  { type: 'yes' },
  { type: 'painScore', score: 4 },
  { type: 'next' },
];

describe('application service', () => {
  it('a bad locale or time zone from a platform changes nothing stored, and the turn is answered', async () => {
    const store = new MemoryStore();
    await store.saveProfile(PERSON, { ...screenedProfile(NOW, 'en-GB'), timeZone: 'Europe/London' }, null);
    const coach = service(store);
    for (const bad of [{ locale: '<script>' }, { locale: 'x'.repeat(5000) }, { timeZone: 'Mars/Olympus_Mons' }, { locale: 'en_GB!', timeZone: '' }]) {
      const result = await coach.handle({ personId: PERSON, surface: 'terminal', intent: { type: 'launch' }, ...bad });
      expect(result.reply.moment).to.not.equal('busy');
      const stored = (await store.getProfile(PERSON))!.value as { locale: string; timeZone?: string; screening?: unknown };
      expect(stored.locale, JSON.stringify(bad).slice(0, 60)).to.equal('en-GB');
      expect(stored.timeZone).to.equal('Europe/London');
      expect(stored.screening, 'the screening on file is kept').to.not.equal(undefined);
    }
    const fine = await coach.handle({ personId: PERSON, surface: 'terminal', intent: { type: 'launch' }, locale: 'en-AU', timeZone: 'Australia/Sydney' });
    expect(fine.reply.moment).to.not.equal('busy');
    expect((await store.getProfile(PERSON))!.value).to.deep.include({ locale: 'en-AU', timeZone: 'Australia/Sydney' });
  });

  it('survives a restart: paused on SQLite, process gone, resumed at the same step and side', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bb-restart-')), 'bb.db');
    let store = await openStore(`sqlite:${file}`);
    await store.saveProfile(PERSON, screenedProfile(NOW), null);
    let coach = service(store);
    // Into the strap series, whose steps are sided by name: go to the first left-leg step.
    const before = await say(coach, ...toSecondStep, { type: 'next' }, { type: 'next' }, { type: 'next' }, { type: 'next' });
    expect(before.reply.moment).to.equal('step');
    const shown = before.reply.display;
    const paused = await say(coach, { type: 'pause' });
    expect(paused.reply.moment).to.equal('paused');
    await store.close();

    store = await openStore(`sqlite:${file}`);
    coach = service(store);
    const hello = await say(coach, { type: 'launch' });
    expect(speechText(hello.reply)).to.match(/pick up where you left off/i);
    const resumed = await say(coach, { type: 'yes' });
    expect(resumed.reply.moment).to.equal('step');
    expect(resumed.reply.display.heading).to.equal(shown.heading);
    expect(resumed.reply.display.position).to.deep.equal(shown.position);
    expect(resumed.reply.display.side).to.equal(shown.side);
    await store.close();
  });

  it('restarts politely when the stored session does not parse, and loses nothing else', async () => {
    const store = new MemoryStore();
    await store.saveProfile(PERSON, screenedProfile(NOW), null);
    await store.addHistory(PERSON, { routineId: 'five-moves', startedAt: NOW.toISOString(), finishedAt: NOW.toISOString(), completed: true, stepsDone: 5, stepsSkipped: 0 });
    await store.saveSession(PERSON, { v: 99, phase: 'warp' }, null);
    const coach = service(store);
    const result = await say(coach, { type: 'next' });
    expect(speechText(result.reply)).to.match(/start fresh/);
    expect(result.stale).to.equal(false);
    expect((await store.listHistory(PERSON, 5)).length).to.equal(1);
    const again = await say(coach, { type: 'start', routine: 'back-break' });
    expect(again.reply.moment).to.equal('screening');
  });

  it('ignores a stale button: an earlier turn changes nothing', async () => {
    const store = new MemoryStore();
    await store.saveProfile(PERSON, screenedProfile(NOW), null);
    const coach = service(store);
    const onStep = await say(coach, ...toSecondStep);
    const next = await coach.handle({ personId: PERSON, surface: 'slack', intent: { type: 'next' }, atTurn: onStep.turn });
    expect(next.stale).to.equal(false);
    const double = await coach.handle({ personId: PERSON, surface: 'slack', intent: { type: 'next' }, atTurn: onStep.turn });
    expect(double.stale).to.equal(true);
    expect(double.turn).to.equal(next.turn);
    expect(double.reply.display.heading).to.equal(next.reply.display.heading);
  });

  it('two devices at once: both turns apply, one after the other, none lost', async () => {
    const store = new MemoryStore();
    await store.saveProfile(PERSON, screenedProfile(NOW), null);
    const coach = service(store);
    const onStep = await say(coach, ...toSecondStep);
    const request = (intent: Intent): TurnRequest => ({ personId: PERSON, surface: 'terminal', intent });
    const [a, b] = await Promise.all([coach.handle(request({ type: 'next' })), coach.handle(request({ type: 'next' }))]);
    expect([a.turn, b.turn].sort()).to.deep.equal([onStep.turn + 1, onStep.turn + 2]);
    const stored = await store.getSession(PERSON);
    expect((stored!.value as { turn: number }).turn).to.equal(onStep.turn + 2);
  });

  it('erases a person: profile, session, history and reminders', async () => {
    const store = new MemoryStore();
    await store.saveProfile(PERSON, screenedProfile(NOW), null);
    const coach = service(store);
    await say(coach, ...toSecondStep);
    await store.putReminder({ id: 'r1', personId: PERSON, surface: 'slack', days: [1], time: '15:00', timeZone: 'UTC', target: 'D1', nextDueAt: NOW.getTime() });
    const asked = await say(coach, { type: 'forgetMe' });
    expect(asked.reply.moment).to.equal('forget');
    const done = await say(coach, { type: 'yes' });
    expect(done.reply.end).to.equal(true);
    expect(done.effects).to.deep.include({ type: 'cancelReminder' });
    expect(await store.getProfile(PERSON)).to.equal(undefined);
    expect(await store.getSession(PERSON)).to.equal(undefined);
    expect(await store.getReminder(PERSON, 'slack')).to.equal(undefined);
  });

  it('never logs screening answers or pain scores', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const store = new MemoryStore();
    const coach = service(store, createLogger('trace', sink));
    await say(coach, { type: 'start', routine: 'back-break' }, { type: 'yes' }, { type: 'unsure' });
    await say(coach, { type: 'start', routine: 'back-break' });
    await say(coach, ...toSecondStep, { type: 'painScore', score: 7 }, { type: 'hurts', kind: 'sharp' });
    const log = lines.join('');
    expect(lines.length).to.be.greaterThan(5);
    expect(log).to.not.match(/"score"\s*:\s*\d/);
    expect(log).to.not.match(/"answers"/);
    expect(log).to.not.match(/painBefore|painAfter/);
    expect(log).to.not.include(PERSON);
    // Turns are logged; what they were about is not: a safety event names a person's health.
    expect(log).to.include('"event":"turn"');
    expect(log).to.not.match(/"event":"safety"|tierA|tierB|painScore|"hurts"|"moment"/);
  });

  it('remembers finished routines: history, "did your back settle?" the next day, and the answer stored', async () => {
    const store = new MemoryStore();
    await store.saveProfile(PERSON, screenedProfile(NOW), null);
    let clock = NOW;
    const coach = createCoachService({ store, routines, log: createLogger('silent'), now: () => clock });
    const finish: Intent[] = [{ type: 'start', routine: 'back-break' }, { type: 'no' }, { type: 'yes' }, { type: 'painScore', score: 5 }];
    for (let i = 0; i < 6; i++) finish.push({ type: 'next' });
    const done = await say(coach, ...finish, { type: 'painScore', score: 2 }, { type: 'no' });
    expect(done.reply.moment).to.equal('goodbye');

    const history = await say(coach, { type: 'history' });
    expect(speechText(history.reply)).to.include('Back break').and.include('pain 5 to 2');

    clock = new Date(NOW.getTime() + 20 * 3600_000);
    const hello = await say(coach, { type: 'launch' });
    expect(hello.reply.moment).to.equal('settled');
    await say(coach, { type: 'yes' });
    const [entry] = await store.listHistory(PERSON, 1);
    expect(entry).to.include({ routineId: 'back-break', completed: true, painBefore: 5, painAfter: 2, settled: true });
  });

  it('a session stored by the version before (keyed by phase) gets the polite fresh start', async () => {
    const store = new MemoryStore();
    await store.saveProfile(PERSON, screenedProfile(NOW), null);
    const run = { routineId: 'back-break', items: [{ stepId: 'seated-pelvic-tilts', round: 1 }], index: 0, startedAt: NOW.toISOString(), done: [], skipped: [], easier: false, avoid: [], cautioned: [] };
    await store.saveSession(PERSON, { v: 1, turn: 7, phase: 'step', screenFull: false, run }, null);
    const hello = await say(service(store), { type: 'launch' });
    expect(hello.reply.moment).to.equal('choosing');
    expect(speechText(hello.reply)).to.include("I couldn't pick up our last conversation, so let's start fresh.");
  });

  it('when another device keeps winning the session, the person hears "busy" and can say it again', async () => {
    class Contended extends MemoryStore {
      override async commitTurn(): Promise<CommitResult> {
        return { ok: false, reason: 'conflict' };
      }
    }
    const store = new Contended();
    await store.saveProfile(PERSON, screenedProfile(NOW), null);
    const result = await say(service(store), { type: 'start', routine: 'back-break' });
    expect(result.reply.moment).to.equal('busy');
    expect(result.stale).to.equal(true);
    expect(result.reply.end).to.equal(false);
    expect(result.reply.reprompt).to.match(/say that again/);
  });
});
