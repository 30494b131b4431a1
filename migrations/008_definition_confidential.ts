import type { Knex } from 'knex';

/**
 * Every request that touches a case decides visibility from each SOP's unit and `confidential` flag.
 * Reading the flag out of every latest version's full definition JSON cost a detoast of tens of KB per
 * SOP per request; the flag now lives on the definitions row, written when a version is published.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('definitions', (t) => {
    t.boolean('confidential').notNullable().defaultTo(false);
  });
  await knex.raw(`UPDATE definitions d SET confidential = coalesce(v.definition->>'confidential', 'false') = 'true'
    FROM definition_versions v WHERE v.regency_id = d.regency_id AND v.sop_id = d.sop_id AND v.version = d.latest_version`);
}

/** Drops the column (visibility then reads the flag from the versions again). */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('definitions', (t) => {
    t.dropColumn('confidential');
  });
}
