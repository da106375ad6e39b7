import type { Reminder, Store } from '../../../src/app/store.js';
import { webClients } from '../../../src/adapters/slack/index.js';
import { boltLogger } from '../../../src/adapters/slack/logger.js';
import { ReminderScheduler } from '../../../src/adapters/slack/reminders/scheduler.js';
import { createLogger } from '../../../src/log.js';
import type { FakeSlack } from './fakeSlack.js';

const log = createLogger('silent');
export const MONDAY_1500_PARIS = Date.parse('2026-11-23T14:00:00Z');

export function weekdayReminder(personId: string, nextDue = MONDAY_1500_PARIS): Reminder {
  return { id: personId, personId, surface: 'slack', days: [1, 2, 3, 4, 5], time: '15:00', timeZone: 'Europe/Paris', target: `D-${personId}`, nextDueAt: nextDue };
}

export function scheduler(store: Store, fake: FakeSlack, clock: { now: number }, extra: Partial<ConstructorParameters<typeof ReminderScheduler>[0]> = {}): ReminderScheduler {
  const { schedulerClient } = webClients({ botToken: 'xoxb-test-scheduler', apiUrl: fake.url }, boltLogger(log));
  return new ReminderScheduler({ store, client: schedulerClient, log, now: () => clock.now, ...extra });
}

