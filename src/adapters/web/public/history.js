// The history page: sessions, pain before and after by week, the streak; linking devices; forget me.
import { api, ApiError, h, place } from './api.js';
import { painChart } from './chart.js';
import { hcopy } from './copy.js';

const status = document.getElementById('status');

function fail(err) {
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

showHistory().catch(fail);
