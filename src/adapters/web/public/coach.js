// The coach page: renders each reply of the application service (the same one Alexa and Slack use) as a
// screen, speaks it, counts the holds down, and moves on by itself when a hold ends (hands-free).
import { api, ApiError, h, place } from './api.js';
import { copy } from './copy.js';
import { Countdown } from './hold.js';
import { renderSettings } from './settings.js';
import { Listener, loadSettings, saveSettings, ScreenAwake, Voice } from './voice.js';

const settings = loadSettings();
const voice = new Voice(settings);
const awake = new ScreenAwake();
const listener = new Listener(voice, (text) => send({ text, ...expecting() }), micProblem);

/** What the coach waits for, so the server reads "5" as a score or "sharp" as a kind of hurt. */
function expecting() {
  const r = state.reply;
  return r ? { expect: r.expect, moment: r.moment, end: r.end } : {};
}

const says = document.getElementById('says');
const screen = document.getElementById('screen');
const status = document.getElementById('status');
const sayForm = document.getElementById('say');
const sayText = document.getElementById('say-text');

const state = { reply: undefined, turn: 0, routines: [], countdown: undefined, busy: false };

/** One request at a time; a tap while one is out is dropped (the server also ignores stale taps). */
async function send(body, { focus = true } = {}) {
  if (state.busy) return;
  state.busy = true;
  document.body.setAttribute('aria-busy', 'true');
  try {
    const result = await api('coach', { ...body, ...place() });
    show(result, { focus, speak: true });
    status.textContent = result.notice || '';
  } catch (err) {
    status.textContent = err instanceof ApiError ? err.message : copy.offline;
  } finally {
    state.busy = false;
    document.body.removeAttribute('aria-busy');
  }
}

/** A tap on a choice: its intent, for the turn it was drawn in. */
function tap(intent) {
  return send({ intent, atTurn: state.turn });
}

function show(result, { focus, speak }) {
  state.reply = result.reply;
  state.turn = result.turn;
  state.countdown?.stop();
  state.countdown = undefined;
  const reply = result.reply;
  const inRoutine = ['step', 'paused', 'checkIn', 'hurtKind', 'hurtChoice', 'dizzyCheck'].includes(reply.moment);
  if (inRoutine) awake.hold();
  else awake.release();

  document.body.dataset.moment = reply.moment;
  document.body.dataset.turn = String(result.turn);
  screen.replaceChildren(screenFor(reply));
  says.replaceChildren(...saysFor(reply));
  says.hidden = says.childElementCount === 0;
  says.setAttribute('role', reply.moment === 'emergency' || reply.moment === 'urgent' ? 'alert' : 'status');
  if (focus) {
    // A new screen starts at the top (the step's name and the ring), wherever the last tap was.
    window.scrollTo({ top: 0 });
    screen.querySelector('[data-focus]')?.focus({ preventScroll: true });
  }

  const spoken = speak ? voice.say(reply.speech) : Promise.resolve(true);
  if (reply.hold) {
    const hold = reply.hold;
    const turn = state.turn;
    // The hold starts once the instructions have been said, as it would with a coach in the room.
    spoken.then((finished) => {
      if (finished && state.turn === turn && state.reply === reply) startHold(hold);
    });
  }
}

function saysFor(reply) {
  const lines = reply.speech.filter((s) => s.kind === 'say').map((s) => s.text);
  if (reply.moment === 'step') {
    // The step card shows the step; what else was said (a start, a caution) stays above it.
    const shown = `${reply.display.heading ?? ''} ${reply.display.body}`;
    const extra = lines.filter((l) => !shown.includes(l) && !/^Step \d+ of \d+/.test(l) && !/^(Do it|Hold for|Take) /.test(l));
    return extra.length ? [h('p', {}, extra.join(' '))] : [];
  }
  if (reply.expect === 'routine' || reply.moment === 'choosing') return [h('p', {}, lines.join(' '))];
  // A question is the screen's heading; what came before it is said above.
  const ask = questionOf(reply);
  const before = lines.filter((l) => l !== ask && !ask.includes(l));
  const text = linkNumbers(before.join(' '), reply.moment);
  return before.length ? [h('p', {}, ...text)] : [];
}

/** The question a screen asks: the last thing said when it is one, else what the reply displays. */
function questionOf(reply) {
  const last = reply.speech.filter((s) => s.kind === 'say').at(-1)?.text;
  return last && last.trim().endsWith('?') ? last : reply.display.body;
}

/** In emergency advice, the number to call is a link the phone can dial. */
function linkNumbers(text, moment) {
  if (moment !== 'emergency' && moment !== 'urgent') return [text];
  const parts = text.split(/\b(\d{3}(?: \d{3})?)\b/);
  return parts.map((p, i) => (i % 2 ? h('a', { href: `tel:${p.replace(/ /g, '')}` }, p) : p));
}

function screenFor(reply) {
  if (reply.moment === 'step' && reply.display.position) return stepCard(reply);
  if (reply.expect === 'painScore') return painScale(reply);
  if (reply.expect === 'routine') return routineList(reply);
  return question(reply);
}

function heading(text, tag = 'h1') {
  return h(tag, { tabindex: '-1', 'data-focus': true }, text);
}

function choiceButton(choice, { class: more = '', ...extra } = {}) {
  const cls = ['choice', choice.style ?? '', more].join(' ').replace(/\s+/g, ' ').trim();
  return h('button', { type: 'button', class: cls, onclick: () => tap(choice.intent), ...extra }, choice.label);
}

function question(reply) {
  const body = questionOf(reply);
  const urgent = reply.moment === 'emergency' || reply.moment === 'urgent';
  const choices = reply.choices.length
    ? reply.choices.map((c) => choiceButton(c))
    : reply.end
      ? [h('button', { type: 'button', class: 'choice primary', onclick: () => tap({ type: 'launch' }) }, copy.routinesHeading)]
      : [];
  const q = Object.assign(heading(''), { id: 'q' });
  q.append(...linkNumbers(body, reply.moment));
  const where = reply.display.position ? ` · ${copy.stepOf(reply.display.position.index, reply.display.position.total)}` : '';
  return h(
    'section',
    { class: `question${urgent ? ' urgent' : ''}`, 'aria-labelledby': 'q' },
    h('p', { class: 'where' }, reply.display.title, where),
    q,
    h('div', { class: 'choices' }, choices),
  );
}

function painScale(reply) {
  const scores = reply.choices.filter((c) => c.intent.type === 'painScore');
  const others = reply.choices.filter((c) => c.intent.type !== 'painScore');
  return h(
    'section',
    { class: 'pain', 'aria-labelledby': 'pain-q' },
    h('p', { class: 'where' }, reply.display.title),
    Object.assign(heading(reply.display.body), { id: 'pain-q' }),
    h(
      'div',
      { class: 'scale', role: 'group', 'aria-labelledby': 'pain-q' },
      scores.map((c) => choiceButton(c, { class: `score s${c.intent.score}`, 'aria-label': scoreLabel(c.intent.score) })),
    ),
    h('p', { class: 'scale-ends', 'aria-hidden': 'true' }, h('span', {}, copy.painLow), h('span', {}, copy.painHigh)),
    h('div', { class: 'choices' }, others.map((c) => choiceButton(c))),
  );
}

function scoreLabel(score) {
  if (score === 0) return copy.painLow;
  if (score === 10) return copy.painHigh;
  return String(score);
}

function routineList(reply) {
  const others = reply.choices.filter((c) => c.intent.type !== 'start');
  return h(
    'section',
    { class: 'routines', 'aria-labelledby': 'routines-h' },
    Object.assign(heading(copy.routinesHeading), { id: 'routines-h' }),
    h(
      'ul',
      { class: 'cards' },
      state.routines.map((r) => {
        const needs = r.equipment.filter((e) => !e.optional).map((e) => e.name);
        return h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'card', onclick: () => tap({ type: 'start', routine: r.id }), 'aria-describedby': `r-${r.id}` },
            h('span', { class: 'card-title' }, r.title),
            h('span', { class: 'card-meta', id: `r-${r.id}` }, `${copy.minutes(r.minutes)} · ${needs.length ? copy.equipment(needs) : copy.noEquipment}`),
            h('span', { class: 'card-summary' }, r.summary),
          ),
        );
      }),
    ),
    h('div', { class: 'choices' }, others.map((c) => choiceButton(c))),
  );
}

const RING = 2 * Math.PI * 54;

function stepCard(reply) {
  const d = reply.display;
  const c = copy.controls;
  const control = (label, intent, cls = '') => h('button', { type: 'button', class: `control ${cls}`, onclick: () => tap(intent) }, label);
  const ring = reply.hold
    ? h(
        'div',
        { class: 'ring', role: 'timer', 'aria-live': 'off', 'aria-label': copy.secondsLeft(reply.hold.seconds) },
        svgRing(),
        h('span', { class: 'count', 'aria-hidden': 'true' }, String(reply.hold.seconds)),
        h('span', { class: 'unit', 'aria-hidden': 'true' }, d.holdText ?? ''),
      )
    : h('p', { class: 'hold-text' }, d.holdText ?? '');
  const stop = h('button', { type: 'button', class: 'control quiet', onclick: () => confirmStop(stop) }, c.stop);
  return h(
    'section',
    { class: 'step', 'aria-labelledby': 'step-name' },
    h('p', { class: 'where' }, h('span', {}, d.title), h('span', { class: 'position' }, copy.stepOf(d.position.index, d.position.total))),
    Object.assign(heading(d.heading ?? ''), { id: 'step-name' }),
    d.side ? h('p', { class: 'side' }, copy.side(d.side)) : '',
    ring,
    h('p', { class: 'instruction' }, d.body),
    h('p', { class: 'after-hold', id: 'after-hold' }),
    // Next and the safety buttons stay in reach at the bottom of a phone, however long the instruction.
    h(
      'div',
      { class: 'dock' },
      h('div', { class: 'controls main' }, control(c.back, { type: 'back' }), control(c.repeat, { type: 'repeat' }), control(c.next, { type: 'next' }, 'primary')),
      h('div', { class: 'controls' }, control(c.hurts, { type: 'hurts' }, 'danger'), control(c.dizzy, { type: 'dizzy' }, 'danger')),
    ),
    h('div', { class: 'controls three' }, control(c.easier, { type: 'easier' }), control(c.pause, { type: 'pause' }), control(c.skip, { type: 'skip' })),
    h('div', { class: 'controls', id: 'stop-row' }, stop),
  );
}

function svgRing() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 120 120');
  svg.setAttribute('aria-hidden', 'true');
  for (const cls of ['track', 'progress']) {
    const circle = document.createElementNS(ns, 'circle');
    circle.setAttribute('cx', '60');
    circle.setAttribute('cy', '60');
    circle.setAttribute('r', '54');
    circle.setAttribute('class', cls);
    if (cls === 'progress') {
      circle.setAttribute('stroke-dasharray', String(RING));
      circle.setAttribute('stroke-dashoffset', '0');
    }
    svg.append(circle);
  }
  return svg;
}

/** Stop asks once more, in place: a stray tap on the floor should not end the routine. */
function confirmStop(button) {
  const row = document.getElementById('stop-row');
  row.replaceChildren(
    h('p', { class: 'confirm', id: 'stop-q' }, copy.stopConfirm),
    h('button', { type: 'button', class: 'control danger', onclick: () => tap({ type: 'stop' }), 'data-confirm': 'stop' }, copy.controls.stop),
    h('button', { type: 'button', class: 'control', onclick: () => row.replaceChildren(button) }, copy.keepGoing),
  );
  row.querySelector('[data-confirm]').focus();
}

function startHold(hold) {
  const count = screen.querySelector('.count');
  const ring = screen.querySelector('.ring');
  const progress = screen.querySelector('.ring .progress');
  const after = document.getElementById('after-hold');
  state.countdown = new Countdown(hold, {
    onTick: (left) => {
      if (count) count.textContent = String(left);
      ring?.setAttribute('aria-label', copy.secondsLeft(left));
      progress?.setAttribute('stroke-dashoffset', String(RING * (1 - left / hold.seconds)));
    },
    onCue: (text) => {
      voice.say([{ kind: 'say', text }]);
      if (after) after.textContent = text;
    },
    onEnd: () => {
      ring?.classList.add('done');
      if (settings.handsFree) {
        // "And release." without "tap Next": the next step follows by itself.
        const release = hold.closing.split(/(?<=[.!?])\s/)[0];
        if (after) after.textContent = release;
        voice.say([{ kind: 'say', text: release }]).then(() => tap({ type: 'timerElapsed', stepKey: hold.stepKey }));
      } else {
        if (after) after.textContent = hold.closing;
        voice.say([{ kind: 'say', text: hold.closing }]);
      }
    },
  });
  state.countdown.start();
}

function micProblem(kind) {
  settings.listen = false;
  saveSettings(settings);
  status.textContent = kind === 'blocked' ? copy.micBlocked : copy.micUnavailable;
  const box = document.getElementById('set-listen');
  if (box) box.checked = false;
}

sayForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = sayText.value.trim();
  if (!text) return;
  sayText.value = '';
  send({ text, ...expecting() }, { focus: false });
});

renderSettings(document.getElementById('settings-body'), { settings, voice, listener, save: () => saveSettings(settings) });

async function open() {
  try {
    const [{ routines }, current] = await Promise.all([api('routines'), api(`coach?${new URLSearchParams(place())}`)]);
    state.routines = routines;
    // Nothing under way: open the conversation as "Alexa, open Back Break" would (a greeting, the disclaimer once).
    if (current.reply.expect === 'routine' && !current.reply.hold) {
      state.turn = current.turn;
      await send({ intent: { type: 'launch' } }, { focus: false });
    } else {
      show(current, { focus: false, speak: false });
    }
  } catch (err) {
    status.textContent = err instanceof ApiError ? err.message : copy.offline;
  }
}

open();
