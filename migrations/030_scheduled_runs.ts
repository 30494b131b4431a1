import type { Knex } from 'knex';
import { isolateByRegency } from './rowLevelSecurity.ts';

/**
 * Scheduled SOPs (`schedule:` in the definition: monthly reports, stock opname) open one case per cycle.
 * The primary key is the exactly-once guarantee: with several server processes running the job, only the
 * one whose insert lands opens the case, in the same transaction.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('scheduled_runs', (t) => {
    t.text('regency_id').notNullable().references('regencies.id');
    t.text('sop_id').notNullable();
    t.text('run_key').notNullable();
    t.text('case_id').notNullable();
    t.timestamp('opened_at', { useTz: true }).notNullable();
    t.primary(['regency_id', 'sop_id', 'run_key']);
  });
  await isolateByRegency(knex, 'scheduled_runs');
}

/** Drops the table (development only). */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('scheduled_runs');
}
