import type { Knex } from 'knex';
import { isolateByRegency } from './rowLevelSecurity.ts';

/**
 * Imported source documents (issue 21): the uploaded file and the text the importer read from it (pages, lines,
 * cells), kept with the drafts made from it so the designer can show the document beside each draft; which SOPs
 * came from which document; and the designer's own event trail (a drafter marking an inferred part checked).
 * All regency data under row-level security, like the other designer tables.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('source_documents', (t) => {
    t.bigIncrements('id');
    t.text('regency_id').notNullable();
    t.text('file_name').notNullable();
    t.text('media_type').notNullable();
    t.integer('byte_size').notNullable();
    t.text('sha256').notNullable();
    t.binary('content').notNullable();
    /** The DocumentText as read (engine/importer/documentText.ts). */
    t.jsonb('text').notNullable();
    /** Drafts found in the document that still wait for the drafter's choice (an id already in use). */
    t.jsonb('pending').notNullable().defaultTo('[]');
    t.text('uploaded_by').notNullable();
    t.text('uploaded_by_name').notNullable();
    t.timestamp('uploaded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('source_document_sops', (t) => {
    t.bigIncrements('id');
    t.text('regency_id').notNullable();
    t.text('sop_id').notNullable();
    t.bigInteger('document_id').notNullable().references('source_documents.id');
    t.timestamp('linked_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['regency_id', 'sop_id']);
  });
  await knex.schema.createTable('designer_events', (t) => {
    t.bigIncrements('id');
    t.text('regency_id').notNullable();
    t.text('sop_id').notNullable();
    t.integer('revision').notNullable();
    /** part-reviewed, document-imported */
    t.text('type').notNullable();
    t.jsonb('detail').notNullable();
    t.text('by').notNullable();
    t.text('by_name').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['regency_id', 'sop_id', 'at']);
  });
  for (const table of ['source_documents', 'source_document_sops', 'designer_events'])
    await isolateByRegency(knex, table);
}

/** Drops the tables (development only). */
export async function down(knex: Knex): Promise<void> {
  for (const table of ['designer_events', 'source_document_sops', 'source_documents'])
    await knex.schema.dropTableIfExists(table);
}
