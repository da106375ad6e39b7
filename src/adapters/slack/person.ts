import { SlackAdapterError, SlackErrorCode } from './errors.js';

/** A Slack person, as the coach knows them: `slack:<team>:<user>`. */
export interface SlackPerson {
  teamId: string;
  userId: string;
  personId: string;
}

export function slackPerson(teamId: string | undefined, userId: string | undefined): SlackPerson {
  if (!teamId || !userId) throw new SlackAdapterError(SlackErrorCode.MissingIdentity, 'request without team or user');
  return { teamId, userId, personId: `slack:${teamId}:${userId}` };
}

/** The person behind a `slack:<team>:<user>` id, or undefined for another surface's id. */
export function parsePersonId(personId: string): SlackPerson | undefined {
  const m = /^slack:([^:]+):([^:]+)$/.exec(personId);
  return m ? { teamId: m[1]!, userId: m[2]!, personId } : undefined;
}
