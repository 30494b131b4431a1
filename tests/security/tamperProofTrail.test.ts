import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Knex } from 'knex';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymiseExpiredCases } from '../../engine/app/retention/anonymiseExpiredCases.ts';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { runAlur } from '../../engine/cli/main.ts';
import { checkDatabase } from '../../engine/doctor/doctorChecks.ts';
import { redactEventPayload } from '../../engine/core/anonymise/redactEventPayload.ts';
import { startServer, type RunningServer } from '../../engine/server/startServer.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { migrateToLatest } from '../../engine/storage/migrate.ts';
import { withRegencyScope } from '../../engine/storage/regencyScope.ts';
import { ApiClient } from '../support/apiClient.ts';
import { databaseLabel, freshDatabase } from '../support/testDatabase.ts';
import { definitionsDir } from '../support/testServer.ts';
import { applicant, firstChecklist } from './support/securityFixture.ts';
import { createSplitLogins, type SplitLogins } from './support/splitLogins.ts';

const HOME = 'kutai-kartanegara';
const OTHER = 'bangkalan';
const NIK = '6402010102500001';
const YEAR_MS = 365 * 24 * 3600 * 1000;
const TRAILS = ['case_events', 'access_log', 'account_events'];

type Scope = { role: 'alur_app'; regency: string } | { role: 'alur_system' } | undefined;

/** One statement as the server's login, optionally switched to a role; resolves to the error message or 'ok'. */
async function attempt(client: pg.Client, scope: Scope, sql: string, params: unknown[] = []): Promise<string> {
  await client.query('BEGIN');
  try {
    if (scope) await client.query(`SET LOCAL ROLE ${scope.role}`);
    if (scope?.role === 'alur_app')
      await client.query(`SELECT set_config('alur.regency_id', $1, true)`, [scope.regency]);
    await client.query(sql, params);
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.query('ROLLBACK');
  }
}

async function countAs(client: pg.Client, scope: Scope, sql: string): Promise<number> {
  await client.query('BEGIN');
  try {
    if (scope) await client.query(`SET LOCAL ROLE ${scope.role}`);
    if (scope?.role === 'alur_app')
      await client.query(`SELECT set_config('alur.regency_id', $1, true)`, [scope.regency]);
    return Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
  } finally {
    await client.query('ROLLBACK');
  }
}

// The two-login setup needs a PostgreSQL server (roles, logins, CREATE DATABASE); CI runs it in its PostgreSQL pass.
describe.runIf(databaseLabel === 'PostgreSQL')(
  'a trail nobody can rewrite: SECURITY.md’s setup, migrated as the owner, served by an ordinary login',
  () => {
    let logins: SplitLogins;
    let server: RunningServer;
    let runtime: pg.Client;
    let caseId: string;
    let migrateOutput = '';
    const scopes: Array<[string, Scope]> = [
      ['the server login', undefined],
      ['alur_app', { role: 'alur_app', regency: HOME }],
      ['alur_system (the job role)', { role: 'alur_system' }],
    ];
    const as = async (role: string) => {
      const client = new ApiClient(server.url);
      await client.login(`${HOME}.${role}`, DEMO_PASSWORD);
      return client;
    };

    beforeAll(async () => {
      logins = createSplitLogins(process.env.DATABASE_URL!);
      const env = { ALUR_MIGRATION_DATABASE_URL: logins.ownerUrl, DATABASE_URL: logins.serverUrl };
      const code = await runAlur(
        ['migrate'],
        {
          stdout: { write: (t: string) => (migrateOutput += t) },
          stderr: { write: (t: string) => (migrateOutput += t) },
        },
        env,
      );
      expect(code, migrateOutput).toBe(0);
      // The server gets only its own login: the schema is current, so it starts without migrating.
      server = await startServer({
        target: { kind: 'postgres', url: logins.serverUrl },
        ownerTarget: { kind: 'postgres', url: logins.serverUrl },
        port: 0,
        definitionsDir,
        demoUsers: true,
        jobPollMs: 3_600_000,
        logger: pino({ level: 'silent' }),
      });
      // The server's own queries: publish a retention period, open, work, view and close a case.
      const approver = await as('pengesah-sop');
      const v1 = await approver.get<{ source: string }>('/api/definitions/bantuan-permakanan/versions/1');
      const published = await approver.post('/api/definitions/bantuan-permakanan/publish', {
        source: `${v1.body.source.trimEnd()}\nretention:\n  years: 1\n`,
      });
      expect(published.status).toBe(201);
      const staff = await as('staf-rehsos');
      const opened = await staff.post<{ id: string; tasks: Array<{ id: string }> }>('/api/cases', {
        sopId: 'bantuan-permakanan',
        data: applicant,
      });
      expect(opened.status).toBe(201);
      caseId = opened.body.id;
      const done = await staff.post(`/api/tasks/${opened.body.tasks[0]!.id}/complete`, {
        checklist: firstChecklist,
        note: `Pemohon Siti Aminah, NIK ${NIK}`,
      });
      expect(done.status).toBe(200);
      expect((await staff.get(`/api/cases/${caseId}`)).status).toBe(200);
      const closed = await (
        await as('kabid-rehsos')
      ).post<{ status: string }>(`/api/cases/${caseId}/close`, {
        reason: `Pemohon pindah domisili (NIK ${NIK})`,
      });
      expect(closed.body.status).toBe('completed');
      runtime = new pg.Client({ connectionString: logins.serverUrl });
      await runtime.connect();
      // A row of another regency in each trail, written the way the jobs write (system role).
      await runtime.query('BEGIN');
      await runtime.query('SET LOCAL ROLE alur_system');
      const version = await runtime.query<{ id: number }>(
        `SELECT id FROM definition_versions WHERE regency_id = $1 LIMIT 1`,
        [OTHER],
      );
      await runtime.query(
        `INSERT INTO cases (id, regency_id, sop_id, version_id, tracking_code, status, revision, state, opened_at, updated_at)
         SELECT 'other-case', $1, sop_id, id, 'ALR-OTHERCASE19', 'open', 1, '{}', now(), now() FROM definition_versions WHERE id = $2`,
        [OTHER, version.rows[0]!.id],
      );
      await runtime.query(
        `INSERT INTO case_events (case_id, regency_id, seq, type, at, user_id, user_name, payload)
         VALUES ('other-case', $1, 1, 'case.started', now(), 'u', 'u', '{}')`,
        [OTHER],
      );
      await runtime.query(
        `INSERT INTO access_log (regency_id, user_id, user_name, roles, case_id, action, route)
         VALUES ($1, 'u', 'u', '[]', 'other-case', 'view', 'GET /api/cases/{caseId}')`,
        [OTHER],
      );
      await runtime.query('COMMIT');
    }, 240_000);

    afterAll(async () => {
      await runtime?.end();
      await server?.close();
      logins?.drop();
    });

    it('migrations ran as the owner; the server login is ordinary and owns nothing', async () => {
      expect(migrateOutput).toContain('021_tamper_proof_trail');
      const me = await runtime.query<{
        rolsuper: boolean;
        rolbypassrls: boolean;
        rolcreaterole: boolean;
        owned: string;
      }>(
        `SELECT rolsuper, rolbypassrls, rolcreaterole,
                (SELECT count(*) FROM pg_class WHERE relowner = r.oid) AS owned
           FROM pg_roles r WHERE rolname = current_user`,
      );
      expect(me.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, owned: '0' });
      const owners = await runtime.query<{ owner: string }>(
        `SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = 'public'`,
      );
      expect(owners.rows).toEqual([{ owner: logins.owner }]);
    });

    it('alur doctor calls the server login ordinary, and warns about a login that owns the schema', async () => {
      const serverLogin = (await checkDatabase({ DATABASE_URL: logins.serverUrl })).find(
        (f) => f.topic === 'Login basis data',
      );
      expect(serverLogin).toMatchObject({ level: 'ok' });
      const ownerLogin = (await checkDatabase({ DATABASE_URL: logins.ownerUrl })).find(
        (f) => f.topic === 'Login basis data',
      );
      expect(ownerLogin).toMatchObject({ level: 'warning' });
      expect(ownerLogin!.message).toContain('pemilik skema');
    });

    it('UPDATE, DELETE and TRUNCATE of every trail are refused for the server login, the app role and the job role', async () => {
      for (const table of TRAILS)
        for (const [who, scope] of scopes) {
          for (const sql of [`UPDATE ${table} SET regency_id = 'x'`, `DELETE FROM ${table}`, `TRUNCATE ${table}`])
            expect(await attempt(runtime, scope, sql), `${who}: ${sql}`).toMatch(/permission denied/);
        }
      // The old escape, a flag any session could set, opens nothing any more.
      expect(
        await attempt(
          runtime,
          { role: 'alur_system' },
          `SELECT set_config('alur.allow_event_redaction', 'on', true); UPDATE case_events SET payload = '{}'`,
        ),
      ).toMatch(/permission denied/);
    });

    it('nobody but the owner may switch triggers or row security off, or become the redactor or the owner', async () => {
      const statements = [
        'ALTER TABLE case_events DISABLE TRIGGER ALL',
        'ALTER TABLE access_log DISABLE TRIGGER access_log_append_only',
        'ALTER TABLE cases DISABLE ROW LEVEL SECURITY',
        'ALTER TABLE cases NO FORCE ROW LEVEL SECURITY',
        'DROP POLICY cases_regency ON cases',
        'CREATE POLICY peek ON cases TO alur_app USING (true)',
        'DROP TRIGGER case_events_append_only ON case_events',
        'SET session_replication_role = replica',
        'SET ROLE alur_redactor',
        `SET ROLE ${logins.owner}`,
        `CREATE OR REPLACE FUNCTION alur_reject_event_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
      ];
      for (const [who, scope] of scopes)
        for (const sql of statements)
          expect(await attempt(runtime, scope, sql), `${who}: ${sql}`).toMatch(
            /must be owner|permission denied|must be superuser|not allowed|must be able to SET ROLE/,
          );
      // Row security cannot be switched off for a query either: it fails instead of bypassing.
      expect(await attempt(runtime, scope('alur_app'), 'SET LOCAL row_security = off; SELECT * FROM cases')).toMatch(
        /row-level security/,
      );
    });

    it('without switching role the server login sees no case rows; the app role sees only its regency', async () => {
      for (const table of ['cases', 'case_events', 'access_log'])
        expect(await countAs(runtime, undefined, `SELECT count(*) AS n FROM ${table}`), table).toBe(0);
      expect(
        await countAs(runtime, scope('alur_app'), `SELECT count(*) AS n FROM cases WHERE regency_id = '${OTHER}'`),
      ).toBe(0);
      expect(
        await countAs(runtime, scope('alur_app'), `SELECT count(*) AS n FROM access_log WHERE regency_id = '${OTHER}'`),
      ).toBe(0);
      expect(await countAs(runtime, scope('alur_app'), `SELECT count(*) AS n FROM cases`)).toBeGreaterThan(0);
      // The same through the server's own pool and scope helper.
      const seen = await withRegencyScope(
        server.db,
        HOME,
        async (trx: Knex.Transaction) =>
          (await trx('case_events').distinct('regency_id')) as Array<{ regency_id: string }>,
      );
      expect(seen).toEqual([{ regency_id: HOME }]);
      expect(await countAs(runtime, { role: 'alur_system' }, `SELECT count(DISTINCT regency_id) AS n FROM cases`)).toBe(
        2,
      );
    });

    it('anonymisation redacts events only through the function, and only for an anonymised case', async () => {
      expect(await attempt(runtime, scope('alur_app'), `SELECT alur_redact_case_events($1)`, [caseId])).toMatch(
        /permission denied for function/,
      );
      expect(await attempt(runtime, { role: 'alur_system' }, `SELECT alur_redact_case_events($1)`, [caseId])).toMatch(
        /is not anonymised/,
      );
      const result = await anonymiseExpiredCases(server.db, new Date(Date.now() + 3 * YEAR_MS));
      expect(result).toMatchObject({ anonymised: 1, failed: 0 });
      await runtime.query('BEGIN');
      await runtime.query('SET LOCAL ROLE alur_system');
      const events = (
        await runtime.query<{ type: string; payload: Record<string, unknown> }>(
          `SELECT type, payload FROM case_events WHERE case_id = $1 ORDER BY seq`,
          [caseId],
        )
      ).rows;
      await runtime.query('ROLLBACK');
      expect(events.at(-1)!.type).toBe('case.anonymised');
      const text = JSON.stringify(events);
      expect(text).not.toContain(NIK);
      expect(text).not.toContain('Siti Aminah');
      expect(events.find((e) => e.type === 'case.closed')!.payload.reason).toBe(
        `Pemohon pindah domisili (NIK ${'•'.repeat(NIK.length)})`,
      );
    });

    it('a backup by the server login restores through the owner login (alur restore --force)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'alur-split-'));
      try {
        const file = join(dir, 'cadangan.zip');
        let output = '';
        const streams = {
          stdout: { write: (t: string) => (output += t) },
          stderr: { write: (t: string) => (output += t) },
        };
        expect(await runAlur(['backup', '--out', file], streams, { DATABASE_URL: logins.serverUrl }), output).toBe(0);
        const before = await countAs(runtime, { role: 'alur_system' }, 'SELECT count(*) AS n FROM case_events');
        const env = { DATABASE_URL: logins.serverUrl, ALUR_MIGRATION_DATABASE_URL: logins.ownerUrl };
        expect(await runAlur(['restore', '--from', file, '--force'], streams, env), output).toBe(0);
        expect(await countAs(runtime, { role: 'alur_system' }, 'SELECT count(*) AS n FROM case_events')).toBe(before);
        // The trail is as closed after a restore as before it.
        expect(await attempt(runtime, { role: 'alur_system' }, 'DELETE FROM case_events')).toMatch(/permission denied/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);

function scope(role: 'alur_app'): Scope {
  return { role, regency: HOME };
}

/** JSON values shaped like event payloads, with the keys the redaction treats specially. */
const payloadKey = fc.constantFrom(
  'formData',
  'data',
  'note',
  'explanation',
  'explanations',
  'actual',
  'comment',
  'reason',
  'recipient',
  'decisionNote',
  'returnNote',
  'stepId',
  'outcome',
  'items',
);
const leaf = fc.oneof(
  fc.string(),
  fc.stringMatching(/^[a-zA-Z ]{0,6}[0-9]{0,12}[a-zA-Z ]{0,4}[0-9]{0,8}$/),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const { value: payloadValue } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(payloadKey, tie('value'), { maxKeys: 4 }),
}));

describe(`the SQL redaction is the engine's redaction (${databaseLabel})`, () => {
  let db: Knex;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await freshDatabase();
    drop = database.drop;
    db = openDatabase(database.target);
    await migrateToLatest(db);
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
    await drop?.();
  });

  it('alur_redacted_payload equals redactEventPayload on 300 generated payloads', async () => {
    const payloads = fc.sample(fc.dictionary(payloadKey, payloadValue, { maxKeys: 6 }), { numRuns: 300, seed: 19 });
    // PostgreSQL cannot store NUL in text; jsonb refuses \u0000 as well.
    const storable = JSON.parse(JSON.stringify(payloads).replace(/\\u0000/g, '')) as Array<Record<string, unknown>>;
    const rows = (await db.raw(
      `SELECT alur_redacted_payload(p.v) AS r FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS p(v, n) ORDER BY p.n`,
      [JSON.stringify(storable)],
    )) as { rows: Array<{ r: unknown }> };
    // Compared after a round trip through jsonb, as the job compares: key order is jsonb's.
    const stored = (await db.raw(`SELECT ?::jsonb AS v`, [JSON.stringify(storable)])) as {
      rows: Array<{ v: Array<Record<string, unknown>> }>;
    };
    expect(rows.rows.map((r) => r.r)).toEqual(stored.rows[0]!.v.map((p) => redactEventPayload(p)));
  });
});
