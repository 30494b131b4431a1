import type { Knex } from 'knex';
import { isolateByRegency } from './rowLevelSecurity.ts';

/**
 * Regency settings edited in the app (issue #16 item 7). `regencies.source` keeps the YAML text of the
 * settings in force (from the folder or the app), `managed_in_app` says the app owns it from now on (a
 * restart no longer reads sop-definitions/<id>/regency.yaml over it). Each approved change is a row of
 * `regency_versions` (history and diff); drafts and reviews use the designer's tables under the
 * reserved document id `@regency`, which no SOP id can take.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('regencies', (t) => {
    t.text('source');
    t.boolean('managed_in_app').notNullable().defaultTo(false);
  });
  await knex.schema.createTable('regency_versions', (t) => {
    t.bigIncrements('id');
    t.text('regency_id').notNullable().references('regencies.id');
    t.integer('version').notNullable();
    t.text('source').notNullable();
    t.text('content_hash').notNullable();
    t.text('published_by').notNullable();
    t.text('published_by_name').notNullable();
    t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['regency_id', 'version']);
  });
  await isolateByRegency(knex, 'regency_versions');
}

/** Drops the settings history and the two columns (development only). */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('regency_versions');
  await knex.schema.alterTable('regencies', (t) => {
    t.dropColumn('source');
    t.dropColumn('managed_in_app');
  });
}
