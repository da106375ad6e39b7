import { expect } from 'chai';
import type { Reminder, Store } from '../../src/app/store.js';
import { newProfile, type HistoryEntry } from '../../src/core/profile.js';

/**
 * Slack workspaces, part of the Store contract (memory, SQLite, PostgreSQL): installations stored by team,
 * and erasing a workspace (app_uninstalled, tokens_revoked) takes its installation and everything under its
 * people's ids, and nothing of anyone else's.
 */
const T = Date.UTC(2026, 10, 23, 9, 0);
const GONE = ['slack:TGONE:U1', 'slack:TGONE:U2'];
const KEPT = ['slack:TKEPT:U1', 'alexa:amzn1.ask.account.kept', 'slack:TGONEX:U1'];

function entry(): HistoryEntry {
  const at = new Date(T).toISOString();
  return { routineId: 'back-break', startedAt: at, finishedAt: at, completed: true, stepsDone: 6, stepsSkipped: 0, painBefore: 5, painAfter: 3 };
}

function reminder(personId: string): Reminder {
  return { id: personId, personId, surface: 'slack', days: [1], time: '15:00', timeZone: 'UTC', target: 'D1', nextDueAt: T };
}

const installation = (team: string, token: string) => ({ team: { id: team, name: `Team ${team}` }, bot: { token, id: 'B1', userId: 'UBOT', scopes: ['chat:write'] }, authVersion: 'v2' });

export function workspaceContract(current: () => Store): void {
  describe('slack workspaces', function () {
    let store: Store;
    beforeEach(() => (store = current()));

    it('keeps one installation per team, the newest, and reads it back as stored', async function () {
      expect(await store.getInstallation('TGONE')).to.equal(undefined);
      await store.putInstallation('TGONE', installation('TGONE', 'xoxb-first'), T);
      await store.putInstallation('TGONE', installation('TGONE', 'xoxb-second'), T + 1);
      await store.putInstallation('TKEPT', installation('TKEPT', 'xoxb-kept'), T);
      expect(await store.getInstallation('TGONE')).to.deep.equal(installation('TGONE', 'xoxb-second'));
      expect(await store.getInstallation('TKEPT')).to.deep.equal(installation('TKEPT', 'xoxb-kept'));
    });

    it("erasing a workspace removes its installation and its people's profiles, sessions, history, reminders, links and codes only", async function () {
      for (const id of [...GONE, ...KEPT]) {
        await store.saveProfile(id, newProfile(new Date(T)), null);
        await store.saveSession(id, { v: 1, count: 1 }, null);
        await store.addHistory(id, entry());
        await store.putReminder(reminder(id));
      }
      await store.putInstallation('TGONE', installation('TGONE', 'xoxb-gone'), T);
      await store.putInstallation('TKEPT', installation('TKEPT', 'xoxb-kept'), T);
      await store.putLinkCode({ code: '123456', personId: GONE[0]!, expiresAt: T + 600_000 }, T);
      await store.addLinkTry(GONE[1]!, T, T - 1);

      await store.eraseWorkspace('TGONE');
      await store.eraseWorkspace('TGONE');

      expect(await store.getInstallation('TGONE')).to.equal(undefined);
      for (const id of GONE) {
        expect(await store.getProfile(id), id).to.equal(undefined);
        expect(await store.getSession(id), id).to.equal(undefined);
        expect(await store.listHistory(id, 10), id).to.deep.equal([]);
        expect(await store.getReminder(id, 'slack'), id).to.equal(undefined);
      }
      expect(await store.takeLinkCode('123456', T)).to.equal(undefined);
      expect(await store.linkTries(GONE[1]!, T - 1)).to.equal(0);

      expect(await store.getInstallation('TKEPT')).to.not.equal(undefined);
      for (const id of KEPT) {
        expect(await store.getProfile(id), id).to.not.equal(undefined);
        expect(await store.getSession(id), id).to.not.equal(undefined);
        expect(await store.listHistory(id, 10), id).to.have.length(1);
        expect(await store.getReminder(id, 'slack'), id).to.not.equal(undefined);
      }
    });

    it('a Slack identity of the erased workspace is unlinked from the person it joined; that person keeps their own data', async function () {
      const alexa = 'alexa:amzn1.ask.account.linked';
      await store.saveProfile(alexa, newProfile(new Date(T)), null);
      await store.addHistory(alexa, entry());
      const ip = await store.getProfile(alexa);
      await store.mergePerson({
        from: GONE[0]!,
        into: alexa,
        read: { fromProfile: null, fromSession: null, intoProfile: ip!.version, intoSession: null },
        profile: newProfile(new Date(T)),
        session: { v: 1, count: 1 },
        now: T,
      });
      expect(await store.resolvePerson(GONE[0]!)).to.equal(alexa);
      await store.eraseWorkspace('TGONE');
      expect(await store.resolvePerson(GONE[0]!)).to.equal(GONE[0]);
      expect(await store.linkedIds(alexa)).to.deep.equal([alexa]);
      expect(await store.listHistory(alexa, 10)).to.have.length(1);
    });

    it('refuses a team id that is not Slack\'s plain form, erasing nothing', async function () {
      await store.saveProfile('slack:T%:U1', newProfile(new Date(T)), null);
      for (const bad of ['T%', '', 'T_1', 'T:1']) {
        let refused = false;
        await store.eraseWorkspace(bad).catch(() => (refused = true));
        expect(refused, bad).to.equal(true);
      }
      expect(await store.getProfile('slack:T%:U1')).to.not.equal(undefined);
    });
  });
}
