// Checks run inside the page (page.evaluate of this file's text): plain JavaScript, as the browser runs it.
(() => {
  const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
  const channel = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg && bg !== 'transparent' && !bg.startsWith('rgba(0, 0, 0, 0)')) return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  const shown = (el) => (el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null);
  const visible = (el) => shown(el) && el.textContent.trim() !== '';
  // WCAG AA for body text: 4.5:1 between each visible text and what is behind it.
  const lowContrast = [...document.querySelectorAll('button, a, h1, h2, p, td, th, label, summary, span')]
    .filter(visible)
    .map((el) => {
      const a = luminance(rgb(getComputedStyle(el).color));
      const b = luminance(rgb(background(el)));
      return { text: el.textContent.trim().slice(0, 30), ratio: Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100 };
    })
    .filter((x) => x.ratio < 4.5);
  // Every control has a name a screen reader can say.
  const unnamed = [...document.querySelectorAll('button, input, select')]
    .filter(shown)
    .filter((el) => !el.innerText?.trim() && !el.getAttribute('aria-label') && !(el.labels && el.labels.length))
    .map((el) => el.outerHTML.slice(0, 60));
  return { lowContrast, unnamed };
})();
