// The voice and hands-free settings, kept on this device.
import { h } from './api.js';
import { copy } from './copy.js';
import { Listener } from './voice.js';

export function renderSettings(container, { settings, voice, listener, save }) {
  const t = copy.settings;
  const check = (id, key, label, onChange) =>
    h(
      'label',
      { class: 'check', for: id },
      h('input', {
        type: 'checkbox',
        id,
        checked: settings[key],
        onchange: (e) => {
          settings[key] = e.target.checked;
          save();
          onChange?.(e.target.checked);
        },
      }),
      label,
    );

  const select = h('select', { id: 'set-voice', onchange: (e) => ((settings.voice = e.target.value), save()) });
  const fillVoices = () => {
    const lang = (document.documentElement.lang || 'en').slice(0, 2);
    const voices = voice.voices().filter((v) => v.lang.toLowerCase().startsWith(lang));
    select.replaceChildren(
      h('option', { value: '' }, t.defaultVoice),
      ...voices.map((v) => h('option', { value: v.voiceURI, selected: v.voiceURI === settings.voice }, `${v.name} (${v.lang})`)),
    );
  };
  const rateOut = h('output', { for: 'set-rate', id: 'rate-out' }, `${Number(settings.rate).toFixed(1)}×`);
  const rate = h('input', {
    type: 'range',
    id: 'set-rate',
    min: '0.6',
    max: '1.4',
    step: '0.1',
    value: String(settings.rate),
    oninput: (e) => {
      settings.rate = Number(e.target.value);
      rateOut.textContent = `${settings.rate.toFixed(1)}×`;
      save();
    },
  });

  const parts = [];
  if (voice.available) {
    parts.push(
      check('set-speak', 'speak', t.speak, (on) => on || voice.cancel()),
      h('label', { for: 'set-voice' }, t.voice),
      select,
      h('label', { for: 'set-rate' }, t.rate),
      h('div', { class: 'rate' }, rate, rateOut),
      h('button', { type: 'button', class: 'control', onclick: () => voice.say([{ kind: 'say', text: copy.testVoice }]) }, t.tryVoice),
    );
    fillVoices();
    speechSynthesis.addEventListener?.('voiceschanged', fillVoices);
  } else {
    parts.push(h('p', {}, t.noSpeech));
  }
  parts.push(check('set-handsfree', 'handsFree', t.handsFree));
  if (Listener.supported) {
    parts.push(check('set-listen', 'listen', t.listen, (on) => (on ? listener.start() : listener.stop())));
    if (settings.listen) listener.start();
  } else {
    parts.push(h('p', {}, t.noListen));
  }
  container.replaceChildren(...parts);
}
