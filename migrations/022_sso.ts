import type { Knex } from 'knex';

/**
 * Single sign-on per regency (issue #16, item 4): the OpenID Connect provider of a regency, the logins
 * under way (state, nonce and PKCE verifier between the redirect and the callback; bound to the browser
 * by a cookie holding a random id whose hash is the key) and an append-only trail of SSO sign-ins,
 * refusals and settings changes. None of these tables holds case data, like `users`, so no regency
 * row-level policy applies; every query names its regency.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('regency_sso', (t) => {
    t.text('regency_id').primary().references('regencies.id').onDelete('CASCADE');
    /** Shown on the login button: "Masuk dengan <provider_name>". */
    t.text('provider_name').notNullable();
    t.text('issuer').notNullable();
    t.text('client_id').notNullable();
    t.text('client_secret').notNullable();
    /** The ID token / userinfo claim naming the person (preferred_username, email, nip…). */
    t.text('claim').notNullable();
    /** username or email: which account field the claim is compared with. */
    t.text('match_by').notNullable();
    t.boolean('enabled').notNullable().defaultTo(true);
    /** Off by default: an unknown person is refused, never created silently. */
    t.boolean('create_unknown').notNullable().defaultTo(false);
    /** The role an account created at first SSO sign-in gets (required when create_unknown is on). */
    t.text('new_user_role');
    /** On by default; off: /api/auth/login refuses the regency's accounts (platform admins excepted). */
    t.boolean('allow_local_passwords').notNullable().defaultTo(true);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('sso_logins', (t) => {
    /** sha256 of the random id in the browser's `alur_sso` cookie. */
    t.text('id').primary();
    t.text('regency_id').notNullable();
    t.text('state').notNullable();
    t.text('nonce').notNullable();
    t.text('code_verifier').notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.index(['expires_at']);
  });

  await knex.schema.createTable('sso_events', (t) => {
    t.bigIncrements('id');
    t.text('regency_id').notNullable();
    /** signed_in, refused, account_created, settings_changed */
    t.text('action').notNullable();
    /** The claim value the provider sent (the person's name at the provider), when any. */
    t.text('subject');
    t.text('user_id');
    t.text('actor_name').notNullable();
    /** Why a sign-in was refused, or which settings changed (never the client secret). */
    t.jsonb('detail');
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['regency_id', 'at']);
  });
  await knex.raw(`
    CREATE FUNCTION alur_reject_sso_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'sso_events is append-only';
    END $$`);
  await knex.raw(
    `CREATE TRIGGER sso_events_append_only BEFORE UPDATE OR DELETE ON sso_events FOR EACH ROW EXECUTE FUNCTION alur_reject_sso_event_change()`,
  );
}

/** Removes the SSO tables (development only). */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('sso_events');
  await knex.raw('DROP FUNCTION IF EXISTS alur_reject_sso_event_change');
  await knex.schema.dropTableIfExists('sso_logins');
  await knex.schema.dropTableIfExists('regency_sso');
}
