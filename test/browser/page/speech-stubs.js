// Stand-ins for the browser's speech, installed before the page's scripts run (page.addInitScript): speechSynthesis
// records what the coach says (text, voice, rate) and ends each utterance at once; SpeechRecognition lets the
// test say something (window.__hear). Ended with microtasks, not timers, so a test that controls the clock
// controls only the coach's. Plain JavaScript: it runs in the page as it is.
(() => {
  const w = window;
  w.__spoken = [];
  const voices = [
    { name: 'Test English', lang: 'en-US', voiceURI: 'test-en-us', default: true, localService: true },
    { name: 'Test British', lang: 'en-GB', voiceURI: 'test-en-gb', default: false, localService: true },
  ];
  const listeners = [];
  const synth = {
    speaking: false,
    pending: false,
    paused: false,
    getVoices: () => voices,
    speak(u) {
      w.__spoken.push({ text: u.text, rate: u.rate, voice: u.voice?.voiceURI });
      Promise.resolve().then(() => u.onend?.({}));
    },
    cancel() {},
    pause() {},
    resume() {},
    addEventListener(type, fn) {
      if (type === 'voiceschanged') listeners.push(fn);
    },
    removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  w.SpeechSynthesisUtterance = class {
    rate = 1;
    voice = null;
    lang = '';
    onend = null;
    onerror = null;
    constructor(text) {
      this.text = text;
    }
  };
  class Recognition {
    lang = '';
    continuous = false;
    interimResults = false;
    onresult = null;
    onerror = null;
    onend = null;
    start() {
      w.__recognition = this;
    }
    stop() {
      if (w.__recognition === this) w.__recognition = undefined;
    }
  }
  w.SpeechRecognition = Recognition;
  w.webkitSpeechRecognition = Recognition;
  /** What a test calls to have the person say something. */
  w.__hear = (text) => w.__recognition?.onresult?.({ results: [[{ transcript: text }]] });
})();
