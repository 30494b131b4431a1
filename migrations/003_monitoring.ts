import type { Knex } from 'knex';
import { isolateByRegency } from './rowLevelSecurity.ts';

/** The nine elements of PermenPANRB 14/2017, in the order of the regulation's list (U1…U9). */
const SURVEY_ELEMENTS = [
  'persyaratan',
  'prosedur',
  'waktu',
  'biaya',
  'produk',
  'kompetensi',
  'perilaku',
  'pengaduan',
  'sarana',
] as const;

/**
 * Monitoring and evaluation: the satisfaction survey (Survei Kepuasan Masyarakat) answered by applicants
 * through their tracking code, and links from complaint cases to the case they concern. Figures
 * themselves are not stored: they are computed from case_events when asked.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('survey_responses', (t) => {
    t.bigIncrements('id');
    t.text('regency_id').notNullable();
    // One response per case: the applicant rates the service they received, once.
    t.text('case_id').notNullable().unique().references('cases.id');
    t.text('sop_id').notNullable();
    for (const element of SURVEY_ELEMENTS) t.smallint(element).notNullable();
    t.text('comment');
    t.timestamp('submitted_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['regency_id', 'submitted_at']);
  });
  // Scores are 1–4 (tidak baik … sangat baik); the database refuses anything else whoever writes.
  await knex.raw(
    `ALTER TABLE survey_responses ADD CONSTRAINT survey_scores_range CHECK (${SURVEY_ELEMENTS.map((e) => `${e} BETWEEN 1 AND 4`).join(' AND ')})`,
  );
  await knex.schema.createTable('case_links', (t) => {
    t.bigIncrements('id');
    t.text('regency_id').notNullable();
    t.text('from_case_id').notNullable().references('cases.id');
    t.text('to_case_id').notNullable().references('cases.id');
    t.text('kind').notNullable();
    t.text('note');
    t.text('created_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    // A complaint concerns one case; the same complaint cannot be linked twice.
    t.unique(['from_case_id', 'kind']);
    t.index(['regency_id', 'to_case_id']);
  });
  await knex.raw(`ALTER TABLE case_links ADD CONSTRAINT case_links_kind CHECK (kind IN ('complaint'))`);
  await knex.raw(`ALTER TABLE case_links ADD CONSTRAINT case_links_not_self CHECK (from_case_id <> to_case_id)`);
  // Per-SOP timeliness reads the cases closed in a period.
  await knex.raw(`CREATE INDEX cases_closed_idx ON cases (regency_id, closed_at) WHERE closed_at IS NOT NULL`);
  // Case data: row-level security by regency, like cases and their events (see 002_security).
  await isolateByRegency(knex, 'survey_responses');
  await isolateByRegency(knex, 'case_links');
}

/** Drops the monitoring tables (development only). */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS cases_closed_idx');
  await knex.schema.dropTableIfExists('case_links');
  await knex.schema.dropTableIfExists('survey_responses');
}
