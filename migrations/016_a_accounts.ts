import type { Knex } from 'knex';

/**
 * Staff accounts managed in the app and on the command line (issue #16): the person's official data
 * (NIP, jabatan, unit, contact), area scope, first-login password change, demo and platform-admin
 * markers, one-time activation links (only their hash is stored) and an append-only trail of every
 * account change.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.text('nip');
    t.text('position');
    t.text('unit');
    t.text('email');
    t.text('phone');
    t.jsonb('areas').notNullable().defaultTo('[]');
    t.boolean('must_change_password').notNullable().defaultTo(false);
    t.boolean('is_demo').notNullable().defaultTo(false);
    t.boolean('platform_admin').notNullable().defaultTo(false);
    t.timestamp('password_changed_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true });
  });
  // Accounts made by the demo seeding before this migration: named <regency>.<role>, "(demo)" in the name.
  await knex.raw(
    `UPDATE users SET is_demo = true WHERE display_name LIKE '% (demo)' AND username = regency_id || '.' || (roles->>0)`,
  );
  await knex.raw(`CREATE UNIQUE INDEX users_regency_nip_idx ON users (regency_id, nip) WHERE nip IS NOT NULL`);

  await knex.schema.createTable('account_tokens', (t) => {
    /** sha256 of the token sent in the link: a database leak does not leak working links. */
    t.text('id').primary();
    t.text('user_id').notNullable().references('users.id').onDelete('CASCADE');
    /** activation */
    t.text('purpose').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.index(['user_id']);
  });

  await knex.schema.createTable('account_events', (t) => {
    t.bigIncrements('id');
    t.text('regency_id').notNullable();
    t.text('user_id').notNullable();
    t.text('username').notNullable();
    /** created, updated, disabled, enabled, password_reset, activation_link, unlocked, password_changed, activated, demo_disabled */
    t.text('action').notNullable();
    /** Who did it: a user id, or `cli` / `system`. */
    t.text('actor_id').notNullable();
    t.text('actor_name').notNullable();
    /** What changed (field names and non-secret values; never a password or token). */
    t.jsonb('detail');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['regency_id', 'at']);
    t.index(['user_id', 'at']);
  });
  await knex.raw(`
    CREATE FUNCTION alur_reject_account_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'account_events is append-only';
    END $$`);
  await knex.raw(
    `CREATE TRIGGER account_events_append_only BEFORE UPDATE OR DELETE ON account_events FOR EACH ROW EXECUTE FUNCTION alur_reject_account_event_change()`,
  );
}

/** Removes the account tables and columns (development only). */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('account_events');
  await knex.raw('DROP FUNCTION IF EXISTS alur_reject_account_event_change');
  await knex.schema.dropTableIfExists('account_tokens');
  await knex.raw('DROP INDEX IF EXISTS users_regency_nip_idx');
  await knex.schema.alterTable('users', (t) => {
    for (const column of [
      'nip',
      'position',
      'unit',
      'email',
      'phone',
      'areas',
      'must_change_password',
      'is_demo',
      'platform_admin',
      'password_changed_at',
      'updated_at',
    ])
      t.dropColumn(column);
  });
}
