import type { Knex } from 'knex';

/** One round trip to the database; throws when it cannot be reached (the health check's 503). */
export async function pingDatabase(db: Knex): Promise<void> {
  await db.raw('SELECT 1');
}
