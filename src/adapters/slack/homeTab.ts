import type { Store } from '../../app/store.js';
import type { CoachPort } from '../../app/turn.js';
import type { Routine } from '../../core/routine.js';
import { handsFreeOn, surfaceOf } from './conversation.js';
import { workingHoursOf } from './reminders/workingDay.js';
import type { SlackPerson } from './person.js';
import { HOME_HISTORY, homeView } from './render/home.js';

/** Enough history for the weekly note's weeks (several breaks a day for six weeks). */
const WEEKLY_HISTORY = 300;
import type { Workspaces } from './workspaces.js';

export interface HomeDeps {
  coach: CoachPort;
  store: Store;
  workspaces: Pick<Workspaces, 'client'>;
  routines: Routine[];
  now: () => number;
}

/** Publishes the person's App Home: routines, next reminder, recent history, hands-free. */
export async function publishHome(deps: HomeDeps, person: SlackPerson): Promise<void> {
  const [profile, reminder, history] = await Promise.all([
    deps.coach.getProfile(person.personId),
    deps.store.getReminder(person.personId, 'slack'),
    // Through the coach: a linked person's history is kept under the identity they were linked into.
    deps.coach.history(person.personId, WEEKLY_HISTORY),
  ]);
  const view = homeView({
    routines: deps.routines,
    reminder,
    history: history.slice(0, HOME_HISTORY),
    weekly: { history, now: deps.now() },
    handsFree: handsFreeOn(profile),
    timeZone: profile?.timeZone,
    workingHours: workingHoursOf(surfaceOf(profile)),
  });
  const client = await deps.workspaces.client(person.teamId);
  await client.views.publish({ user_id: person.userId, view });
}
