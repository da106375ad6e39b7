import type { types } from '@slack/bolt';
import type { Reminder, StoredHistory } from '../../../app/store.js';
import type { Routine } from '../../../core/routine.js';
import { copy } from '../copy.js';
import { describeDays } from '../reminders/days.js';
import { clip, LIMITS, mrkdwn } from './limits.js';
import { routineSections } from './menu.js';
import type { WorkingHours } from '../reminders/workingDay.js';
import { workingDayBlocks } from './workingDay.js';
import { weeklyNoteBlocks } from './weekly.js';
import type { HistoryEntry } from '../../../core/profile.js';

/** The App Home tab: routines to start, the next reminder, recent history, settings. Pure. */
export interface HomeData {
  routines: Routine[];
  reminder?: Reminder;
  history: StoredHistory[];
  handsFree: boolean;
  /** For dates; UTC when unknown. */
  timeZone?: string;
  /** The person's working day, when set. */
  workingHours?: WorkingHours;
  /** For the weekly note: the history of the last weeks (newest first) and the instant it is drawn at. */
  weekly?: { history: HistoryEntry[]; now: number };
}

export const HANDS_FREE_ACTION = 'bb_handsfree';
/** How many history lines the tab shows. */
export const HOME_HISTORY = 5;

/** Date formats by zone, made once each (a tab shows up to six dates, and is published on every visit). */
const whenFormats = new Map<string, Intl.DateTimeFormat>();

export function formatWhen(epochMs: number, timeZone = 'UTC'): string {
  try {
    let format = whenFormats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      // Bounded: a handful of zones in practice; never more than a few hundred exist.
      if (whenFormats.size < 1000) whenFormats.set(timeZone, format);
    }
    return format.format(new Date(epochMs));
  } catch {
    return new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  }
}

function historyLine(entry: StoredHistory, titles: Map<string, string>, timeZone?: string): string {
  const when = Date.parse(entry.finishedAt);
  const parts = [
    `*${mrkdwn(titles.get(entry.routineId) ?? entry.routineId, 200)}*`,
    Number.isFinite(when) ? formatWhen(when, timeZone) : '',
    entry.completed ? copy.home.completed : copy.home.stopped,
    copy.home.pain(entry.painBefore, entry.painAfter),
  ];
  return parts.filter(Boolean).join(' · ');
}

export function homeView(data: HomeData): types.HomeView {
  const header = (text: string): types.KnownBlock => ({ type: 'header', text: { type: 'plain_text', text: clip(text, LIMITS.headerText) } });
  const section = (text: string): types.KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } });

  const tail: types.KnownBlock[] = [{ type: 'divider' }, header(copy.home.reminder)];
  const r = data.reminder;
  tail.push(
    section(
      r ? copy.home.reminderLine(describeDays(r.days), r.time, r.timeZone, formatWhen(r.nextDueAt, r.timeZone)) : copy.home.noReminder,
    ),
  );
  if (data.weekly) tail.push({ type: 'divider' }, header(copy.weekly.heading), ...weeklyNoteBlocks(data.weekly.history, data.weekly.now, data.timeZone ?? r?.timeZone));
  tail.push({ type: 'divider' }, header(copy.workingDay.heading), ...workingDayBlocks(data.workingHours, data.timeZone ?? r?.timeZone));
  tail.push({ type: 'divider' }, header(copy.home.recent));
  const titles = new Map(data.routines.map((routine) => [routine.id, routine.title]));
  const recent = data.history.slice(0, HOME_HISTORY);
  tail.push(section(recent.length > 0 ? recent.map((h) => historyLine(h, titles, data.timeZone ?? r?.timeZone)).join('\n') : copy.home.noHistory));
  tail.push({ type: 'divider' }, header(copy.home.settings), {
    type: 'section',
    block_id: 'bb_settings',
    text: { type: 'mrkdwn', text: copy.home.handsFree(data.handsFree) },
    accessory: {
      type: 'button',
      action_id: HANDS_FREE_ACTION,
      text: { type: 'plain_text', text: data.handsFree ? copy.home.turnOff : copy.home.turnOn },
      value: data.handsFree ? 'off' : 'on',
    },
  });

  const head: types.KnownBlock[] = [header(copy.home.title), section(copy.home.intro), { type: 'divider' }, header(copy.home.routines)];
  // Within 100 blocks whatever the catalogue's size: routines take what the rest leaves.
  const room = LIMITS.blocksPerHomeTab - head.length - tail.length;
  return { type: 'home', blocks: [...head, ...catalogueSections(data.routines).slice(0, room), ...tail] };
}

/** The routines with their Start buttons are the same for everyone: made once per catalogue, not per publish. */
const sectionsByCatalogue = new WeakMap<readonly Routine[], types.KnownBlock[]>();

function catalogueSections(routines: Routine[]): types.KnownBlock[] {
  let sections = sectionsByCatalogue.get(routines);
  if (!sections) {
    sections = routineSections(routines, LIMITS.blocksPerHomeTab, { summary: true });
    sectionsByCatalogue.set(routines, sections);
  }
  return sections;
}
