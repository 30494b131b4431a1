import type { Knex } from 'knex';
import { isolateByRegency } from './rowLevelSecurity.ts';

/**
 * Issued documents (Surat Rekomendasi, SK, Berita Acara, BAST…) and the regency's numbering register.
 * A number, once taken, is never handed out again: the counter only moves forward, inside the same
 * transaction that stores the document.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('letter_counters', (t) => {
    t.text('regency_id').notNullable();
    t.text('series').notNullable();
    t.integer('year').notNullable();
    t.integer('last_seq').notNullable();
    t.primary(['regency_id', 'series', 'year']);
  });
  await knex.schema.createTable('issued_documents', (t) => {
    t.text('id').primary();
    t.text('regency_id').notNullable();
    t.text('case_id').notNullable().references('cases.id');
    t.text('output_id').notNullable();
    t.text('step_id').notNullable();
    t.text('title').notNullable();
    t.text('number').notNullable();
    t.text('body').notNullable();
    t.jsonb('signer').notNullable();
    t.jsonb('letterhead').notNullable();
    t.text('verification_code').notNullable().unique();
    t.text('status').notNullable().defaultTo('valid');
    t.text('issued_by').notNullable();
    t.timestamp('issued_at', { useTz: true }).notNullable();
    t.timestamp('revoked_at', { useTz: true });
    t.text('revoked_reason');
    t.unique(['regency_id', 'number']);
    t.unique(['case_id', 'output_id']);
  });
  // Case data: row-level security by regency, like cases and their events (see 002_security).
  await isolateByRegency(knex, 'issued_documents');
}

/** Drops the output tables. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('issued_documents');
  await knex.schema.dropTableIfExists('letter_counters');
}
