// The browser's voice: the coach's words spoken (speechSynthesis), short commands heard where the browser
// can (SpeechRecognition), and the screen kept on during a routine (Wake Lock). Each falls back to nothing.

const KEY = 'bb.settings';
const DEFAULTS = { speak: true, voice: '', rate: 1, handsFree: true, listen: false };

/** The person's choices, remembered on this device (voices differ from device to device). */
export function loadSettings() {
  try {
    return { ...DEFAULTS, ...JSON.parse(localStorage.getItem(KEY) || '{}') };
  } catch {
    return { ...DEFAULTS };
  }
}

export function saveSettings(settings) {
  try {
    localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Private mode: the choices last for this page only.
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Speaks segments in order; a new say() cancels the one before. */
export class Voice {
  constructor(settings) {
    this.settings = settings;
    this.generation = 0;
    this.speaking = false;
  }

  get available() {
    return 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';
  }

  voices() {
    return this.available ? speechSynthesis.getVoices() : [];
  }

  cancel() {
    this.generation++;
    this.speaking = false;
    if (this.available) speechSynthesis.cancel();
  }

  /** Resolves when every segment has been said (or at once when speech is off); false when cut short. */
  async say(segments) {
    this.cancel();
    const generation = this.generation;
    if (!this.settings.speak || !this.available) return true;
    this.speaking = true;
    for (const segment of segments) {
      if (generation !== this.generation) return false;
      if (segment.kind === 'pause') await sleep(segment.seconds * 1000);
      else await this.utter(segment.text, generation);
    }
    if (generation === this.generation) this.speaking = false;
    return generation === this.generation;
  }

  utter(text, generation) {
    return new Promise((resolve) => {
      const u = new SpeechSynthesisUtterance(text);
      const chosen = this.voices().find((v) => v.voiceURI === this.settings.voice);
      if (chosen) u.voice = chosen;
      u.lang = chosen?.lang || document.documentElement.lang || 'en';
      u.rate = Number(this.settings.rate) || 1;
      // Some browsers never fire end (no voices installed): go on after about the time it would take.
      const words = text.split(/\s+/).length;
      const guard = setTimeout(done, (words / (2.5 * u.rate)) * 1000 * 2 + 2000);
      function done() {
        clearTimeout(guard);
        resolve();
      }
      u.onend = done;
      u.onerror = done;
      if (generation === this.generation) speechSynthesis.speak(u);
      else done();
    });
  }
}

/** Hears short commands; results that arrive while the coach is speaking are its own voice and are ignored. */
export class Listener {
  constructor(voice, onText, onProblem) {
    this.voice = voice;
    this.onText = onText;
    this.onProblem = onProblem;
    this.on = false;
    this.recognition = undefined;
  }

  static get supported() {
    return Boolean(window.SpeechRecognition || window.webkitSpeechRecognition);
  }

  start() {
    if (!Listener.supported || this.on) return;
    const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
    const r = new Recognition();
    r.lang = document.documentElement.lang || 'en';
    r.continuous = true;
    r.interimResults = false;
    r.onresult = (event) => {
      const result = event.results[event.results.length - 1];
      const text = result?.[0]?.transcript?.trim();
      if (text && !this.voice.speaking) this.onText(text);
    };
    r.onerror = (event) => {
      if (event.error === 'not-allowed' || event.error === 'service-not-allowed') {
        this.stop();
        this.onProblem('blocked');
      }
    };
    // Browsers stop listening after a silence; listen again while the person wants it.
    r.onend = () => {
      if (this.on) {
        try {
          r.start();
        } catch {
          this.stop();
        }
      }
    };
    this.recognition = r;
    this.on = true;
    try {
      r.start();
    } catch {
      this.stop();
      this.onProblem('unavailable');
    }
  }

  stop() {
    this.on = false;
    try {
      this.recognition?.stop();
    } catch {
      // Already stopped.
    }
    this.recognition = undefined;
  }
}

/** Keeps the screen on while a routine runs, and takes the lock again when the page comes back into view. */
export class ScreenAwake {
  constructor() {
    this.wanted = false;
    this.lock = undefined;
    document.addEventListener('visibilitychange', () => {
      if (this.wanted && document.visibilityState === 'visible') this.acquire();
    });
  }

  async hold() {
    this.wanted = true;
    if (!this.lock) await this.acquire();
  }

  release() {
    this.wanted = false;
    this.lock?.release().catch(() => {});
    this.lock = undefined;
  }

  async acquire() {
    if (!('wakeLock' in navigator)) return;
    try {
      this.lock = await navigator.wakeLock.request('screen');
      this.lock.addEventListener('release', () => (this.lock = undefined));
    } catch {
      // Refused (battery saver, hidden page): the screen may dim; nothing else changes.
    }
  }
}
