import type { Knex } from 'knex';
import { APP_ROLE, SYSTEM_ROLE, ensureDatabaseRoles, isolateByRegency } from './rowLevelSecurity.ts';

/**
 * Personal-data protection (UU PDP No. 27/2022; Bengkayang Lampiran II.D): the access log, the archive
 * control register, login throttling, retention markers, and row-level security on every table holding
 * case data, so a query that forgets its regency filter still cannot read another regency's rows.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('access_log', (t) => {
    t.bigIncrements('id');
    t.text('regency_id').notNullable();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('user_id').notNullable();
    t.text('user_name').notNullable();
    t.jsonb('roles').notNullable();
    t.text('case_id').references('cases.id');
    /** view, timeline, attachments, download, document, print, export, search, audit */
    t.text('action').notNullable();
    t.text('resource');
    t.text('reason');
    t.jsonb('detail');
    t.text('ip');
    t.text('route').notNullable();
    t.index(['regency_id', 'case_id', 'at']);
    t.index(['regency_id', 'user_id', 'at']);
  });
  // Like case_events, but without an escape: an access record is never changed or removed.
  await knex.raw(`
    CREATE FUNCTION alur_reject_access_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'access_log is append-only';
    END $$`);
  await knex.raw(
    `CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION alur_reject_access_log_change()`,
  );
  await knex.raw(
    `CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log FOR EACH STATEMENT EXECUTE FUNCTION alur_reject_access_log_change()`,
  );

  await knex.schema.createTable('archive_requests', (t) => {
    t.text('id').primary();
    t.text('regency_id').notNullable();
    t.text('case_id').notNullable().references('cases.id');
    /** borrow (pinjam), copy (gandakan), send (kirim) */
    t.text('kind').notNullable();
    t.text('reason').notNullable();
    t.text('recipient').notNullable();
    t.timestamp('due_back_at', { useTz: true });
    /** requested → approved | refused; approved → handed_over; handed_over → returned (borrow only) */
    t.text('status').notNullable();
    t.text('requested_by').notNullable();
    t.text('requested_by_name').notNullable();
    t.timestamp('requested_at', { useTz: true }).notNullable();
    t.text('decided_by');
    t.text('decided_by_name');
    t.timestamp('decided_at', { useTz: true });
    t.text('decision_note');
    t.text('handed_over_by');
    t.timestamp('handed_over_at', { useTz: true });
    t.text('returned_by');
    t.timestamp('returned_at', { useTz: true });
    t.text('return_note');
    t.index(['regency_id', 'status', 'due_back_at']);
    t.index(['case_id']);
  });

  // Failed logins per client address, shared by every server process (counters live in the database).
  await knex.schema.createTable('login_throttle', (t) => {
    t.text('key').primary();
    t.timestamp('window_started_at', { useTz: true }).notNullable();
    t.integer('failures').notNullable();
  });

  await knex.schema.alterTable('cases', (t) => {
    t.timestamp('anonymised_at', { useTz: true });
  });
  await knex.raw(
    `CREATE INDEX cases_retention_idx ON cases (regency_id, sop_id, closed_at) WHERE closed_at IS NOT NULL AND anonymised_at IS NULL`,
  );
  await knex.schema.alterTable('attachments', (t) => {
    t.timestamp('purged_at', { useTz: true });
  });

  await ensureDatabaseRoles(knex);
  for (const table of ['cases', 'tasks', 'case_events', 'attachments', 'access_log', 'archive_requests'])
    await isolateByRegency(knex, table);
  // The audit trails are append-only for the roles too (the triggers stay as a second lock); only the
  // retention job (system role, with alur.allow_event_redaction) may redact event payloads.
  await knex.raw(`REVOKE UPDATE, DELETE, TRUNCATE ON case_events, access_log FROM ${APP_ROLE}`);
  await knex.raw(`REVOKE DELETE, TRUNCATE ON case_events, access_log FROM ${SYSTEM_ROLE}`);
  await knex.raw(`REVOKE UPDATE ON access_log FROM ${SYSTEM_ROLE}`);
}

/** Removes the security tables and policies (development only; the roles stay, they are cluster-wide). */
export async function down(knex: Knex): Promise<void> {
  for (const table of ['cases', 'tasks', 'case_events', 'attachments']) {
    await knex.raw(`DROP POLICY IF EXISTS ${table}_regency ON ${table}`);
    await knex.raw(`DROP POLICY IF EXISTS ${table}_system ON ${table}`);
    await knex.raw(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
    await knex.raw(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
  }
  await knex.schema.alterTable('attachments', (t) => t.dropColumn('purged_at'));
  await knex.raw('DROP INDEX IF EXISTS cases_retention_idx');
  await knex.schema.alterTable('cases', (t) => t.dropColumn('anonymised_at'));
  for (const table of ['login_throttle', 'archive_requests', 'access_log']) await knex.schema.dropTableIfExists(table);
  await knex.raw('DROP FUNCTION IF EXISTS alur_reject_access_log_change');
}
