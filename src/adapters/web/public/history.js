// The history page: sessions, pain before and after by week, the streak; linking devices; forget me.
import { api, ApiError, h, place } from './api.js';
import { painChart } from './chart.js';
import { hcopy } from './copy.js';

const status = document.getElementById('status');

function fail(err) {
  status.classList.remove('ok');
  status.textContent = err instanceof ApiError ? err.message : String(err);
}

async function showHistory() {
  const view = await api(`history?${new URLSearchParams({ timeZone: place().timeZone })}`);
  document.getElementById('streak').textContent = hcopy.streak(view.streak);
  const scored = view.weeks.filter((w) => w.painBefore !== undefined || w.painAfter !== undefined);
  const chart = document.getElementById('chart');
  if (scored.length === 0) {
    chart.replaceChildren(h('p', {}, hcopy.noScores));
  } else {
    chart.replaceChildren(
      painChart(view.weeks, { title: hcopy.chartTitle, summary: hcopy.chartSummary(scored) }),
      h('p', { class: 'legend' }, h('span', { class: 'b' }, hcopy.before), h('span', { class: 'a' }, hcopy.after)),
    );
  }
  const sessions = document.getElementById('sessions');
  if (view.sessions.length === 0) {
    sessions.replaceChildren(h('p', {}, hcopy.none), h('p', {}, h('a', { href: '/' }, hcopy.startOne)));
    return;
  }
  sessions.replaceChildren(
    h(
      'table',
      {},
      h('caption', { class: 'visually-hidden' }, hcopy.sessionsCaption),
      h('thead', {}, h('tr', {}, hcopy.columns.map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        view.sessions.map((s) =>
          h(
            'tr',
            {},
            h('td', {}, hcopy.day(s.day)),
            h('td', {}, s.title, s.completed ? '' : h('span', { class: 'muted' }, ` (${hcopy.stopped})`)),
            h('td', {}, hcopy.pain(s.painBefore, s.painAfter)),
          ),
        ),
      ),
    ),
  );
}

const codeOut = document.getElementById('code-out');
document.getElementById('show-code').addEventListener('click', async () => {
  try {
    const issued = await api('link/code', {});
    codeOut.replaceChildren(h('span', { class: 'code' }, issued.code), h('br'), hcopy.codeHelp(issued.code, issued.minutes));
  } catch (err) {
    fail(err);
  }
});

const linkOut = document.getElementById('link-out');
document.getElementById('link-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = document.getElementById('link-code');
  try {
    const result = await api('link', { code: input.value });
    linkOut.textContent = hcopy.linkResult(result);
    if (result.kind === 'linked') {
      input.value = '';
      await showHistory();
    }
  } catch (err) {
    fail(err);
  }
});

/** Forget me asks once more, as on every surface: the coach's own question and answer. */
const forget = document.getElementById('forget');
function forgetButton() {
  const button = h('button', { type: 'button', class: 'control danger', id: 'forget-start', onclick: () => askForget() }, hcopy.forget);
  forget.replaceChildren(button);
  return button;
}
async function askForget() {
  try {
    const asked = await api('coach', { intent: { type: 'forgetMe' }, ...place() });
    const text = asked.reply.display.body;
    forget.replaceChildren(
      h('p', { class: 'confirm', id: 'forget-q' }, text),
      h(
        'div',
        { class: 'choices', role: 'group', 'aria-labelledby': 'forget-q' },
        asked.reply.choices.map((c) =>
          h('button', { type: 'button', class: `control ${c.intent.type === 'yes' ? 'danger' : ''}`, onclick: () => answerForget(c.intent, asked.turn) }, c.label),
        ),
      ),
    );
    forget.querySelector('button').focus();
  } catch (err) {
    fail(err);
  }
}
async function answerForget(intent, turn) {
  try {
    const answered = await api('coach', { intent, atTurn: turn, ...place() });
    forgetButton();
    status.classList.add('ok');
    status.textContent = answered.reply.speech.filter((s) => s.kind === 'say').map((s) => s.text).join(' ');
    await showHistory();
  } catch (err) {
    fail(err);
  }
}
forgetButton();

showHistory().catch(fail);
