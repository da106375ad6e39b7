// The page's own words (the coach's words come from the server in each reply). One object per locale.
export const copy = {
  routinesHeading: 'Choose a routine',
  minutes: (n) => `about ${n} min`,
  noEquipment: 'No equipment',
  equipment: (names) => `You'll need: ${names.join(', ')}`,
  start: 'Start',
  stepOf: (i, n) => `Step ${i} of ${n}`,
  side: (side) => `${side[0].toUpperCase()}${side.slice(1)} side`,
  secondsLeft: (s) => `${s} ${s === 1 ? 'second' : 'seconds'} left`,
  holdDone: 'Done',
  holdPaused: 'Paused',
  handsFreeNext: 'Moving on when the time is up.',
  tapNext: "Tap Next when you're ready.",
  painLow: '0 no pain',
  painHigh: '10 worst',
  controls: {
    next: 'Next',
    back: 'Back',
    repeat: 'Repeat',
    easier: 'Easier',
    skip: 'Skip',
    pause: 'Pause',
    stop: 'Stop',
    hurts: 'This hurts',
    dizzy: 'I feel dizzy',
  },
  keepGoing: 'Keep going',
  stopConfirm: 'Stop this routine? You can pick it up next time.',
  sayLabel: 'Type to the coach',
  sayPlaceholder: 'next, this hurts, 5 minutes…',
  send: 'Send',
  offline: 'Cannot reach Back Break. Check the connection and try again.',
  busy: 'Too many taps at once. Wait a moment and try again.',
  listening: 'Listening: say next, pause or this hurts.',
  micUnavailable: 'Voice commands are not available here; the buttons do the same.',
  micBlocked: 'The microphone is blocked, so use the buttons.',
  reminderHere: 'This page cannot send reminders. Link Alexa or Slack on the History page to get them there.',
  testVoice: 'This is how I will sound.',
  settings: {
    speak: 'Speak to me',
    voice: 'Voice',
    defaultVoice: 'The browser’s default',
    rate: 'Speed',
    tryVoice: 'Try the voice',
    handsFree: 'Move on by itself when a hold ends',
    listen: 'Listen for “next”, “pause” and “this hurts”',
    noSpeech: 'This browser cannot speak; the words are on screen.',
    noListen: 'This browser cannot listen for commands; the buttons do the same.',
  },
};

// The history page's words.
export const hcopy = {
  streak: (days) => (days > 1 ? `${days} days in a row. Keep it up.` : days === 1 ? 'You did a routine today.' : ''),
  noScores: 'Once you give a pain score before or after a routine, your weeks show here.',
  chartTitle: 'Average pain before and after routines, week by week',
  chartSummary: (weeks) => {
    const first = weeks[0];
    const last = weeks[weeks.length - 1];
    const part = (label, a, b) => (a === undefined || b === undefined ? '' : `${label} from ${a} to ${b}. `);
    return `${weeks.length} ${weeks.length === 1 ? 'week' : 'weeks'} with scores. ${part('Before, average pain went', first.painBefore, last.painBefore)}${part('After, it went', first.painAfter, last.painAfter)}`.trim();
  },
  before: 'Before',
  after: 'After',
  none: "You haven't finished a routine yet.",
  startOne: 'Start one now',
  sessionsCaption: 'Your routines, newest first',
  columns: ['Day', 'Routine', 'Pain before → after'],
  day: (day) => new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }),
  stopped: 'stopped early',
  pain: (before, after) => `${before ?? '–'} → ${after ?? '–'}`,
  codeHelp: (code, minutes) => `Enter it within ${minutes} minutes on your other device's History page, or in Slack as /backbreak link ${code}. It works once.`,
  linkResult: (r) =>
    ({
      linked: 'Linked. Your history and safety answers are now one, on every linked device and account.',
      alreadyLinked: 'These are already linked.',
      malformed: 'A code has six digits, like 123-456.',
      wrongCode: `That code is not right, or it has expired or been used. ${r.triesLeft} ${r.triesLeft === 1 ? 'try' : 'tries'} left.`,
      tooManyTries: 'Too many wrong codes. Wait ten minutes, then get a new code and try again.',
    })[r.kind] ?? '',
  forget: 'Forget me',
};
