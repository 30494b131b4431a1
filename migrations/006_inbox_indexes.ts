import type { Knex } from 'knex';

/**
 * The inbox reads two kinds of open tasks: those of a role nobody has taken yet, and those assigned to
 * a person. One index per kind, in the inbox's order (due time, then id), lets each part stop after
 * one page instead of reading and sorting every open task of the regency.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX tasks_inbox_role_idx ON tasks (regency_id, role, (COALESCE(due_at, 'infinity'::timestamptz)), id) WHERE status = 'open' AND assignee IS NULL`,
  );
  await knex.raw(
    `CREATE INDEX tasks_inbox_assignee_idx ON tasks (regency_id, assignee, (COALESCE(due_at, 'infinity'::timestamptz)), id) WHERE status = 'open' AND assignee IS NOT NULL`,
  );
  await knex.raw('DROP INDEX IF EXISTS tasks_inbox_idx');
}

/** Restores the single inbox index of 001. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX tasks_inbox_idx ON tasks (regency_id, role, due_at NULLS LAST, created_at) WHERE status = 'open'`,
  );
  await knex.raw('DROP INDEX IF EXISTS tasks_inbox_assignee_idx');
  await knex.raw('DROP INDEX IF EXISTS tasks_inbox_role_idx');
}
