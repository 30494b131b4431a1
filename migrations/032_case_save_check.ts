import type { Knex } from 'knex';

/**
 * A check the case save can end with when it travels in its transaction's COMMIT round trip: it raises
 * when the case update matched no row (another command moved the revision first), so the transaction
 * is aborted and the COMMIT behind it only rolls back. `serialization_failure` (40001) is PostgreSQL's
 * own code for "run the transaction again", which is what the API then does.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION alur_case_saved(updated integer) RETURNS integer LANGUAGE plpgsql AS $$
    BEGIN
      IF updated <> 1 THEN
        RAISE EXCEPTION 'alur: case revision moved' USING ERRCODE = 'serialization_failure';
      END IF;
      RETURN updated;
    END $$`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP FUNCTION IF EXISTS alur_case_saved');
}
