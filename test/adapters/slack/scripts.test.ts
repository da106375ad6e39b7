import { expect } from 'chai';
import { check, loadScripts, type Observed, screenedProfile, TYPED_SCRIPTS_DIR } from '../../scripts/script.js';
import { buttonsOf, SlackHarness, TEAM, textOf } from './harness.js';

/**
 * The shared conversation scripts, through Slack: each `say` presses the button whose label matches it on
 * the person's current session message when there is one, otherwise it is typed as `/backbreak <say>`.
 * What the person then sees (the session message, or the ephemeral answer to the command) is checked.
 * Slack has no sessions to end: `newSessionBefore` changes nothing here, the DM conversation just goes on.
 */
const scripts = loadScripts();

/** A label matches the words exactly, or starts with them as whole words ("sharp" -> "Sharp or shooting"). */
function matches(label: string, say: string): boolean {
  const l = label.toLowerCase().trim();
  const s = say.toLowerCase().trim();
  return l === s || l.startsWith(`${s} `);
}

describe('conversation scripts through Slack', function () {
  let h: SlackHarness;
  before(async () => {
    h = await SlackHarness.start();
  });
  after(async () => {
    await h.close();
  });

  it('finds the scripts', () => {
    expect(scripts.length).to.be.greaterThan(0);
  });

  scripts.forEach((script, n) => {
    it(`${script.file}: ${script.name}`, async () => {
      const user = `USCRIPT${n}`;
      const personId = `slack:${TEAM}:${user}`;
      h.fake.locales.set(user, script.locale);
      if (script.screened) {
        const saved = await h.store.saveProfile(personId, { ...screenedProfile(new Date(), script.locale) }, null);
        expect(saved.ok).to.equal(true);
      }
      const failures: string[] = [];
      for (const [i, turn] of script.turns.entries()) {
        const current = h.currentMessage(user);
        const button = current && !current.body.metadata.event_payload.end ? buttonsOf(current.body.blocks).find((b) => matches(b.label, turn.say)) : undefined;
        let seen: Observed;
        if (button && current) {
          const res = await h.sendAction(h.clickPayload(user, current.message, button));
          expect(res.status, `turn ${i}`).to.equal(200);
          seen = observe(h, user);
        } else {
          const before = h.fake.messages().length;
          const res = await h.command(user, turn.say);
          expect(res.status, `turn ${i}`).to.equal(200);
          // A usage line or a menu answers in the command's own (ephemeral) reply; a turn moves the DM message.
          seen = h.fake.messages().length > before || !res.json ? observe(h, user) : { speech: `${res.json.text}\n${textOf(res.json.blocks)}`, choices: buttonsOf(res.json.blocks).map((b) => b.label), end: false };
        }
        const problems = check(turn.expect, seen);
        if (problems.length > 0) failures.push(`turn ${i} "${turn.say}": ${problems.join('; ')}\n      saw: ${seen.speech.replace(/\n/g, ' | ').slice(0, 400)}`);
      }
      expect(failures, failures.join('\n')).to.deep.equal([]);
    });
  });
});

/**
 * The scripts in people's own words, typed in the app's DM (the message.im event) through the real server:
 * each `say` is a message; what the person then sees is the session message, or the answer posted below theirs.
 */
describe("conversation scripts in people's own words, typed in Slack's DM", function () {
  let h: SlackHarness;
  before(async () => {
    h = await SlackHarness.start();
  });
  after(async () => {
    await h.close();
  });
  const typedScripts = loadScripts(TYPED_SCRIPTS_DIR);

  it('finds the scripts', () => {
    expect(typedScripts.length).to.be.greaterThan(0);
  });

  typedScripts.forEach((script, n) => {
    it(`typed/${script.file}: ${script.name}`, async () => {
      const user = `UTYPED${n}`;
      const channel = `D${user.replace(/^U/, '')}`;
      const personId = `slack:${TEAM}:${user}`;
      h.fake.locales.set(user, script.locale);
      if (script.screened) expect((await h.store.saveProfile(personId, { ...screenedProfile(new Date(), script.locale) }, null)).ok).to.equal(true);
      const failures: string[] = [];
      for (const [i, turn] of script.turns.entries()) {
        const before = h.fake.messages().length;
        await h.event({ type: 'message', channel_type: 'im', channel, user, text: turn.say, ts: `${Date.now() / 1000}.${i}` });
        const posted = h.fake.messages().slice(before).filter((c) => c.body.metadata?.event_type !== 'back_break_turn');
        // A usage line is posted below the person's words; a turn moves the session message.
        const seen = posted.length && !h.fake.messages().slice(before).some((c) => c.body.metadata?.event_type === 'back_break_turn')
          ? { speech: `${posted.at(-1)!.body.text}`, choices: [], end: false }
          : observe(h, user);
        const problems = check(turn.expect, seen);
        if (problems.length > 0) failures.push(`turn ${i} "${turn.say}": ${problems.join('; ')}\n      saw: ${seen.speech.replace(/\n/g, ' | ').slice(0, 400)}`);
      }
      expect(failures, failures.join('\n')).to.deep.equal([]);
    });
  });
});

function observe(h: SlackHarness, user: string): Observed {
  const current = h.currentMessage(user);
  if (!current) return { speech: '', choices: [], end: false };
  const meta = current.body.metadata.event_payload as { moment: string; end: boolean };
  return { moment: meta.moment, speech: textOf(current.body.blocks), choices: buttonsOf(current.body.blocks).map((b) => b.label), end: meta.end };
}
