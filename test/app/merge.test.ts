import { expect } from 'chai';
import { mergeProfiles, mergeScreening, mergeSessions } from '../../src/app/merge.js';
import { newProfile, type Screening } from '../../src/core/profile.js';
import { blockingAnswers } from '../../src/core/screening.js';
import { newSession, runOf, type RoutineRun, type Session } from '../../src/core/session.js';

const DAY1 = '2026-11-01T09:00:00.000Z';
const DAY2 = '2026-11-10T09:00:00.000Z';
const DAY3 = '2026-11-20T09:00:00.000Z';
const NOW = new Date('2026-11-23T10:00:00Z');

function screening(at: string, answers: Screening['answers'], extra: Partial<Screening> = {}): Screening {
  return { answers, at, ...extra };
}

describe('merging two people who link their identities', () => {
  describe('screening answers', () => {
    it('keeps the newest answer to each question, with the time it was given', () => {
      const alexa = screening(DAY1, { bFever: 'no', cOsteoporosis: 'yes', cNeck: 'no' });
      const web = screening(DAY2, { bFever: 'no', cOsteoporosis: 'no' }, { answeredAt: { bFever: DAY2, cOsteoporosis: DAY2 } });
      const merged = mergeScreening(alexa, web)!;
      expect(merged.answers).to.deep.equal({ bFever: 'no', cNeck: 'no', cOsteoporosis: 'no' });
      expect(merged.answeredAt).to.deep.equal({ bFever: DAY2, cNeck: DAY1, cOsteoporosis: DAY2 });
      expect(merged.at).to.equal(DAY2);
      // Either way round.
      expect(mergeScreening(web, alexa)!.answers).to.deep.equal(merged.answers);
    });

    it('never lifts a tier B answer that is positive and not cleared, even by a newer "no"', () => {
      const older = screening(DAY1, { bCancer: 'yes', bNight: 'unsure' });
      const newer = screening(DAY3, { bCancer: 'no', bNight: 'no' });
      for (const merged of [mergeScreening(older, newer)!, mergeScreening(newer, older)!]) {
        expect(merged.answers).to.include({ bCancer: 'yes', bNight: 'unsure' });
        expect(blockingAnswers(merged)).to.have.members(['bCancer', 'bNight']);
      }
    });

    it('a clearance goes only with the answer it cleared: an older clearance never covers a newer "yes"', () => {
      const cleared = screening(DAY1, { bCancer: 'yes' }, { cleared: { bCancer: DAY2 } });
      const newerYes = screening(DAY3, { bCancer: 'yes' });
      const merged = mergeScreening(cleared, newerYes)!;
      expect(merged.answeredAt!.bCancer).to.equal(DAY3);
      expect(merged.cleared?.bCancer).to.equal(undefined);
      expect(blockingAnswers(merged)).to.deep.equal(['bCancer']);
      // A cleared answer that is the newest keeps its clearance.
      const kept = mergeScreening(screening(DAY3, { bCancer: 'yes' }, { cleared: { bCancer: DAY3 } }), screening(DAY1, { bCancer: 'no' }))!;
      expect(kept.cleared).to.deep.equal({ bCancer: DAY3 });
      expect(blockingAnswers(kept)).to.deep.equal([]);
    });

    it('on a tie, the careful answer wins', () => {
      const merged = mergeScreening(screening(DAY2, { cDizzy: 'no' }), screening(DAY2, { cDizzy: 'unsure' }))!;
      expect(merged.answers.cDizzy).to.equal('unsure');
    });
  });

  it('profiles: flared moves, greeting, comfort and surface data from both; the surviving person keeps their own settings', () => {
    const into = { ...newProfile(new Date(DAY2), 'en-GB'), flaredSteps: ['knee-circles'], surfaces: { slack: { channel: 'D1' } } };
    const from = {
      ...newProfile(new Date(DAY1)),
      greeted: true,
      timeZone: 'Europe/London',
      flaredSteps: ['bridge', 'knee-circles'],
      prefs: { handsFree: true, comfortableWithStretches: true },
      surfaces: { web: { seen: 'yes' } },
    };
    const merged = mergeProfiles(into, from);
    expect(merged.locale).to.equal('en-GB');
    expect(merged.timeZone).to.equal('Europe/London');
    expect(merged.createdAt).to.equal(DAY1);
    expect(merged.greeted).to.equal(true);
    expect(merged.flaredSteps).to.deep.equal(['knee-circles', 'bridge']);
    expect(merged.prefs).to.deep.equal({ handsFree: false, comfortableWithStretches: true });
    expect(merged.surfaces).to.deep.equal({ slack: { channel: 'D1' }, web: { seen: 'yes' } });
  });

  it('today’s left-out moves and techniques from both; a list from an earlier day gives way', () => {
    const today = '2026-11-23';
    const a = { ...newProfile(new Date(DAY2)), leftOutToday: { day: today, steps: ['five-moves/bridge'], techniques: [{ tag: 'twist' as const, side: 'right' as const }] } };
    const b = { ...newProfile(new Date(DAY2)), leftOutToday: { day: today, steps: ['back-break/twists', 'five-moves/bridge'], techniques: [{ tag: 'twist' as const, side: 'right' as const }, { tag: 'forward-fold' as const }] } };
    expect(mergeProfiles(a, b).leftOutToday).to.deep.equal({
      day: today,
      steps: ['five-moves/bridge', 'back-break/twists'],
      techniques: [{ tag: 'twist', side: 'right' }, { tag: 'forward-fold' }],
    });
    const yesterday = { ...b, leftOutToday: { ...b.leftOutToday, day: '2026-11-22' } };
    expect(mergeProfiles(yesterday, a).leftOutToday).to.deep.equal(a.leftOutToday);
    expect(mergeProfiles(newProfile(new Date(DAY2)), a).leftOutToday).to.deep.equal(a.leftOutToday);
  });

  describe('sessions', () => {
    const run = (avoid: string[]): RoutineRun => ({
      routineId: 'five-moves',
      items: [{ stepId: 'knee-circles', round: 1 }],
      index: 0,
      startedAt: DAY3,
      done: [],
      skipped: [],
      easier: false,
      avoid,
      leftOut: [],
      flared: false,
      cautioned: [],
      spentMs: 0,
    });

    it('keeps the routine under way, joins today’s left-out moves, and moves the turn past both', () => {
      const walking: Session = { ...newSession(), turn: 7, moment: 'step', run: run(['bridge']) };
      const other: Session = { ...newSession(), turn: 12, moment: 'step', run: run(['head-hang']) };
      const merged = mergeSessions({ ...newSession(), turn: 3 }, walking, NOW, 'UTC')!;
      expect(merged.moment).to.equal('step');
      expect(runOf(merged)?.avoid).to.deep.equal(['bridge']);
      expect(merged.turn).to.equal(8);
      const both = mergeSessions(walking, other, NOW, 'UTC')!;
      expect(runOf(both)?.avoid).to.have.members(['bridge', 'head-hang']);
      expect(both.turn).to.equal(13);
    });

    it('never lifts a block of today’s exercise, and a tier A block outranks a tier B one', () => {
      const today = '2026-11-23';
      const walking: Session = { ...newSession(), turn: 4, moment: 'step', run: run([]) };
      const blockedB: Session = { ...newSession(), turn: 2, moment: 'urgent', blocked: { tier: 'B', day: today } };
      const blockedA: Session = { ...newSession(), turn: 1, moment: 'emergency', blocked: { tier: 'A', day: today } };
      const merged = mergeSessions(walking, blockedB, NOW, 'UTC')!;
      expect(merged.blocked).to.deep.equal({ tier: 'B', day: today });
      expect(merged.moment).to.equal('urgent');
      expect(mergeSessions(blockedB, blockedA, NOW, 'UTC')!.blocked).to.deep.equal({ tier: 'A', day: today });
      expect(mergeSessions(blockedA, blockedB, NOW, 'UTC')!.blocked).to.deep.equal({ tier: 'A', day: today });
      // Yesterday's block is the core's to clear, not a reason to stop today.
      const yesterday: Session = { ...blockedB, blocked: { tier: 'B', day: '2026-11-22' } };
      expect(mergeSessions(walking, yesterday, NOW, 'UTC')!.blocked).to.equal(undefined);
      expect(mergeSessions(undefined, blockedA, NOW, 'UTC')).to.deep.equal(blockedA);
    });
  });
});
