import type { Knex } from 'knex';

/**
 * Core tables. Every table holding regency data carries regency_id, and every query filters on it:
 * tenancy is part of the schema, not an afterthought.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('regencies', (t) => {
    t.text('id').primary();
    t.text('name').notNullable();
    t.jsonb('config').notNullable();
    t.text('content_hash').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('users', (t) => {
    t.text('id').primary();
    t.text('regency_id').notNullable().references('regencies.id');
    t.text('username').notNullable().unique();
    t.text('display_name').notNullable();
    t.text('password_hash').notNullable();
    t.jsonb('roles').notNullable();
    t.integer('failed_logins').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true });
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['regency_id']);
  });
  await knex.schema.createTable('sessions', (t) => {
    t.text('id').primary();
    t.text('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('regency_id').notNullable();
    t.text('csrf_token').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('delegations', (t) => {
    t.bigIncrements('id');
    t.text('regency_id').notNullable();
    t.text('from_user_id').notNullable().references('users.id');
    t.text('to_user_id').notNullable().references('users.id');
    t.text('kind').notNullable();
    t.timestamp('starts_at', { useTz: true }).notNullable();
    t.timestamp('ends_at', { useTz: true }).notNullable();
    t.text('created_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['regency_id', 'to_user_id']);
  });
  await knex.schema.createTable('definitions', (t) => {
    t.text('regency_id').notNullable().references('regencies.id');
    t.text('sop_id').notNullable();
    t.text('name').notNullable();
    t.text('unit');
    t.text('status').notNullable();
    t.integer('latest_version');
    t.text('draft_source');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['regency_id', 'sop_id']);
  });
  await knex.schema.createTable('definition_versions', (t) => {
    t.bigIncrements('id');
    t.text('regency_id').notNullable();
    t.text('sop_id').notNullable();
    t.integer('version').notNullable();
    t.text('content_hash').notNullable();
    t.text('source').notNullable();
    t.jsonb('definition').notNullable();
    t.jsonb('regency_snapshot').notNullable();
    t.timestamp('published_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('published_by').notNullable();
    t.unique(['regency_id', 'sop_id', 'version']);
    t.unique(['regency_id', 'sop_id', 'content_hash']);
  });
  await knex.schema.createTable('cases', (t) => {
    t.text('id').primary();
    t.text('regency_id').notNullable();
    t.text('sop_id').notNullable();
    t.bigInteger('version_id').notNullable().references('definition_versions.id');
    t.text('tracking_code').notNullable().unique();
    t.text('status').notNullable();
    t.text('current_step');
    t.integer('revision').notNullable();
    t.jsonb('state').notNullable();
    t.text('applicant_name');
    t.text('applicant_nik');
    t.timestamp('opened_at', { useTz: true }).notNullable();
    t.timestamp('due_at', { useTz: true });
    t.timestamp('closed_at', { useTz: true });
    t.timestamp('overdue_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['regency_id', 'status', 'opened_at']);
    t.index(['regency_id', 'sop_id', 'opened_at']);
    t.index(['regency_id', 'applicant_nik']);
  });
  await knex.schema.createTable('tasks', (t) => {
    t.text('id').primary();
    t.text('case_id').notNullable().references('cases.id');
    t.text('regency_id').notNullable();
    t.text('sop_id').notNullable();
    t.text('step_id').notNullable();
    t.text('actor_id').notNullable();
    t.text('role').notNullable();
    t.text('status').notNullable();
    t.text('assignee');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('due_at', { useTz: true });
    t.timestamp('completed_at', { useTz: true });
    t.timestamp('overdue_at', { useTz: true });
    t.index(['case_id']);
  });
  // The inbox query: open tasks of some roles in one regency, by due time.
  await knex.raw(
    `CREATE INDEX tasks_inbox_idx ON tasks (regency_id, role, due_at NULLS LAST, created_at) WHERE status = 'open'`,
  );
  await knex.raw(`CREATE INDEX tasks_due_idx ON tasks (due_at) WHERE status = 'open' AND overdue_at IS NULL`);
  await knex.schema.createTable('case_events', (t) => {
    t.bigIncrements('id');
    t.text('case_id').notNullable().references('cases.id');
    t.text('regency_id').notNullable();
    t.integer('seq').notNullable();
    t.text('type').notNullable();
    t.timestamp('at', { useTz: true }).notNullable();
    t.text('user_id').notNullable();
    t.text('user_name').notNullable();
    t.text('on_behalf_of_id');
    t.text('on_behalf_of_name');
    t.text('step_id');
    t.text('task_id');
    t.jsonb('payload').notNullable();
    t.unique(['case_id', 'seq']);
    t.index(['regency_id', 'type', 'at']);
  });
  // Events are the audit trail: appending is the only change allowed.
  await knex.raw(`
    CREATE FUNCTION alur_reject_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF current_setting('alur.allow_event_redaction', true) = 'on' AND TG_OP = 'UPDATE' THEN RETURN NEW; END IF;
      RAISE EXCEPTION 'case_events is append-only';
    END $$`);
  await knex.raw(
    `CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events FOR EACH ROW EXECUTE FUNCTION alur_reject_event_change()`,
  );
  await knex.schema.createTable('attachments', (t) => {
    t.text('id').primary();
    t.text('case_id').notNullable().references('cases.id');
    t.text('regency_id').notNullable();
    t.text('doc_id').notNullable();
    t.text('file_name').notNullable();
    t.text('media_type').notNullable();
    t.integer('size_bytes').notNullable();
    t.text('sha256').notNullable();
    t.binary('content').notNullable();
    t.text('uploaded_by').notNullable();
    t.timestamp('uploaded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['case_id']);
  });
  await knex.schema.createTable('jobs', (t) => {
    t.text('name').primary();
    t.timestamp('next_run_at', { useTz: true }).notNullable();
    t.timestamp('locked_until', { useTz: true });
    t.text('locked_by');
    t.timestamp('last_run_at', { useTz: true });
    t.jsonb('last_result');
  });
}

/** Drops everything (development only). */
export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'jobs',
    'attachments',
    'case_events',
    'tasks',
    'cases',
    'definition_versions',
    'definitions',
    'delegations',
    'sessions',
    'users',
    'regencies',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
  await knex.raw('DROP FUNCTION IF EXISTS alur_reject_event_change');
}
