import type { Knex } from 'knex';

/**
 * Holiday calendar changes made by admins in the app (issue #15): a year's official list entered before a
 * release ships it, an SKB amendment, regional holidays of a regency. The shipped files in
 * engine/calendar/national/ stay the baseline; these rows apply over them in id order. Rows are only ever
 * added, so the table is also the audit trail of who changed the calendar, when and by which decree.
 * National rows (regency_id NULL) apply to every regency, so the table has no row-level regency policy:
 * every process reads all of it to build the calendar.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('calendar_changes', (t) => {
    t.bigIncrements('id');
    t.text('regency_id').nullable().references('id').inTable('regencies');
    t.integer('year').notNullable();
    t.text('action').notNullable();
    t.date('date').nullable();
    t.text('name').notNullable().defaultTo('');
    t.text('kind').nullable();
    t.text('decree').notNullable();
    t.text('created_by').notNullable();
    t.text('created_by_regency').notNullable();
    t.text('created_by_name').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(
    `ALTER TABLE calendar_changes ADD CONSTRAINT calendar_changes_action CHECK (action IN ('year', 'add', 'remove'))`,
  );
  await knex.raw(
    `ALTER TABLE calendar_changes ADD CONSTRAINT calendar_changes_kind CHECK (kind IS NULL OR kind IN ('libur-nasional', 'cuti-bersama', 'libur-daerah'))`,
  );
}

/** Drops the table (the calendar falls back to the shipped files). */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('calendar_changes');
}
