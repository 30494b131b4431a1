import type { Knex } from 'knex';

/**
 * Small facts a server keeps between starts, by key: the fingerprint of the last definition-folder
 * sync (so an unchanged restart skips re-validating every SOP) and similar bookkeeping. No personal data.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('server_state', (t) => {
    t.text('key').primary();
    t.jsonb('value').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

/** Drops the table (the next start syncs the folder in full). */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('server_state');
}
