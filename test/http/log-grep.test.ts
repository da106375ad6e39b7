import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { personIdOf } from '../../src/adapters/web/person.js';
import { createLogger } from '../../src/log.js';
import { envelope } from '../adapters/alexa/envelopes.js';
import { device, personOf, say } from '../adapters/alexa/harness.js';
import { buttonsOf, SlackHarness, TEAM, textOf } from '../adapters/slack/harness.js';
import { Browser, speech } from '../adapters/web/harness.js';
import { loadScripts, screenedProfile, type Script, TYPED_SCRIPTS_DIR } from '../scripts/script.js';

/**
 * Whole conversations on every surface through the real server (Alexa envelopes from a virtual Echo, signed
 * Slack requests over HTTP, the web coach's API, the terminal chat as a process), logged at trace level, and
 * every line read for what must never be there (issue 16): the pain scores and screening answers said, the
 * coach's words (which carry them: "from 4 to 2", the emergency advice), the safety moments, person and team
 * ids as the platforms send them, and the secrets (Slack's, the pseudonyms' key, the web cookie).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const USERS = ['ULOGGREPA1', 'ULOGGREPB2', 'ULOGGREPC3'];

/** Numbers a line may carry: what they count is never a person's health. Anything else numeric is a finding. */
const NUMBERS = new Set(['level', 'time', 'pid', 'ms', 'status', 'turn', 'atTurn', 'attempt', 'port', 'count', 'rowId', 'historyId', 'reminder', 'lateMs', 'heldUntil', 'retryAfterSeconds', 'tries', 'version', 'applied', 'ssmlChars']);
/** Keys that would say what a person's health is, whatever their value. */
const HEALTH_KEY = /pain|score|screen|answer|sign|condition|emergency|safety|hurt|dizzy|flare|settled|cleared|intent|moment|kind/i;
/** Values made of random or keyed hex (a request id, a pseudonym): any digits in them mean nothing. */
const OPAQUE = new Set(['reqId', 'person', 'joined', 'team', 'hostname']);
/** Words of the coach's safety moments and of what people say about their backs. */
const HEALTH_WORDS = /painScore|painBefore|painAfter|emergency|screening|hurtKind|hurts|dizzy|numb|911|\b999\b|\b112\b|doctor|chest pain|genital|bladder|bowel|sharp|shooting|tingl|osteopor|pregnan|fever|cancer|light ?headed/i;

interface Line {
  raw: string;
  where: string;
}

/** A person id and its plain sha256 tag (what the logs once carried, which anyone holding the id can recompute). */
function person(what: string, id: string): Array<[string, string]> {
  return [[what, id], [`the plain hash of ${what}`, createHash('sha256').update(id).digest('hex').slice(0, 12)]];
}

/** Every string and number in a parsed line, with its key path. */
function* leaves(value: unknown, path: string): Generator<[string, unknown]> {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* leaves(v, path ? `${path}.${k}` : k);
  } else yield [path, value];
}

function findings(lines: Line[], forbidden: Array<[string, string]>, saidByPeople: string[], coachWords: string[]): string[] {
  const out: string[] = [];
  for (const { raw, where } of lines) {
    const at = `${where}: ${raw.slice(0, 300)}`;
    for (const [what, text] of forbidden) if (raw.includes(text)) out.push(`${what} in ${at}`);
    for (const said of saidByPeople) if (raw.toLowerCase().includes(said)) out.push(`"${said}" (said by a person) in ${at}`);
    for (const words of coachWords) if (raw.includes(words)) out.push(`the coach's words "${words}" in ${at}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      out.push(`not a JSON line: ${at}`);
      continue;
    }
    for (const [path, value] of leaves(parsed, '')) {
      const key = path.split('.').at(-1)!;
      if (HEALTH_KEY.test(key) && value !== '[redacted]') out.push(`${path}=${JSON.stringify(value)} in ${at}`);
      if (typeof value === 'number' && !NUMBERS.has(key)) out.push(`number ${path}=${value} in ${at}`);
      if (typeof value === 'string' && !OPAQUE.has(key) && HEALTH_WORDS.test(value)) out.push(`${path}=${JSON.stringify(value)} in ${at}`);
    }
  }
  return out;
}

/** The sentences a person would hear, long enough to be the coach's own (not "Next" or "Yes"). */
function sentencesOf(text: string): string[] {
  return text
    .replace(/<[^>]+>/g, ' ')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 24);
}

describe('logs at trace level: whole conversations on every surface leave no health data, ids or secrets', function () {
  this.timeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'bb-log-grep-'));
  const lines: Line[] = [];
  const coachWords = new Set<string>();
  const said = new Set<string>();
  const forbidden: Array<[string, string]> = [];
  let surface = 'server';
  const log = createLogger(
    'trace',
    new Writable({
      write(chunk, _enc, done) {
        for (const raw of String(chunk).split('\n')) if (raw) lines.push({ raw, where: surface });
        done();
      },
    }),
  );
  let h: SlackHarness;

  before(async () => {
    h = await SlackHarness.start({ log, databaseUrl: `sqlite:${join(dir, 'back-break.db')}`, alexa: { verify: false } });
    forbidden.push(['the Slack signing secret', h.secret], ['the bot token', 'xoxb-'], ['a Slack team id', TEAM]);
    for (const user of USERS) forbidden.push(['a Slack user id', user], ...person('a Slack person', `slack:${TEAM}:${user}`));
  });
  after(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What people say in these scripts that is about them (numbers and yes/no are checked by key and value). */
  function hear(script: Script) {
    for (const turn of script.turns) if (turn.say.length >= 8) said.add(turn.say.toLowerCase());
  }
  const scripts = loadScripts();
  const typed = loadScripts(TYPED_SCRIPTS_DIR);

  it('Alexa: every script on a virtual Echo, "forget me", and the skill disabled', async () => {
    surface = 'alexa';
    for (const script of scripts) {
      hear(script);
      const alexa = device(h.baseUrl, { locale: script.locale });
      forbidden.push(['an Alexa user id', personOf(alexa).slice('alexa:'.length)], ...person('an Alexa person', personOf(alexa)));
      if (script.screened) await h.store.saveProfile(personOf(alexa), screenedProfile(new Date(), script.locale), null);
      for (const [i, turn] of script.turns.entries()) {
        if (script.newSessionBefore.includes(i)) await alexa.endSession();
        for (const s of sentencesOf((await say(alexa, turn.say)).speech)) coachWords.add(s);
      }
      await say(alexa, 'forget me');
      await say(alexa, 'yes');
    }
    const userId = 'amzn1.ask.account.LOGGREPDISABLED';
    forbidden.push(['an Alexa user id', userId]);
    const disabled = envelope({ type: 'AlexaSkillEvent.SkillDisabled', body: { userInformationPersistenceStatus: 'NOT_PERSISTED' } }, { userId });
    const res = await fetch(`${h.baseUrl}/alexa`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(disabled) });
    expect(res.status).to.equal(200);
  });

  it('Slack: every script by buttons and /backbreak, the typed ones in the DM, a reminder, a zone change, forget, and the workspace leaving', async () => {
    surface = 'slack';
    const observe = (user: string) => {
      const current = h.currentMessage(user);
      if (current) for (const s of sentencesOf(textOf(current.body.blocks))) coachWords.add(s);
    };
    for (const [n, script] of scripts.entries()) {
      hear(script);
      const user = USERS[n % USERS.length]!;
      h.fake.locales.set(user, script.locale);
      if (script.screened) await h.store.saveProfile(`slack:${TEAM}:${user}`, screenedProfile(new Date(), script.locale), null);
      for (const turn of script.turns) {
        const current = h.currentMessage(user);
        const button = current && !current.body.metadata.event_payload.end ? buttonsOf(current.body.blocks).find((b) => b.label.toLowerCase() === turn.say.toLowerCase() || b.label.toLowerCase().startsWith(`${turn.say.toLowerCase()} `)) : undefined;
        const res = button && current ? await h.sendAction(h.clickPayload(user, current.message, button)) : await h.command(user, turn.say);
        expect(res.status).to.equal(200);
        if (res.json?.text) for (const s of sentencesOf(`${res.json.text}\n${textOf(res.json.blocks)}`)) coachWords.add(s);
        observe(user);
      }
    }
    for (const [n, script] of typed.entries()) {
      hear(script);
      const user = USERS[n % USERS.length]!;
      const channel = `D${user.replace(/^U/, '')}`;
      for (const [i, turn] of script.turns.entries()) {
        await h.event({ type: 'message', channel_type: 'im', channel, user, text: turn.say, ts: `${Date.now() / 1000}.${i}` });
        observe(user);
      }
    }
    const user = USERS[0]!;
    await h.command(user, 'remind daily 9am');
    await h.event({ type: 'user_change', user: { id: user, team_id: TEAM, name: 'someone', tz: 'America/New_York', tz_label: 'Eastern', tz_offset: -18000 } });
    await h.event({ type: 'app_home_opened', user, channel: `D${user.slice(1)}`, tab: 'home' });
    await h.command(user, 'forget');
    await h.click(user, 'Yes');
    await h.event({ type: 'app_uninstalled' });
  });

  it('the web coach: every script typed into the page, and "forget me"', async () => {
    surface = 'web';
    for (const script of scripts) {
      hear(script);
      const b = new Browser(h.baseUrl);
      await b.request('/api/coach');
      const secret = b.cookie.split('=')[1]!;
      forbidden.push(['the web cookie', secret], ...person('a web person', personIdOf(secret)));
      let expectNext = 'routine';
      for (const [i, turn] of script.turns.entries()) {
        if (script.newSessionBefore.includes(i)) expectNext = (await b.turn({ intent: { type: 'launch' }, locale: script.locale })).reply.expect;
        const r = await b.turn({ text: turn.say, expect: expectNext, locale: script.locale });
        expectNext = r.reply.end ? 'routine' : r.reply.expect;
        for (const s of sentencesOf(speech(r))) coachWords.add(s);
      }
      await b.turn({ intent: { type: 'forgetMe' } });
      await b.turn({ intent: { type: 'yes' } });
    }
  });

  it('the terminal: the chat as a process, logging to stderr at trace level', async () => {
    surface = 'terminal';
    // A first-timer in their own words (a four, tingling, light headed, a two), then a warning sign at the next start.
    const firstTime = typed.find((s) => s.file === 'first-time.yaml')!;
    hear(firstTime);
    const input = firstTime.turns.map((t) => t.say).concat(['start five moves', 'yes', 'forget me', 'yes']).join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/adapters/terminal/main.ts', '--profile', 'loggrepper'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'trace', DATABASE_URL: `sqlite:${join(dir, 'terminal.db')}` },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += String(c)));
    child.stderr.on('data', (c) => (err += String(c)));
    child.stdin.end(`${input}\n`);
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code, err).to.equal(0);
    expect(out).to.match(/from 4 to 2/);
    expect(out).to.match(/911/);
    for (const raw of err.split('\n')) if (raw) lines.push({ raw, where: 'terminal' });
    for (const s of sentencesOf(out.replace(/^you › .*$/gm, ''))) coachWords.add(s);
    forbidden.push(['the terminal person', 'loggrepper'], ...person('the terminal person', 'terminal:loggrepper'), ['the terminal key', readFileSync(join(dir, 'terminal.db.log-key'), 'utf8').trim()]);
    expect(err).to.include('"event":"turn"');
  });

  it('and then every line: no score, answer, safety word, id or secret', () => {
    const key = readFileSync(join(dir, 'back-break.db.log-key'), 'utf8').trim();
    expect(key).to.match(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir, 'back-break.db.log-key')).mode & 0o777).to.equal(0o600);
    forbidden.push(['the pseudonyms key', key]);
    // The grep has something to read: every surface's turns, and the erases, were logged.
    for (const where of ['alexa', 'slack', 'web', 'terminal']) {
      expect(lines.filter((l) => l.where === where && l.raw.includes('"event":"turn"')).length, where).to.be.greaterThan(5);
    }
    const all = lines.map((l) => l.raw).join('\n');
    expect(all).to.include('store.person_erased');
    expect(all).to.include('slack.workspace_erased');
    expect(coachWords.size).to.be.greaterThan(50);
    expect([...coachWords].some((s) => /911/.test(s))).to.equal(true);
    expect([...coachWords].some((s) => /from 4 to 2/.test(s))).to.equal(true);
    const found = findings(lines, forbidden, [...said], [...coachWords]);
    console.log(`      ${lines.length} log lines read (${['alexa', 'slack', 'web', 'terminal'].map((w) => `${w} ${lines.filter((l) => l.where === w).length}`).join(', ')}) against ${coachWords.size} of the coach's sentences, ${said.size} things people said, ${forbidden.length} ids and secrets`);
    const kinds = [...new Set(found.map((f) => f.replace(/ in (\w+): .*"msg":"([^"]*)".*/, ' in $1 "$2"').replace(/ in (\w+): (?!.*"msg").*/, ' in $1')))];
    expect(kinds, `${found.length} findings, ${kinds.length} kinds:\n${kinds.slice(0, 60).join('\n')}`).to.deep.equal([]);
  });
});
