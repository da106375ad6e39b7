// Pain before and after by week, as an inline SVG (no chart library: two lines and a grid).
const NS = 'http://www.w3.org/2000/svg';
const W = 340;
const H = 190;
const PAD = { left: 26, right: 8, top: 10, bottom: 28 };

function el(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

const monthDay = (day) => new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Weeks oldest first; a line breaks where a week has no score. */
export function painChart(weeks, { title, summary }) {
  const x = (i) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, weeks.length - 1);
  const y = (score) => PAD.top + ((10 - score) * (H - PAD.top - PAD.bottom)) / 10;
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-labelledby': 'chart-title chart-desc' });
  svg.append(el('title', { id: 'chart-title' }, title), el('desc', { id: 'chart-desc' }, summary));
  for (const score of [0, 5, 10]) {
    svg.append(el('line', { class: 'grid', x1: PAD.left, x2: W - PAD.right, y1: y(score), y2: y(score) }));
    svg.append(el('text', { x: 2, y: y(score) + 4 }, String(score)));
  }
  weeks.forEach((w, i) => {
    const last = i === weeks.length - 1;
    if (i % 3 === (weeks.length - 1) % 3) svg.append(el('text', { x: x(i), y: H - 8, 'text-anchor': last ? 'end' : 'middle' }, monthDay(w.start)));
  });
  for (const [key, cls] of [['painBefore', 'before'], ['painAfter', 'after']]) {
    let run = [];
    const flush = () => {
      if (run.length > 1) svg.append(el('polyline', { class: cls, points: run.join(' ') }));
      run = [];
    };
    weeks.forEach((w, i) => {
      const score = w[key];
      if (score === undefined) return flush();
      run.push(`${x(i).toFixed(1)},${y(score).toFixed(1)}`);
      svg.append(el('circle', { class: `dot-${cls}`, cx: x(i).toFixed(1), cy: y(score).toFixed(1), r: 3.5, 'data-week': w.start, 'data-score': score }));
    });
    flush();
  }
  return svg;
}
