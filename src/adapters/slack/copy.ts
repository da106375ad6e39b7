import type { IssuedCode, LinkResult } from '../../app/turn.js';

/**
 * The words the Slack adapter itself shows (English). What the coach says comes from the core's replies;
 * these are only Slack's own frames: menus, usage lines, App Home, the reminder DM.
 */
export const copy = {
  usage:
    'Try `/backbreak` for the routines, `/backbreak start five moves`, `next`, `repeat`, `pause`, `stop`, ' +
    '`remind weekdays 15:00`, `history`, `handsfree on`, `link` or `help`.',
  link: {
    issued: (c: IssuedCode) =>
      `Your code is *${c.shown}*. Enter it on the Back Break web page (History) within ${c.minutes} minutes, ` +
      'or in another workspace with `/backbreak link ' + c.shown + '`. It works once.',
    result: (r: LinkResult): string => {
      switch (r.kind) {
        case 'linked':
          return 'Linked: one history and one set of safety answers, here and on your other devices and accounts.';
        case 'alreadyLinked':
          return 'These are already linked.';
        case 'malformed':
          return 'A code has six digits: `/backbreak link 123-456`. Get one on the web page, or say "Alexa, ask Back Break to link my account".';
        case 'wrongCode':
          return `That code is not right, or it has expired or been used. ${r.triesLeft} ${r.triesLeft === 1 ? 'try' : 'tries'} left.`;
        case 'tooManyTries':
          return 'Too many wrong codes. Wait ten minutes, then get a new code and try again.';
      }
    },
  },
  usageHandsFree: 'Try `/backbreak handsfree on` or `/backbreak handsfree off`.',
  menuIntro: 'Pick a routine. It runs in our DM, one step at a time.',
  menuFooter: 'Or type `/backbreak start 5 minutes`. `/backbreak help` for more.',
  start: 'Start',
  inYourDm: 'On it: see your DM with Back Break.',
  noRoutines: 'No routines are loaded right now.',
  handsFreeOn: 'Hands-free is on: each step moves on by itself when its hold ends.',
  handsFreeOff: 'Hands-free is off: press Next when you are ready.',
  handsFreeNext: (seconds: number) => `Hands-free: moves on by itself in ${seconds} s`,
  somethingWrong: 'Sorry, that did not work. Please try again in a moment.',
  stopConfirm: { title: 'Stop the routine?', text: 'Your progress so far is kept.', confirm: 'Stop', deny: 'Keep going' },
  confirmDefault: { title: 'Are you sure?', confirm: 'Yes', deny: 'Cancel' },
  yes: 'Yes',
  no: 'No',
  notSure: 'Not sure',
  step: (i: number, n: number) => `Step ${i} of ${n}`,
  side: (side: string) => `${side} side`,
  equipment: (items: string[]) => `You'll need: ${items.join(', ')}`,
  weekly: {
    heading: 'Your week',
    thisWeek: (breaks: number, finished: number, streak: number, untilYesterday: boolean) =>
      `*This week:* ${breaks === 1 ? '1 break' : `${breaks} breaks`}${breaks > 0 ? ` (${finished} finished)` : ''} · ` +
      (streak === 0 ? 'no streak yet' : `streak ${streak === 1 ? '1 day' : `${streak} days`}${untilYesterday ? ', keep it going today' : ''}`),
    noPain: 'Pain scores before and after show here, week by week, once you have rated a break.',
    painHeading: '*Pain before and after, weekly average (0 to 10)*',
    trend: (from: number, fromWeek: string, to: number, toWeek: string) =>
      to < from
        ? `Before a break, your pain went from ${from.toFixed(1)} (${fromWeek}) to ${to.toFixed(1)} (${toWeek}).`
        : to > from
          ? `Before a break, your pain went from ${from.toFixed(1)} (${fromWeek}) to ${to.toFixed(1)} (${toWeek}). If it keeps rising, check in with a professional.`
          : `Before a break, your pain held at ${to.toFixed(1)} from ${fromWeek} to ${toWeek}.`,
    weekOf: (dayMonth: string) => `week of ${dayMonth}`,
    thisWeekLabel: 'this week',
    days: (marks: string) => `Mon to Sun: ${marks}`,
  },
  workingDay: {
    heading: 'Working day',
    set: (days: string, start: string, end: string, zone: string) =>
      `*${days[0]!.toUpperCase()}${days.slice(1)}, ${start} to ${end}* (${zone}). Reminders come only then, and wait out meetings, huddles and do-not-disturb.`,
    unset: 'Not set: reminders come at their time, any hour, and wait out meetings, huddles and do-not-disturb.',
    setButton: 'Set working day',
    change: 'Change',
    clear: 'Any hour',
    title: 'Your working day',
    explain: 'Back breaks come only within these hours. One that falls outside waits for the next working moment.',
    days: 'Days',
    start: 'Starts',
    end: 'Ends',
    save: 'Save',
    cancel: 'Cancel',
    needDay: 'Pick at least one day.',
    needTime: 'Pick a time.',
    endAfterStart: 'The day must end after it starts.',
  },
  install: {
    done: (team: string) => `Back Break is installed in ${team}. Open Slack and type /backbreak, or open the app's Home tab.`,
    refused: 'That install link has expired or was opened in another browser. Start again from the Add to Slack link.',
    broken: 'Slack did not complete the install. Please try again in a moment.',
    cancelled: 'Install cancelled: nothing was added to your workspace.',
  },
  reminder: {
    text: 'Time for a back break: about five minutes, gentle, at your desk or on the floor.',
    button: 'Start a back break',
    snooze: (minutes: number) => `Snooze ${minutes} min`,
    skipToday: 'Skip today',
    snoozed: (at: string) => `Snoozed: I'll remind you again at ${at}.`,
    skipped: (next: string) => `Skipped for today. Next reminder: ${next}.`,
    alreadyComing: (at: string) => `Your next break is already coming at ${at}.`,
    off: 'This reminder is off. Set one with `/backbreak remind weekdays 15:00`.',
  },
  home: {
    title: 'Back Break',
    intro:
      'Guided low-back routines, one step at a time, with safety checks before and during. ' +
      'Exercise guidance only, not a diagnosis or treatment. In an emergency, call your local emergency number.',
    routines: 'Routines',
    reminder: 'Reminder',
    noReminder: 'No reminder set. Try `/backbreak remind weekdays 15:00`.',
    reminderLine: (days: string, time: string, zone: string, next: string) =>
      `${days[0]!.toUpperCase()}${days.slice(1)} at ${time} (${zone}). Next: ${next}.`,
    recent: 'Recent',
    noHistory: 'Nothing yet. Your finished routines show here, with pain before and after.',
    settings: 'Settings',
    handsFree: (on: boolean) => `*Hands-free:* ${on ? 'on' : 'off'}. Steps move on by themselves when a hold ends.`,
    turnOn: 'Turn on',
    turnOff: 'Turn off',
    completed: 'done',
    stopped: 'stopped',
    pain: (before?: number, after?: number) =>
      before === undefined && after === undefined ? '' : `pain ${before ?? '?'} → ${after ?? '?'}`,
  },
} as const;
