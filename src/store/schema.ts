import type { ColumnType, Generated } from 'kysely';

/** The tables as Kysely sees them. JSON is stored as text; epoch milliseconds as bigint (pg returns strings). */

/** Epoch milliseconds: numbers in, number or (pg bigint) string out. */
type Epoch = ColumnType<number | string, number, number>;
type NullableEpoch = ColumnType<number | string | null, number | null, number | null>;

export interface JsonRowTable {
  person_id: string;
  data: string;
  version: number;
  updated_at: Epoch;
}

export interface HistoryTable {
  id: Generated<number>;
  person_id: string;
  entry: string;
  created_at: Epoch;
}

export interface RemindersTable {
  id: string;
  person_id: string;
  surface: 'slack' | 'alexa';
  /** JSON array of weekday numbers. */
  days: string;
  time: string;
  time_zone: string;
  target: string;
  next_due_at: Epoch;
  claimed_until: NullableEpoch;
}

export interface SeenKeysTable {
  key: string;
  seen_at: Epoch;
}

export interface PersonLinksTable {
  surface_id: string;
  person_id: string;
  linked_at: Epoch;
}

export interface LinkCodesTable {
  code: string;
  person_id: string;
  expires_at: Epoch;
}

export interface LinkTriesTable {
  person_id: string;
  window_start: Epoch;
  tries: number;
}

export interface SlackInstallationsTable {
  team_id: string;
  /** The installation as @slack/oauth describes it, JSON. */
  data: string;
  installed_at: Epoch;
}

/** A counter that only grows (bigint: pg returns strings). */
type Counter = ColumnType<number | string, number, number>;

export interface EraseEpochsTable {
  bucket: number;
  epoch: Counter;
}

export interface Database {
  profiles: JsonRowTable;
  sessions: JsonRowTable;
  history: HistoryTable;
  reminders: RemindersTable;
  seen_keys: SeenKeysTable;
  person_links: PersonLinksTable;
  link_codes: LinkCodesTable;
  link_tries: LinkTriesTable;
  slack_installations: SlackInstallationsTable;
  erase_epochs: EraseEpochsTable;
}

export type SqlDialectName = 'sqlite' | 'postgres';
