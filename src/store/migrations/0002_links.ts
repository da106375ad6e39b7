import type { Kysely, Migration } from 'kysely';

/**
 * Linked identities: which person a surface id (a web cookie, an Alexa user, a Slack user) belongs to, the
 * single-use codes that link them, and the failed tries at entering a code.
 */
export function links(): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('person_links')
        .addColumn('surface_id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('linked_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('person_links_person_id').on('person_links').column('person_id').execute();

      await db.schema
        .createTable('link_codes')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('link_codes_person_id').on('link_codes').column('person_id').execute();

      await db.schema
        .createTable('link_tries')
        .addColumn('person_id', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('tries', 'integer', (c) => c.notNull())
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['link_tries', 'link_codes', 'person_links']) await db.schema.dropTable(table).execute();
    },
  };
}
