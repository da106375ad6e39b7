import type { Kysely, Migration } from 'kysely';

/**
 * Slack installations, one row per workspace that installed the app through OAuth: the installation as
 * @slack/oauth describes it (JSON: team, bot token, bot ids, scopes, installer), read by authorize on every
 * request of that workspace and removed on app_uninstalled or tokens_revoked.
 */
export function slackInstallations(): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('slack_installations')
        .addColumn('team_id', 'text', (c) => c.primaryKey())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('installed_at', 'bigint', (c) => c.notNull())
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('slack_installations').execute();
    },
  };
}
