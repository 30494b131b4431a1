import type { Knex } from 'knex';

/**
 * Keeps each regency's webhook list beside its config, derived by PostgreSQL (a stored generated column,
 * so it can never disagree with the config). A command's save reads it to skip the webhook batch of its
 * events when none of the regency's webhooks takes them (engine/storage/notifications/outboxRows.ts):
 * most regencies have no webhook, and before, every command wrote a batch row that the fan-out job later
 * claimed only to find no receiver. The column is small and usually NULL, so the check reads no config.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `ALTER TABLE regencies ADD COLUMN webhooks jsonb GENERATED ALWAYS AS (config #> '{notifications,webhooks}') STORED`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE regencies DROP COLUMN webhooks');
}
