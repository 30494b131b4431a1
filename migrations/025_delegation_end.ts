import type { Knex } from 'knex';

/**
 * Ending a delegation early (issue #17): the Plt/Plh or leave cover stops at `ends_at`, which is moved to
 * the moment it was ended; who ended it and why are kept on the row, so the table stays the audit trail
 * of every delegation (created_by/created_at for its start). The table's regency policy covers the columns.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('delegations', (t) => {
    t.text('ended_by').nullable();
    t.text('end_reason').nullable();
  });
}

/** Drops the two columns. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('delegations', (t) => {
    t.dropColumn('ended_by');
    t.dropColumn('end_reason');
  });
}
