import type { Knex } from 'knex';
import { APP_ROLE, REDACTOR_ROLE, SYSTEM_ROLE, isolateByRegency } from './rowLevelSecurity.ts';

/** The append-only trails: no runtime role may change or remove their rows. */
const TRAILS = ['case_events', 'access_log', 'account_events'];

/** What a DBA runs when the migrating login may not create roles (see SECURITY.md). */
const DBA_HINT = `a DBA runs: CREATE ROLE ${REDACTOR_ROLE} NOLOGIN; GRANT ${REDACTOR_ROLE} TO <schema owner>; (see SECURITY.md)`;

/**
 * The redactor role exists and the migrating login may hand it the redaction function: created and
 * granted here when this login can (superuser, CREATEROLE), otherwise a DBA must have done it.
 */
async function ensureRedactorRole(knex: Knex): Promise<void> {
  await knex.raw(`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${REDACTOR_ROLE}') THEN
        BEGIN
          CREATE ROLE ${REDACTOR_ROLE} NOLOGIN;
        EXCEPTION
          WHEN duplicate_object OR unique_violation THEN NULL;
          WHEN insufficient_privilege THEN RAISE EXCEPTION 'role ${REDACTOR_ROLE} is missing: ${DBA_HINT}';
        END;
      END IF;
      IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
         AND NOT pg_has_role(current_user, '${REDACTOR_ROLE}', 'MEMBER') THEN
        BEGIN
          EXECUTE format('GRANT ${REDACTOR_ROLE} TO %I', current_user);
        EXCEPTION WHEN insufficient_privilege THEN
          RAISE EXCEPTION 'login % is not a member of ${REDACTOR_ROLE}: ${DBA_HINT}', current_user;
        END;
      END IF;
    END $$`);
}

/**
 * The retention redaction of event payloads, in SQL: the same rules as engine/core/anonymise/
 * redactEventPayload.ts (form answers → their field names, notes and explanations removed, number runs
 * of six or more digits masked in reasons). tests/security/tamperProofTrail.test.ts checks that the
 * two agree on generated payloads.
 */
const REDACTED_PAYLOAD = `
  CREATE OR REPLACE FUNCTION alur_redacted_payload(value jsonb, key text DEFAULT NULL) RETURNS jsonb
  LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  DECLARE
    result jsonb;
    item record;
    text_value text;
    digits text;
  BEGIN
    IF key IN ('reason', 'recipient', 'decisionNote', 'returnNote') AND jsonb_typeof(value) = 'string' THEN
      text_value := value #>> '{}';
      LOOP
        digits := substring(text_value FROM '[0-9]{6,}');
        EXIT WHEN digits IS NULL;
        text_value := overlay(text_value PLACING repeat('•', length(digits)) FROM position(digits IN text_value));
      END LOOP;
      RETURN to_jsonb(text_value);
    END IF;
    IF jsonb_typeof(value) = 'array' THEN
      SELECT coalesce(jsonb_agg(public.alur_redacted_payload(e.v, NULL) ORDER BY e.n), '[]'::jsonb) INTO result
        FROM jsonb_array_elements(value) WITH ORDINALITY AS e(v, n);
      RETURN result;
    END IF;
    IF jsonb_typeof(value) IS DISTINCT FROM 'object' THEN RETURN value; END IF;
    result := '{}'::jsonb;
    FOR item IN SELECT o.key AS k, o.value AS v FROM jsonb_each(value) AS o LOOP
      IF item.k = 'formData' AND jsonb_typeof(item.v) = 'object' THEN
        result := result || jsonb_build_object('formFields',
          (SELECT coalesce(jsonb_agg(f ORDER BY n), '[]'::jsonb) FROM jsonb_object_keys(item.v) WITH ORDINALITY AS x(f, n)));
      ELSIF item.k = 'formData' AND jsonb_typeof(item.v) = 'array' THEN
        result := result || jsonb_build_object('formFields',
          (SELECT coalesce(jsonb_agg(i::text ORDER BY i), '[]'::jsonb) FROM generate_series(0, jsonb_array_length(item.v) - 1) AS i));
      ELSIF item.k NOT IN ('formData', 'data', 'note', 'explanation', 'explanations', 'actual', 'comment') THEN
        result := result || jsonb_build_object(item.k, public.alur_redacted_payload(item.v, item.k));
      END IF;
    END LOOP;
    RETURN result;
  END $$`;

/**
 * The only way to change an event: redact every event of an anonymised case before its
 * `case.anonymised` marker. Runs as the redactor role (SECURITY DEFINER); only the job role may call it,
 * and it can do nothing but apply the fixed redaction to a case already marked anonymised.
 */
const REDACT_CASE_EVENTS = `
  CREATE OR REPLACE FUNCTION alur_redact_case_events(p_case_id text) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DECLARE
    marker integer;
    changed integer;
  BEGIN
    SELECT e.seq INTO marker FROM case_events e JOIN cases c ON c.id = e.case_id
     WHERE e.case_id = p_case_id AND e.type = 'case.anonymised' AND c.anonymised_at IS NOT NULL
     ORDER BY e.seq DESC LIMIT 1;
    IF marker IS NULL THEN
      RAISE EXCEPTION 'case % is not anonymised; its events stay as they are', p_case_id USING ERRCODE = 'check_violation';
    END IF;
    UPDATE case_events SET payload = alur_redacted_payload(payload) WHERE case_id = p_case_id AND seq < marker;
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
  END $$`;

/** Events are append-only; the redaction function (running as the redactor role) may change payloads only. */
const EVENT_TRIGGER = `
  CREATE OR REPLACE FUNCTION alur_reject_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND current_user = '${REDACTOR_ROLE}'
       AND (to_jsonb(NEW) - 'payload') = (to_jsonb(OLD) - 'payload') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'case_events is append-only';
  END $$`;

/**
 * A trail nobody can rewrite (issue 19, item 6): no runtime role may update, delete or truncate events,
 * the access log or account events; the retention job redacts through one SECURITY DEFINER function
 * instead of a session flag any session could set; row-level security asks for the role itself, so the
 * server's login sees no case rows without switching role; the runtime roles cannot touch migration
 * bookkeeping.
 */
export async function up(knex: Knex): Promise<void> {
  await ensureRedactorRole(knex);
  const tables = (
    (await knex.raw(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity ORDER BY 1`,
    )) as { rows: Array<{ relname: string }> }
  ).rows.map((r) => r.relname);
  for (const table of tables) await isolateByRegency(knex, table);

  await knex.raw(`REVOKE UPDATE, DELETE, TRUNCATE ON ${TRAILS.join(', ')} FROM ${APP_ROLE}, ${SYSTEM_ROLE}`);
  await knex.raw(`REVOKE ALL ON knex_migrations, knex_migrations_lock FROM ${APP_ROLE}, ${SYSTEM_ROLE}`);
  await knex.raw(`GRANT SELECT ON knex_migrations, knex_migrations_lock TO ${APP_ROLE}, ${SYSTEM_ROLE}`);

  await knex.raw(EVENT_TRIGGER);
  await knex.raw(REDACTED_PAYLOAD);
  await knex.raw(REDACT_CASE_EVENTS);
  // The redactor reads anonymised cases and their events and may change payloads, nothing else.
  await knex.raw(`GRANT SELECT (id, anonymised_at) ON cases TO ${REDACTOR_ROLE}`);
  await knex.raw(`GRANT SELECT (case_id, seq, type, payload), UPDATE (payload) ON case_events TO ${REDACTOR_ROLE}`);
  await knex.raw(`DROP POLICY IF EXISTS cases_redactor ON cases`);
  await knex.raw(
    `CREATE POLICY cases_redactor ON cases FOR SELECT TO ${REDACTOR_ROLE} USING (current_user = '${REDACTOR_ROLE}' AND anonymised_at IS NOT NULL)`,
  );
  await knex.raw(`DROP POLICY IF EXISTS case_events_redactor ON case_events`);
  await knex.raw(
    `CREATE POLICY case_events_redactor ON case_events TO ${REDACTOR_ROLE} USING (current_user = '${REDACTOR_ROLE}') WITH CHECK (current_user = '${REDACTOR_ROLE}')`,
  );
  // A new owner needs CREATE on the schema at the moment it takes the function over; not after.
  await knex.raw(`GRANT CREATE ON SCHEMA public TO ${REDACTOR_ROLE}`);
  await knex.raw(`ALTER FUNCTION alur_redact_case_events(text) OWNER TO ${REDACTOR_ROLE}`);
  await knex.raw(`REVOKE CREATE ON SCHEMA public FROM ${REDACTOR_ROLE}`);
  await knex.raw(`REVOKE ALL ON FUNCTION alur_redact_case_events(text) FROM PUBLIC`);
  await knex.raw(`GRANT EXECUTE ON FUNCTION alur_redact_case_events(text) TO ${SYSTEM_ROLE}`);
}

/** Development only: back to the flag-based redaction of migration 001 and the plain policies. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP FUNCTION IF EXISTS alur_redact_case_events(text)`);
  await knex.raw(`DROP FUNCTION IF EXISTS alur_redacted_payload(jsonb, text)`);
  await knex.raw(`DROP POLICY IF EXISTS cases_redactor ON cases`);
  await knex.raw(`DROP POLICY IF EXISTS case_events_redactor ON case_events`);
  await knex.raw(`REVOKE ALL ON cases, case_events FROM ${REDACTOR_ROLE}`);
  await knex.raw(`GRANT UPDATE ON case_events TO ${SYSTEM_ROLE}`);
  await knex.raw(`
    CREATE OR REPLACE FUNCTION alur_reject_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF current_setting('alur.allow_event_redaction', true) = 'on' AND TG_OP = 'UPDATE' THEN RETURN NEW; END IF;
      RAISE EXCEPTION 'case_events is append-only';
    END $$`);
}
