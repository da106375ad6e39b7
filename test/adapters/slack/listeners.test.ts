import { expect } from 'chai';
import type { Store } from '../../../src/app/store.js';
import type { CoachPort, Surface, TurnRequest, TurnResult } from '../../../src/app/turn.js';
import { SlackConversation } from '../../../src/adapters/slack/conversation.js';
import { singleWorkspace } from '../../../src/adapters/slack/workspaces.js';
import { handleHandsFreeToggle } from '../../../src/adapters/slack/listeners/actions/home.js';
import { handleChoice, handleStart } from '../../../src/adapters/slack/listeners/actions/session.js';
import { handleBackbreakCommand } from '../../../src/adapters/slack/listeners/commands/backbreak.js';
import { dedupe, deliveryKey } from '../../../src/adapters/slack/listeners/dedupe.js';
import { pseudonym } from '../../../src/log.js';
import type { ListenerDeps } from '../../../src/adapters/slack/listeners/deps.js';
import { handleAppHomeOpened } from '../../../src/adapters/slack/listeners/events/appHome.js';
import { boltLogger } from '../../../src/adapters/slack/logger.js';
import { encodeValue } from '../../../src/adapters/slack/render/values.js';
import { busy } from '../../../src/core/coach.js';
import { newProfile, type Profile } from '../../../src/core/profile.js';
import type { OpenReply, Reply } from '../../../src/core/reply.js';
import { createLogger } from '../../../src/log.js';
import { loadUnderstanding } from '../../../src/language/index.js';
import { loadRoutines } from '../../../src/routines/load.js';
import { openStore } from '../../../src/store/index.js';
import { FakeSlack } from './fakeSlack.js';

const log = createLogger('silent');

function reply(moment: Reply['moment'], text: string, extra: Partial<OpenReply> = {}): Reply {
  return { moment, speech: [{ kind: 'say', text }], display: { title: 'Test routine', body: text }, choices: [{ label: 'Next', intent: { type: 'next' } }], expect: 'command', reprompt: text, end: false, ...extra };
}

/** A reply that ends the conversation. */
function closing(moment: Reply['moment'], text: string): Reply {
  return { moment, speech: [{ kind: 'say', text }], display: { title: 'Test routine', body: text }, choices: [], expect: 'nothing', end: true };
}

/** A CoachPort without the core: counts turns, refuses stale ones, keeps surface data, answers what it is told. */
class FakeCoach implements CoachPort {
  readonly requests: TurnRequest[] = [];
  turn = 0;
  profiles = new Map<string, Profile>();
  next: (r: TurnRequest) => Pick<TurnResult, 'reply' | 'effects'> = (r) => ({ reply: reply('step', `did ${r.intent.type}`), effects: [] });
  /** Resolves handle() only when released (to show ack comes first). */
  gate: Promise<void> | undefined;
  /** Answers as the service does when another device keeps winning the session. */
  busy = false;

  async handle(request: TurnRequest): Promise<TurnResult> {
    this.requests.push(request);
    if (this.gate) await this.gate;
    const profile = this.profiles.get(request.personId) ?? newProfile(new Date());
    if (this.busy) return { reply: busy('en-US'), effects: [], turn: 0, stale: true, profile: newProfile(new Date()) };
    if (request.atTurn !== undefined && request.atTurn !== this.turn) {
      return { reply: reply('step', 'same as before'), effects: [], turn: this.turn, stale: true, profile };
    }
    this.turn++;
    this.profiles.set(request.personId, profile);
    return { ...this.next(request), turn: this.turn, stale: false, profile };
  }

  async setSurfaceData(personId: string, surface: Surface, data: Record<string, string>): Promise<void> {
    const p = this.profiles.get(personId) ?? newProfile(new Date());
    this.profiles.set(personId, { ...p, surfaces: { ...p.surfaces, [surface]: { ...p.surfaces[surface], ...data } } });
  }

  async history() {
    return [];
  }

  async getProfile(personId: string): Promise<Profile | undefined> {
    return this.profiles.get(personId);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('slack listeners, without Slack', () => {
  let fake: FakeSlack;
  let store: Store;
  let coach: FakeCoach;
  let deps: ListenerDeps;
  const routines = loadRoutines();

  beforeEach(async () => {
    fake = await new FakeSlack().start();
    store = await openStore('memory:');
    coach = new FakeCoach();
    const workspaces = singleWorkspace({ botToken: 'xoxb-test-listeners', apiUrl: fake.url }, boltLogger(log));
    const conversation = new SlackConversation({ coach, store, workspaces, log, handsFree: { graceSeconds: 0 }, understanding: loadUnderstanding(routines) });
    deps = { conversation, coach, store, workspaces, routines, log, now: Date.now };
  });
  afterEach(async () => {
    await deps.conversation.close();
    await fake.stop();
    await store.close();
  });

  const command = (text: string, channel = 'D1') => ({ text, team_id: 'T1', user_id: 'U1', trigger_id: `trig-${text}`, channel_id: channel });
  const noAck = async () => undefined;
  /** `/backbreak <text>` typed by U1 in the DM. */
  const typed = (text: string) => handleBackbreakCommand(deps, { command: command(text), ack: noAck });
  const U1 = { teamId: 'T1', userId: 'U1', personId: 'slack:T1:U1' };
  const body = { user: { id: 'U1', username: 'u1', team_id: 'T1' }, team: { id: 'T1', domain: 't' }, channel: { id: 'D1', name: 'directmessage' }, message: { type: 'message' as const, ts: '1700000000.000001' } };

  it('acks before the coach has answered, then renders the reply in the DM', async () => {
    let release!: () => void;
    coach.gate = new Promise((r) => (release = r));
    const events: string[] = [];
    const done = handleBackbreakCommand(deps, { command: command('start five moves'), ack: async () => void events.push('ack') });
    await sleep(20);
    expect(events).to.deep.equal(['ack']);
    expect(fake.of('chat.postMessage')).to.have.length(0);
    release();
    await done;
    expect(coach.requests[0]).to.deep.include({ personId: 'slack:T1:U1', surface: 'slack', intent: { type: 'start', routine: 'five-moves' }, locale: 'en-US', timeZone: 'Europe/Paris' });
    expect(fake.of('chat.postMessage')[0]!.body.channel).to.equal('D1');
  });

  it('"busy" (another device holds the session) is said in a message of its own; the session message stays', async () => {
    await typed('start five moves');
    coach.busy = true;
    await typed('next');
    const posts = fake.of('chat.postMessage');
    expect(posts).to.have.length(2);
    expect(posts[1]!.body.channel).to.equal('D1');
    expect(JSON.stringify(posts[1]!.body)).to.include('Another device is using Back Break for you right now.');
    expect(fake.of('chat.update')).to.have.length(0);
  });

  it('the menu and usage lines are the ack itself; no turn is taken', async () => {
    const acks: unknown[] = [];
    await handleBackbreakCommand(deps, { command: command(''), ack: async (r) => void acks.push(r) });
    await handleBackbreakCommand(deps, { command: command('purple monkey dishwasher'), ack: async (r) => void acks.push(r) });
    expect(acks).to.have.length(2);
    expect((acks[0] as { blocks: unknown[] }).blocks.length).to.be.greaterThan(routines.length);
    expect((acks[1] as { text: string }).text).to.match(/^Try/);
    expect(coach.requests).to.have.length(0);
    expect(fake.calls).to.have.length(0);
  });

  it('a button passes its turn; the coach refuses it once the session moved on', async () => {
    const value = encodeValue({ type: 'next' }, 0);
    await handleChoice(deps, { body, action: { action_id: 'bb_choice_0', value }, ack: noAck });
    await handleChoice(deps, { body, action: { action_id: 'bb_choice_0', value }, ack: noAck });
    expect(coach.requests.map((r) => r.atTurn)).to.deep.equal([0, 0]);
    expect(coach.turn).to.equal(1);
    // Only the applied turn touched Slack: the message the button was on is updated once.
    expect(fake.of('chat.update')).to.have.length(1);
    expect(fake.of('chat.update')[0]!.body).to.include({ channel: 'D1', ts: '1700000000.000001' });
  });

  it('a tampered or old button value is acked and ignored', async () => {
    let acked = false;
    await handleChoice(deps, { body, action: { action_id: 'bb_choice_0', value: '{"v":9}' }, ack: async () => void (acked = true) });
    expect(acked).to.equal(true);
    expect(coach.requests).to.have.length(0);
  });

  it('a Start button with a garbled value, or one that is not a start, is acked and ignored', async () => {
    for (const value of ['{"v":1,"i":{"type":"start"', encodeValue({ type: 'forgetMe' }), encodeValue({ type: 'next' }, 0, 'n1'), undefined]) {
      let acked = false;
      await handleStart(deps, { body, action: { action_id: 'bb_start_back-break', value }, ack: async () => void (acked = true) });
      expect(acked, String(value)).to.equal(true);
    }
    expect(coach.requests).to.have.length(0);
    expect(fake.calls).to.have.length(0);
  });

  it('one-shot Start buttons (menu, reminder) start once however often they are pressed', async () => {
    const value = encodeValue({ type: 'start', routine: 'back-break' }, undefined, 'reminder:x:1');
    for (let i = 0; i < 3; i++) await handleStart(deps, { body, action: { action_id: 'bb_start_back-break', value }, ack: noAck });
    expect(coach.requests).to.have.length(1);
    expect(fake.of('chat.postMessage')).to.have.length(1);
  });

  it('hands-free: a reply with a hold arms a timer that feeds timerElapsed for that step and turn', async () => {
    coach.next = (r) =>
      r.intent.type === 'timerElapsed'
        ? { reply: reply('step', 'step two'), effects: [] }
        : { reply: reply('step', 'step one', { hold: { seconds: 0.05, cues: [], closing: 'Release.', stepKey: 'r:0:1' } }), effects: [] };
    await deps.conversation.setHandsFree(U1, true);
    await typed('start');
    expect(deps.conversation.timers.pending('slack:T1:U1')).to.deep.equal({ personId: 'slack:T1:U1', stepKey: 'r:0:1', turn: 1 });
    expect(textOfLast(fake)).to.match(/moves on by itself/);
    await sleep(150);
    await deps.conversation.idle();
    const elapsed = coach.requests.at(-1)!;
    expect(elapsed.intent).to.deep.equal({ type: 'timerElapsed', stepKey: 'r:0:1' });
    expect(elapsed.atTurn).to.equal(1);
    expect(textOfLast(fake)).to.include('step two');
    expect(fake.of('chat.update')).to.have.length(1);
  });

  it('hands-free off: no timer, and turning it off cancels one', async () => {
    coach.next = () => ({ reply: reply('step', 'one', { hold: { seconds: 30, cues: [], closing: '', stepKey: 'k' } }), effects: [] });
    await typed('start');
    expect(deps.conversation.timers.size).to.equal(0);
    await typed('handsfree on');
    await typed('repeat');
    expect(deps.conversation.timers.size).to.equal(1);
    await deps.conversation.setHandsFree(U1, false);
    expect(deps.conversation.timers.size).to.equal(0);
  });

  it('carries out reminder effects through the store, in the zone users.info gives', async () => {
    fake.timeZones.set('U1', 'Asia/Kolkata');
    coach.next = (r) =>
      r.intent.type === 'setReminder'
        ? { reply: closing('goodbye', 'Done.'), effects: [{ type: 'scheduleReminder', days: [1, 3, 5], time: '12:30' }] }
        : { reply: closing('goodbye', 'Off.'), effects: [{ type: 'cancelReminder' }] };
    await typed('remind mon wed fri 12:30');
    const r = (await store.getReminder('slack:T1:U1', 'slack'))!;
    expect(r).to.include({ time: '12:30', timeZone: 'Asia/Kolkata', target: 'D1' });
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata', weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(r.nextDueAt);
    expect(local).to.match(/^(Mon|Wed|Fri) 12:30$/);
    await typed('remind off');
    expect(await store.getReminder('slack:T1:U1', 'slack')).to.equal(undefined);
  });

  it('a deleted session message is replaced by a new one', async () => {
    await typed('start');
    fake.failNext('chat.update', 'message_not_found');
    await typed('next');
    expect(fake.of('chat.update')).to.have.length(1);
    expect(fake.of('chat.postMessage')).to.have.length(2);
    const surface = (await coach.getProfile('slack:T1:U1'))!.surfaces.slack!;
    expect(surface.ts).to.equal(fake.of('chat.postMessage')[1]!.response.ts);
  });

  it('a Slack failure during a turn is logged, not thrown at bolt', async () => {
    fake.failNext('conversations.open', 'account_inactive');
    await typed('start');
    expect(fake.of('chat.postMessage')).to.have.length(0);
  });

  it('App Home and the hands-free toggle publish the tab', async () => {
    await handleAppHomeOpened(deps, { event: { user: 'U1', tab: 'home' }, body: { team_id: 'T1' } });
    await handleAppHomeOpened(deps, { event: { user: 'U1', tab: 'messages' }, body: { team_id: 'T1' } });
    expect(fake.of('views.publish')).to.have.length(1);
    await handleHandsFreeToggle(deps, { body, action: { action_id: 'bb_handsfree', value: 'on' }, ack: noAck });
    expect((await coach.getProfile('slack:T1:U1'))!.surfaces.slack!.handsFree).to.equal('on');
    expect(fake.of('views.publish')).to.have.length(2);
  });

  it('App Home opened without a team is logged, not thrown, and publishes nothing', async () => {
    await handleAppHomeOpened(deps, { event: { user: 'U1', tab: 'home' }, body: {} });
    await handleAppHomeOpened(deps, { event: { user: '', tab: 'home' }, body: { team_id: 'T1' } });
    expect(fake.calls).to.have.length(0);
  });

  it('a forged hands-free value is acked and changes nothing', async () => {
    for (const value of ['maybe', 'ON', '', undefined]) {
      let acked = false;
      await handleHandsFreeToggle(deps, { body, action: { action_id: 'bb_handsfree', value }, ack: async () => void (acked = true) });
      expect(acked, String(value)).to.equal(true);
    }
    expect(await coach.getProfile('slack:T1:U1')).to.equal(undefined);
    expect(fake.calls).to.have.length(0);
  });
});

describe('slack dedupe middleware', () => {
  it('names a delivery by event id, trigger id, or user and action time', () => {
    expect(deliveryKey({ type: 'event_callback', event_id: 'Ev1' })).to.equal('slack:event:Ev1');
    expect(deliveryKey({ command: '/backbreak', trigger_id: 't.1' })).to.equal('slack:command:t.1');
    // The clicking user as their pseudonym: the key outlives an erase of that person by its TTL (issue 16).
    const key = deliveryKey({ type: 'block_actions', user: { id: 'U1' }, actions: [{ action_id: 'bb_choice_0', action_ts: '17.1' }] });
    expect(key).to.equal(`slack:action:${pseudonym('U1')}:bb_choice_0:17.1`);
    expect(key).to.not.include('U1');
    expect(deliveryKey({ type: 'view_submission' })).to.equal(undefined);
    expect(deliveryKey(undefined)).to.equal(undefined);
  });

  it('acks and drops a delivery seen before; lets a new one through', async () => {
    const store = await openStore('memory:');
    const mw = dedupe({ store, log, now: Date.now });
    const run = async (retryNum?: number) => {
      let acked = 0;
      let passed = 0;
      await mw({
        body: { command: '/backbreak', trigger_id: 't.9' },
        context: { retryNum },
        ack: async () => void acked++,
        next: async () => void passed++,
      } as unknown as Parameters<typeof mw>[0]);
      return { acked, passed };
    };
    expect(await run()).to.deep.equal({ acked: 0, passed: 1 });
    expect(await run(1)).to.deep.equal({ acked: 1, passed: 0 });
    expect(await run(2)).to.deep.equal({ acked: 1, passed: 0 });
    await store.close();
  });
});

function textOfLast(fake: FakeSlack): string {
  const last = fake.messages().at(-1);
  return JSON.stringify(last?.body.blocks ?? []);
}
