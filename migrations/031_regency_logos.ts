import type { Knex } from 'knex';
import { isolateByRegency } from './rowLevelSecurity.ts';

/**
 * The regency's official logo (lambang) for the kop of letters, receipts and printed SOPs (issue 18). Every
 * upload stays as a row (who, when, SHA-256); replacing or removing one only closes it (`removed_at`), so the
 * record of which lambang was in use when stays, and at most one row per regency is current.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('regency_logos', (t) => {
    t.uuid('id').primary();
    t.text('regency_id').notNullable();
    t.text('media_type').notNullable();
    t.integer('width').notNullable();
    t.integer('height').notNullable();
    t.integer('byte_size').notNullable();
    t.text('sha256').notNullable();
    t.binary('content').notNullable();
    t.text('uploaded_by').notNullable();
    t.text('uploaded_by_name').notNullable();
    t.timestamp('uploaded_at', { useTz: true }).notNullable();
    t.text('removed_by');
    t.text('removed_by_name');
    t.timestamp('removed_at', { useTz: true });
    t.index(['regency_id', 'uploaded_at']);
  });
  await knex.raw('CREATE UNIQUE INDEX regency_logos_current ON regency_logos (regency_id) WHERE removed_at IS NULL');
  await isolateByRegency(knex, 'regency_logos');
}

/** Drops the table (development only). */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('regency_logos');
}
