import type { Knex } from 'knex';

/**
 * Row-level security building blocks shared by migrations. Kept beside the migrations (not in engine/)
 * so a migration that ran once keeps meaning the same thing.
 */

/** The role every request runs as (`SET LOCAL ROLE`): sees only rows of `alur.regency_id`. */
export const APP_ROLE = 'alur_app';

/** The role of background jobs (overdue sweep, retention): sees every regency, deliberately. */
export const SYSTEM_ROLE = 'alur_system';

/**
 * The role that owns the one function allowed to redact event payloads (retention). Nobody logs in as
 * it or is granted it except the schema owner, so the trail's only escape is that narrow function.
 */
export const REDACTOR_ROLE = 'alur_redactor';

/**
 * Creates the two NOLOGIN roles if missing (roles are cluster-wide, so several databases share them and
 * concurrent migrations may race: a duplicate is fine) and lets the migrating user switch to them.
 */
export async function ensureDatabaseRoles(knex: Knex): Promise<void> {
  for (const role of [APP_ROLE, SYSTEM_ROLE]) {
    await knex.raw(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
          BEGIN
            CREATE ROLE ${role} NOLOGIN;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
          END;
        END IF;
        -- A superuser may SET ROLE to anyone; a login running requests as the owner needs membership.
        -- Roles a DBA created (and granted) cannot be granted again without ADMIN OPTION; the schema
        -- owner of a split setup needs no membership at all (the server's own login has it).
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
           AND NOT pg_has_role(current_user, '${role}', 'MEMBER') THEN
          BEGIN
            EXECUTE format('GRANT ${role} TO %I', current_user);
          EXCEPTION WHEN insufficient_privilege THEN NULL;
          END;
        END IF;
      END $$`);
  }
  await knex.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}, ${SYSTEM_ROLE}`);
  await knex.raw(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}, ${SYSTEM_ROLE}`);
  // Tables of later migrations (run by the same user) get the same grants without anyone remembering.
  await knex.raw(
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}, ${SYSTEM_ROLE}`,
  );
  await knex.raw(
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}, ${SYSTEM_ROLE}`,
  );
}

/**
 * Isolates a table by its `regency_id` column: RLS enabled and FORCEd (so even the owning role is
 * filtered), the app role sees and writes only rows of `current_setting('alur.regency_id')`, the system
 * role sees all. Any other non-superuser role sees nothing. Call it for every table holding case data.
 * Each policy also asks that the role be switched to (`current_user`), not merely inherited: the
 * server's login is a member of both roles, and without `SET ROLE` it must see no case rows at all.
 */
export async function isolateByRegency(knex: Knex, table: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`invalid table name: ${table}`);
  await knex.raw(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await knex.raw(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await knex.raw(`DROP POLICY IF EXISTS ${table}_regency ON ${table}`);
  await knex.raw(`DROP POLICY IF EXISTS ${table}_system ON ${table}`);
  const regency = `current_user = '${APP_ROLE}' AND regency_id = current_setting('alur.regency_id', true)`;
  await knex.raw(
    `CREATE POLICY ${table}_regency ON ${table} TO ${APP_ROLE} USING (${regency}) WITH CHECK (${regency})`,
  );
  const system = `current_user = '${SYSTEM_ROLE}'`;
  await knex.raw(
    `CREATE POLICY ${table}_system ON ${table} TO ${SYSTEM_ROLE} USING (${system}) WITH CHECK (${system})`,
  );
}
