import type { Kysely, Migration } from 'kysely';

/**
 * Erase epochs: a counter per bucket of people (a bucket is a hash of the person id, so the table holds no
 * id), moved on by every erase. A turn commit checks that its bucket's epoch is the one it read, so nothing
 * computed before a "forget me" can land after it. No row means epoch 0.
 */
export const eraseEpochs: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('erase_epochs')
      .addColumn('bucket', 'integer', (c) => c.primaryKey())
      .addColumn('epoch', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropTable('erase_epochs').execute();
  },
};
