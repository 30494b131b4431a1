import type { Knex } from 'knex';
import { isolateByRegency } from './rowLevelSecurity.ts';

/**
 * The SOP designer: every saved draft of an SOP (never overwritten; a save names the revision it was
 * based on, so two drafters never silently overwrite each other) and the review trail of each
 * revision (submitted, returned, published). Both are regency data under row-level security.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('definition_drafts', (t) => {
    t.bigIncrements('id');
    t.text('regency_id').notNullable();
    t.text('sop_id').notNullable();
    t.integer('revision').notNullable();
    t.text('source').notNullable();
    t.text('name').notNullable();
    /** save, template, copy, import, revert */
    t.text('origin').notNullable();
    /** The published version the draft started from or was reverted to, when any. */
    t.integer('based_on_version');
    t.text('note');
    t.text('saved_by').notNullable();
    t.text('saved_by_name').notNullable();
    t.timestamp('saved_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['regency_id', 'sop_id', 'revision']);
  });
  await knex.schema.createTable('definition_reviews', (t) => {
    t.bigIncrements('id');
    t.text('regency_id').notNullable();
    t.text('sop_id').notNullable();
    t.integer('revision').notNullable();
    /** submitted, returned, published */
    t.text('action').notNullable();
    t.integer('version');
    t.text('note');
    t.text('by').notNullable();
    t.text('by_name').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['regency_id', 'sop_id', 'at']);
  });
  for (const table of ['definition_drafts', 'definition_reviews']) await isolateByRegency(knex, table);
}

/** Drops the designer tables (development only). */
export async function down(knex: Knex): Promise<void> {
  for (const table of ['definition_reviews', 'definition_drafts']) await knex.schema.dropTableIfExists(table);
}
