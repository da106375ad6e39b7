import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { SqlDialectName } from '../schema.js';
import { initial } from './0001_initial.js';
import { links } from './0002_links.js';
import { slackInstallations } from './0003_slack_installations.js';
import { eraseEpochs } from './0004_erase_epochs.js';

/**
 * The one migration set for SQLite and PostgreSQL, applied in name order on open. Add a file per change
 * (0002_..., never edit an applied one) and list it here.
 */
function migrations(dialect: SqlDialectName): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
    '0002_links': links(),
    '0003_slack_installations': slackInstallations(),
    '0004_erase_epochs': eraseEpochs,
  };
}

export async function migrateToLatest(db: Kysely<any>, dialect: SqlDialectName): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`store migration ${failed ?? '(setup)'} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
