import { expect } from 'chai';
import { homeView } from '../../../src/adapters/slack/render/home.js';
import { LIMITS, clip, escapeMrkdwn } from '../../../src/adapters/slack/render/limits.js';
import { menuMessage } from '../../../src/adapters/slack/render/menu.js';
import { BACK_BREAK_ROUTINE, reminderMessage } from '../../../src/adapters/slack/render/reminder.js';
import { chunkText, progressLine, renderReply } from '../../../src/adapters/slack/render/session.js';
import { decodeValue, encodeValue } from '../../../src/adapters/slack/render/values.js';
import type { OpenReply, Reply } from '../../../src/core/reply.js';
import { Routine } from '../../../src/core/routine.js';
import { loadRoutines } from '../../../src/routines/load.js';

function stepReply(overrides: Partial<OpenReply> = {}): Reply {
  return {
    moment: 'step',
    speech: [
      { kind: 'say', text: 'Step 3 of 10. Knee circles, right side.' },
      { kind: 'pause', seconds: 5 },
      { kind: 'say', text: 'Hold for 5 breaths.' },
    ],
    display: {
      title: 'Five moves',
      heading: 'Knee circles',
      body: 'Lie on your back. Hug the right knee and circle it slowly.',
      position: { index: 3, total: 10 },
      side: 'right',
      holdText: '5 breaths',
      equipment: ['strap'],
    },
    choices: [
      { label: 'Next', intent: { type: 'next' }, style: 'primary' },
      { label: 'Repeat', intent: { type: 'repeat' } },
      { label: 'Easier', intent: { type: 'easier' } },
      { label: 'Pause', intent: { type: 'pause' } },
      { label: 'Stop', intent: { type: 'stop' } },
      { label: 'This hurts', intent: { type: 'hurts' } },
    ],
    expect: 'command',
    reprompt: "Say next when you're ready.",
    hold: { seconds: 25, cues: [], closing: 'Release.', stepKey: 'five-moves:2:7' },
    end: false,
    ...overrides,
  };
}

type AnyBlock = Record<string, any>;
const buttons = (blocks: AnyBlock[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as AnyBlock[]);
const texts = (blocks: AnyBlock[]) => blocks.map((b) => b.text?.text ?? (b.elements ?? []).map((e: AnyBlock) => e.text ?? '').join(' ')).join('\n');

describe('slack rendering: the session message', () => {
  it('shows header, the coach\'s words, the progress line and the step buttons with the turn', () => {
    const msg = renderReply(stepReply(), { turn: 7 });
    const blocks = msg.blocks as AnyBlock[];
    expect(blocks[0]).to.deep.include({ type: 'header' });
    expect(blocks[0]!.text.text).to.equal('Five moves');
    expect(texts(blocks)).to.include('*Knee circles*');
    expect(texts(blocks)).to.include('Step 3 of 10. Knee circles, right side. Hold for 5 breaths.');
    // The instructions are not in the speech, so they are shown too.
    expect(texts(blocks)).to.include('Hug the right knee');
    expect(texts(blocks)).to.include('Step 3 of 10 · right side · 5 breaths');
    expect(texts(blocks)).to.include("You'll need: strap");
    const b = buttons(blocks);
    expect(b.map((x) => x.text.text)).to.deep.equal(['Next', 'Repeat', 'Easier', 'Pause', 'Stop', 'This hurts']);
    for (const x of b) expect(decodeValue(x.value)?.t).to.equal(7);
    expect(decodeValue(b[0]!.value)?.i).to.deep.equal({ type: 'next' });
    expect(msg.metadata).to.deep.equal({ event_type: 'back_break_turn', event_payload: { moment: 'step', turn: 7, end: false } });
    expect(msg.text).to.equal('Five moves: Knee circles');
  });

  it('asks before Stop and shows This hurts as danger', () => {
    const b = buttons(renderReply(stepReply(), { turn: 1 }).blocks as AnyBlock[]);
    const stop = b.find((x) => x.text.text === 'Stop')!;
    expect(stop.confirm.title.text).to.match(/stop/i);
    expect(stop.confirm.confirm.text).to.equal('Stop');
    expect(stop.confirm.deny.text).to.equal('Keep going');
    expect(b.find((x) => x.text.text === 'This hurts')!.style).to.equal('danger');
    expect(b.find((x) => x.text.text === 'Next')!.style).to.equal('primary');
  });

  it('says when hands-free will move on', () => {
    const on = texts(renderReply(stepReply(), { turn: 1, handsFree: true }).blocks as AnyBlock[]);
    expect(on).to.include('moves on by itself in 25 s');
    const off = texts(renderReply(stepReply(), { turn: 1 }).blocks as AnyBlock[]);
    expect(off).not.to.include('moves on by itself');
  });

  it('answers a safety question with Yes / No / Not sure buttons in the same message', () => {
    const reply = stepReply({
      moment: 'screening',
      speech: [{ kind: 'say', text: 'Any new numbness around your seat?' }],
      display: { title: 'Five moves', body: 'Any new numbness around your seat?' },
      choices: [],
      expect: 'yesNoUnsure',
      hold: undefined,
    });
    const b = buttons(renderReply(reply, { turn: 2 }).blocks as AnyBlock[]);
    expect(b.map((x) => x.text.text)).to.deep.equal(['Yes', 'No', 'Not sure']);
    expect(b.map((x) => decodeValue(x.value)?.i.type)).to.deep.equal(['yes', 'no', 'unsure']);
    // The body equals the speech: shown once.
    expect(texts(renderReply(reply, { turn: 2 }).blocks as AnyBlock[]).match(/numbness/g)).to.have.length(1);
  });

  it('a yes/no question gets Yes and No; a reply listing its own answers gets no others', () => {
    const question = stepReply({ moment: 'equipment', choices: [], expect: 'yesNo', hold: undefined });
    expect(buttons(renderReply(question, { turn: 2 }).blocks as AnyBlock[]).map((x) => x.text.text)).to.deep.equal(['Yes', 'No']);
    const own = stepReply({ moment: 'screening', choices: [{ label: 'Not that I know', intent: { type: 'unsure' } }], expect: 'yesNoUnsure', hold: undefined });
    expect(buttons(renderReply(own, { turn: 2 }).blocks as AnyBlock[]).map((x) => x.text.text)).to.deep.equal(['Not that I know']);
  });

  it('offers 0 to 10 for a pain score when the core lists no scores', () => {
    const reply = stepReply({ moment: 'painBefore', expect: 'painScore', choices: [{ label: 'Skip', intent: { type: 'skip' } }], hold: undefined });
    const b = buttons(renderReply(reply, { turn: 2 }).blocks as AnyBlock[]);
    expect(b.map((x) => x.text.text)).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'Skip']);
  });

  it('escapes mrkdwn control characters', () => {
    const reply = stepReply({ speech: [{ kind: 'say', text: 'Knees <together> & relaxed' }], display: { title: 'T', body: '' } });
    expect(texts(renderReply(reply, { turn: 1 }).blocks as AnyBlock[])).to.include('Knees &lt;together&gt; &amp; relaxed');
  });

  it('keeps within Slack limits: 3,000 characters a section, 50 blocks, 75 a button, 150 a header', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const reply = stepReply({
      speech: [{ kind: 'say', text: long }],
      display: { title: 'x'.repeat(400), heading: 'y'.repeat(500), body: `different ${long}` },
      choices: Array.from({ length: 60 }, (_, i) => ({ label: `Choice ${i} ${'z'.repeat(100)}`, intent: { type: 'next' as const } })),
    });
    const msg = renderReply(reply, { turn: 3 });
    const blocks = msg.blocks as AnyBlock[];
    expect(blocks.length).to.be.at.most(LIMITS.blocksPerMessage);
    for (const b of blocks) {
      if (b.type === 'section') expect(b.text.text.length).to.be.at.most(LIMITS.sectionText);
      if (b.type === 'header') expect(b.text.text.length).to.be.at.most(LIMITS.headerText);
      if (b.type === 'actions') {
        expect(b.elements.length).to.be.at.most(LIMITS.actionsElements);
        for (const e of b.elements) {
          expect(e.text.text.length).to.be.at.most(LIMITS.buttonText);
          expect(e.value.length).to.be.at.most(LIMITS.buttonValue);
        }
      }
    }
    // Buttons are never dropped to make room: all 60 are there.
    expect(buttons(blocks)).to.have.length(60);
    expect(msg.text.length).to.be.at.most(LIMITS.messageText);
  });

  it('splits long text at sentence breaks, losing nothing', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Line ${i} ends.`).join(' ');
    const chunks = chunkText(text, 500);
    for (const c of chunks) expect(c.length).to.be.at.most(500);
    expect(chunks.join(' ')).to.equal(text);
    expect(chunks.every((c) => c.endsWith('.'))).to.equal(true);
  });

  it('writes the progress line from what the display has', () => {
    expect(progressLine({ title: 't', body: '', position: { index: 1, total: 6 } })).to.equal('Step 1 of 6');
    expect(progressLine({ title: 't', body: '', side: 'left', holdText: '30 seconds' })).to.equal('left side · 30 seconds');
    expect(progressLine({ title: 't', body: '' })).to.equal(undefined);
  });

  it('clips by code points and says so with an ellipsis', () => {
    expect(clip('abcdef', 4)).to.equal('abc…');
    expect(clip('🙂🙂🙂', 2)).to.equal('🙂…');
    expect(escapeMrkdwn('a<b>&c')).to.equal('a&lt;b&gt;&amp;c');
  });
});

describe('slack rendering: button values', () => {
  it('round-trips intent, turn and nonce; refuses junk', () => {
    const v = encodeValue({ type: 'painScore', score: 4 }, 12, 'n1');
    expect(decodeValue(v)).to.deep.equal({ v: 1, i: { type: 'painScore', score: 4 }, t: 12, n: 'n1' });
    for (const junk of [undefined, '', 'next', '{"v":1}', '{"v":2,"i":{"type":"next"}}', '{"v":1,"i":{"type":"launchMissiles"}}', 'x'.repeat(2001)]) {
      expect(decodeValue(junk), String(junk)).to.equal(undefined);
    }
  });
});

describe('slack rendering: menu, App Home, reminder', () => {
  const routines = loadRoutines();

  it('the menu lists every routine with minutes and a one-shot Start button', () => {
    const menu = menuMessage(routines, 'trig-1');
    const sections = (menu.blocks as AnyBlock[]).filter((b) => b.accessory);
    expect(sections).to.have.length(routines.length);
    for (const s of sections) {
      expect(s.text.text).to.match(/\d+ min/);
      const value = decodeValue(s.accessory.value)!;
      expect(value.i.type).to.equal('start');
      expect(value.n).to.match(/^trig-1:/);
    }
  });

  it('App Home shows routines, the next reminder, history with pain before -> after, and hands-free', () => {
    const view = homeView({
      routines,
      reminder: { id: 'r', personId: 'p', surface: 'slack', days: [1, 2, 3, 4, 5], time: '15:00', timeZone: 'Europe/Paris', target: 'D1', nextDueAt: Date.parse('2026-11-23T14:00:00Z') },
      history: [
        { id: 1, routineId: 'five-moves', startedAt: '2026-11-20T10:00:00Z', finishedAt: '2026-11-20T10:08:00Z', completed: true, stepsDone: 5, stepsSkipped: 0, painBefore: 5, painAfter: 3 },
      ],
      handsFree: false,
    });
    const all = texts(view.blocks as AnyBlock[]);
    expect(view.type).to.equal('home');
    expect(all).to.include('Weekdays at 15:00 (Europe/Paris). Next: Mon 23 Nov, 15:00.');
    expect(all).to.include('pain 5 → 3');
    expect(all).to.include('Hands-free:* off');
    const toggle = (view.blocks as AnyBlock[]).find((b) => b.accessory?.action_id === 'bb_handsfree')!;
    expect(toggle.accessory.value).to.equal('on');
  });

  it('App Home stays within 100 blocks with a huge catalogue', () => {
    const base = routines[0]!;
    const many = Array.from({ length: 300 }, (_, i) => Routine.parse({ ...base, id: `r-${i}` }));
    const view = homeView({ routines: many, history: [], handsFree: true });
    expect(view.blocks.length).to.be.at.most(LIMITS.blocksPerHomeTab);
    expect(texts(view.blocks as AnyBlock[])).to.include('Hands-free:* on');
  });

  it('App Home makes the routines part once per catalogue, the same for everyone', () => {
    const first = homeView({ routines, history: [], handsFree: true });
    const second = homeView({ routines, history: [], handsFree: false, timeZone: 'Asia/Tokyo' });
    const starts = (view: typeof first) => (view.blocks as AnyBlock[]).filter((b) => b.accessory?.action_id?.startsWith('bb_start_'));
    expect(starts(first)).to.have.length(routines.length);
    for (const [i, block] of starts(second).entries()) expect(block).to.equal(starts(first)[i]);
  });

  it('the reminder DM starts the short routine, once per reminder time', () => {
    const msg = reminderMessage('slack:T:U', 1234);
    const button = (msg.blocks as AnyBlock[])[1]!.elements[0];
    expect(button.text.text).to.equal('Start a back break');
    expect(decodeValue(button.value)).to.deep.equal({ v: 1, i: { type: 'start', routine: BACK_BREAK_ROUTINE }, n: 'reminder:slack:T:U:1234' });
    expect(routines.some((r) => r.id === BACK_BREAK_ROUTINE)).to.equal(true);
  });
});
