import type { Kysely, Migration } from 'kysely';
import type { SqlDialectName } from '../schema.js';

/** Profiles, sessions, history, reminders and claimOnce keys. */
export function initial(dialect: SqlDialectName): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      for (const table of ['profiles', 'sessions']) {
        await db.schema
          .createTable(table)
          .addColumn('person_id', 'text', (c) => c.primaryKey())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .execute();
      }

      await db.schema
        .createTable('history')
        // The one place the dialects differ: how a key numbers itself.
        .addColumn('id', 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
        )
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('entry', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('history_person_id').on('history').columns(['person_id', 'id']).execute();

      await db.schema
        .createTable('reminders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('surface', 'text', (c) => c.notNull())
        .addColumn('days', 'text', (c) => c.notNull())
        .addColumn('time', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('next_due_at', 'bigint', (c) => c.notNull())
        .addColumn('claimed_until', 'bigint')
        .execute();
      await db.schema.createIndex('reminders_person_surface').on('reminders').columns(['person_id', 'surface']).unique().execute();
      // The due scan: next_due_at <= now, then the claim filter on the few rows that are due.
      await db.schema.createIndex('reminders_due').on('reminders').columns(['next_due_at', 'claimed_until']).execute();

      await db.schema
        .createTable('seen_keys')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('seen_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('seen_keys_seen_at').on('seen_keys').column('seen_at').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['seen_keys', 'reminders', 'history', 'sessions', 'profiles']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
