import type { Knex } from 'knex';
import { isolateByRegency } from './rowLevelSecurity.ts';

/**
 * Letters with authority: a letter is first prepared (a numberless preview holding the values of the step
 * that produced it), optionally initialled (paraf) and then signed by its signer or their Plt/Plh, which
 * takes the number and stores the signed PDF and its hash. Demo signing keys live per regency and user.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('letter_drafts', (t) => {
    t.text('id').primary();
    t.text('regency_id').notNullable();
    t.text('case_id').notNullable().references('cases.id');
    t.text('output_id').notNullable();
    t.text('step_id').notNullable();
    // The values of the producing step, frozen when the letter is prepared (later steps never change them).
    t.jsonb('values').notNullable();
    t.jsonb('initials').notNullable().defaultTo('[]');
    t.text('status').notNullable().defaultTo('prepared');
    t.text('prepared_by').notNullable();
    t.timestamp('prepared_at', { useTz: true }).notNullable();
    t.text('document_id');
  });
  // At most one letter in preparation per output of a case.
  await knex.raw(
    `CREATE UNIQUE INDEX letter_drafts_open_idx ON letter_drafts (case_id, output_id) WHERE status = 'prepared'`,
  );
  await isolateByRegency(knex, 'letter_drafts');
  await knex.schema.alterTable('issued_documents', (t) => {
    t.jsonb('values');
    t.binary('pdf');
    t.text('pdf_sha256');
    t.text('signed_by');
    t.text('signature_kind');
    t.text('recipient');
    t.text('draft_id');
    t.jsonb('initials');
  });
  await knex.schema.createTable('signing_keys', (t) => {
    t.text('regency_id').notNullable();
    // '' is the regency's demo CA; otherwise a user id with their demo PKCS#12.
    t.text('owner').notNullable();
    t.binary('p12');
    t.text('key_pem');
    t.text('cert_pem').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['regency_id', 'owner']);
  });
  await isolateByRegency(knex, 'signing_keys');
}

/** Drops the signing tables and columns. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('signing_keys');
  await knex.schema.alterTable('issued_documents', (t) => {
    t.dropColumns('values', 'pdf', 'pdf_sha256', 'signed_by', 'signature_kind', 'recipient', 'draft_id', 'initials');
  });
  await knex.schema.dropTableIfExists('letter_drafts');
}
