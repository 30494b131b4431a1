import type { Knex } from 'knex';

/**
 * The case register's default order (newest first) as an index, so the first pages of a regency with
 * a million cases are an index range scan instead of a sort of all its cases.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX cases_register_idx ON cases (regency_id, opened_at DESC, id)');
}

/** Drops the register index. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS cases_register_idx');
}
