import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRegencyScope, withSystemScope } from '../../engine/storage/regencyScope.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { caseFixture, insertDocument } from './support/securityFixture.ts';

const HOME = 'kutai-kartanegara';
const OTHER = 'bangkalan';

/** Every table that holds case data: a case_id column (or cases itself). */
async function caseDataTables(db: Knex): Promise<string[]> {
  const rows = (await db.raw(
    `SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = 'public' AND (column_name = 'case_id' OR column_name LIKE '%\\_case\\_id' OR table_name = 'cases') ORDER BY 1`,
  )) as { rows: Array<{ table_name: string }> };
  return rows.rows.map((r) => r.table_name);
}

describe(`row-level security: the database itself keeps regencies apart (${databaseLabel})`, () => {
  let test: TestServer;
  let db: Knex;
  let tables: string[];
  beforeAll(async () => {
    test = await startTestServer();
    db = test.server.db;
    const fixture = await caseFixture(test);
    // A view, so the access log has a row of each regency.
    expect((await (await test.as(HOME, 'staf-rehsos')).get(`/api/cases/${fixture.caseId}`)).status).toBe(200);
    // A case with events and a document in the other regency too (written as the system role).
    const sopId = 'rekomendasi-lks';
    await withSystemScope(db, async (trx) => {
      const version = (await trx('definition_versions').where({ regency_id: OTHER, sop_id: sopId }).first('id')) as {
        id: number;
      };
      await trx('cases').insert({
        id: 'other-case',
        regency_id: OTHER,
        sop_id: sopId,
        version_id: version.id,
        tracking_code: 'ALR-OTHERCASE01',
        status: 'open',
        revision: 1,
        state: JSON.stringify({ data: { nik: '3526010101010001' } }),
        applicant_nik: '3526010101010001',
        opened_at: new Date(),
        updated_at: new Date(),
      });
      await trx('case_events').insert({
        case_id: 'other-case',
        regency_id: OTHER,
        seq: 1,
        type: 'case.started',
        at: new Date(),
        user_id: 'u',
        user_name: 'u',
        payload: '{}',
      });
      await trx('access_log').insert({
        regency_id: OTHER,
        user_id: 'u',
        user_name: 'u',
        roles: '[]',
        case_id: 'other-case',
        action: 'view',
        route: 'GET /api/cases/{caseId}',
      });
    });
    await insertDocument(db, OTHER, 'other-case');
    tables = await caseDataTables(db);
  }, 120_000);
  afterAll(async () => test?.stop());

  it('every table holding case data has row-level security enabled and forced, with the app and system policies', async () => {
    expect(tables).toEqual(
      expect.arrayContaining(['cases', 'tasks', 'case_events', 'attachments', 'access_log', 'archive_requests']),
    );
    const rows = (await db.raw(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, array(SELECT unnest(p.polroles)::regrole::text FROM pg_policy p WHERE p.polrelid = c.oid ORDER BY 1) AS roles
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = ANY(?)`,
      [tables],
    )) as {
      rows: Array<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; roles: string[] | string }>;
    };
    expect(rows.rows).toHaveLength(tables.length);
    for (const r of rows.rows) {
      const roles = Array.isArray(r.roles) ? r.roles : r.roles.replace(/[{}]/g, '').split(',');
      expect({
        table: r.relname,
        rls: r.relrowsecurity,
        forced: r.relforcerowsecurity,
        roles: [...roles].sort(),
      }).toEqual({
        table: r.relname,
        rls: true,
        forced: true,
        // The redaction function's role reads anonymised cases and rewrites event payloads (migration 021).
        roles: ['cases', 'case_events'].includes(r.relname)
          ? ['alur_app', 'alur_redactor', 'alur_system']
          : ['alur_app', 'alur_system'],
      });
    }
  });

  it('a query under one regency’s setting reads none of another’s rows, in any case table — even asking for them by name', async () => {
    const seen = await withRegencyScope(db, HOME, async (trx) => {
      const out: Record<string, { total: number; other: number }> = {};
      for (const t of tables) {
        const total = Number(((await trx(t).count('* as n').first()) as { n: string }).n);
        const other = Number(
          (
            (await trx.raw(`SELECT count(*) AS n FROM ${t} WHERE regency_id = ?`, [OTHER])) as {
              rows: Array<{ n: string }>;
            }
          ).rows[0]!.n,
        );
        out[t] = { total, other };
      }
      return out;
    });
    for (const t of tables) expect(seen[t]!.other, t).toBe(0);
    expect(seen.cases!.total).toBeGreaterThan(0);
    expect(seen.case_events!.total).toBeGreaterThan(0);
    expect(seen.issued_documents?.total ?? 1).toBeGreaterThan(0);
    // The system role (background jobs) does see both regencies: the bypass is real and deliberate.
    const all = await withSystemScope(
      db,
      async (trx) => (await trx('cases').distinct('regency_id').orderBy('regency_id')) as Array<{ regency_id: string }>,
    );
    expect(all.map((r) => r.regency_id)).toEqual([OTHER, HOME]);
  });

  it('without a regency setting the app role reads nothing at all', async () => {
    const counts = await withRegencyScope(db, undefined, async (trx) =>
      Promise.all(tables.map(async (t) => Number(((await trx(t).count('* as n').first()) as { n: string }).n))),
    );
    expect(counts.every((n) => n === 0)).toBe(true);
  });

  it('writing another regency’s rows is refused or reaches nothing', async () => {
    await expect(
      withRegencyScope(db, HOME, (trx) =>
        trx('case_events').insert({
          case_id: 'other-case',
          regency_id: OTHER,
          seq: 99,
          type: 'x',
          at: new Date(),
          user_id: 'u',
          user_name: 'u',
          payload: '{}',
        }),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await withRegencyScope(db, HOME, (trx) =>
      trx('cases').where({ id: 'other-case' }).update({ status: 'cancelled' }),
    );
    expect(updated).toBe(0);
    const deleted = await withRegencyScope(db, HOME, (trx) =>
      trx('issued_documents').where({ regency_id: OTHER }).delete().returning('id'),
    );
    expect(deleted).toEqual([]);
    const untouched = await withSystemScope(
      db,
      async (trx) => (await trx('cases').where({ id: 'other-case' }).first('status')) as { status: string },
    );
    expect(untouched.status).toBe('open');
    expect(
      await withSystemScope(
        db,
        async (trx) => (await trx('issued_documents').where({ regency_id: OTHER }).select('id')).length,
      ),
    ).toBe(1);
  });

  it('any other role — say, a reporting login someone adds later — sees no case rows (deny by default)', async () => {
    const role = `alur_probe_${randomBytes(4).toString('hex')}`;
    await db.raw(`CREATE ROLE ${role} NOLOGIN`);
    try {
      await db.raw(`GRANT SELECT ON cases, case_events TO ${role}`);
      const counts = await db.transaction(async (trx) => {
        await trx.raw(`SET LOCAL ROLE ${role}`);
        await trx.raw(`SELECT set_config('alur.regency_id', ?, true)`, [HOME]);
        return [
          Number(((await trx('cases').count('* as n').first()) as { n: string }).n),
          Number(((await trx('case_events').count('* as n').first()) as { n: string }).n),
        ];
      });
      expect(counts).toEqual([0, 0]);
    } finally {
      await db.raw(`REVOKE ALL ON cases, case_events FROM ${role}`);
      await db.raw(`DROP ROLE ${role}`);
    }
  });

  it('the audit trails are append-only: the app and job roles may not change them, and the triggers stop everyone else', async () => {
    await expect(
      withRegencyScope(db, HOME, (trx) => trx('case_events').where({ regency_id: HOME }).update({ type: 'x' })),
    ).rejects.toThrow(/permission denied/);
    await expect(
      withRegencyScope(db, HOME, (trx) => trx('access_log').where({ regency_id: HOME }).delete()),
    ).rejects.toThrow(/permission denied/);
    // The job role too (it redacts through alur_redact_case_events only; see tamperProofTrail.test.ts).
    await expect(
      withSystemScope(db, (trx) => trx('case_events').where({ regency_id: HOME }).update({ type: 'x' })),
    ).rejects.toThrow(/permission denied/);
    await expect(db('case_events').where({ regency_id: HOME }).update({ type: 'x' })).rejects.toThrow(/append-only/);
    await expect(
      withSystemScope(db, (trx) => trx('access_log').where({ regency_id: HOME }).update({ action: 'x' })),
    ).rejects.toThrow(/permission denied|append-only/);
    // Even the owner/superuser connection (which bypasses row-level security) meets the triggers.
    await expect(db('access_log').where({ regency_id: HOME }).update({ action: 'x' })).rejects.toThrow(/append-only/);
    await expect(db('access_log').where({ regency_id: HOME }).delete()).rejects.toThrow(/append-only/);
    await expect(db.raw('TRUNCATE access_log')).rejects.toThrow(/append-only|foreign key/);
  });
});
