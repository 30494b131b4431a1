import type { Knex } from 'knex';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../engine/storage/database.ts';
import {
  VISIBLE_CASE_SQL,
  visibleCaseValues,
  whereCaseVisible,
  type CaseScope,
} from '../../engine/storage/cases/caseVisibility.ts';
import { pgSql } from '../../engine/storage/pgSql.ts';
import { sqlOf, type Sql } from '../../engine/storage/sql.ts';
import { databaseLabel, freshDatabase } from '../support/testDatabase.ts';

// The visibility rule has two forms: the query builder's (lists: inbox, register, search) and one fixed
// statement (a request's path, on the hot path). Every scope shape must admit exactly the same cases in both.
const CASES: Array<{
  id: string;
  sop: string;
  district?: string;
  village?: string;
  tasks: Array<[string, string | null]>;
}> = [
  { id: 'k1', sop: 'permakanan', district: 'Tenggarong', village: 'Loa Ipuh', tasks: [['petugas-loket', null]] },
  { id: 'k2', sop: 'permakanan', district: 'TENGGARONG', village: 'Sukarame', tasks: [['kabid', 'u-kabid']] },
  { id: 'k3', sop: 'rahasia-odgj', district: 'Loa Kulu', tasks: [['tksk', 'u-tksk']] },
  { id: 'k4', sop: 'rutilahu', district: 'Loa Kulu', village: "Jembayan 'Dalam'", tasks: [] },
  { id: 'k5', sop: 'rutilahu', tasks: [['petugas-loket', 'u-petugas']] },
];

const base: CaseScope = { all: false, exceptSops: [], sops: [], roles: [], assignees: [], areas: [] };
const SCOPES: Array<[string, CaseScope]> = [
  ['nothing at all', base],
  ['the whole regency', { ...base, all: true }],
  ['the whole regency except confidential', { ...base, all: true, exceptSops: ['rahasia-odgj'] }],
  ['a unit’s SOPs', { ...base, sops: ['rutilahu'] }],
  ['a role’s tasks', { ...base, roles: ['petugas-loket'] }],
  ['assigned tasks', { ...base, assignees: ['u-tksk', 'u-kabid'] }],
  ['a role in one kecamatan', { ...base, roles: ['petugas-loket', 'tksk'], areas: [{ district: 'tenggarong' }] }],
  ['one desa', { ...base, all: true, areas: [{ district: 'tenggarong', village: 'sukarame' }] }],
  [
    'a desa with a quote and another kecamatan',
    {
      ...base,
      sops: ['rutilahu', 'rahasia-odgj'],
      areas: [{ district: 'loa kulu', village: "jembayan 'dalam'" }, { district: 'tenggarong' }],
    },
  ],
  ['names with SQL and array syntax', { ...base, sops: ['a"b', 'c}d', 'e,f', 'g\\h'], roles: ["x'y"] }],
];

describe(`case visibility: the builder and the fixed statement agree (${databaseLabel})`, () => {
  let db: Knex;
  let drop: () => Promise<void>;
  let direct: pg.Client | undefined;
  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    db = openDatabase(fresh.target);
    await db.schema.createTable('cases', (t) => {
      t.text('id').primary();
      t.text('sop_id').notNullable();
      t.jsonb('state').notNullable();
    });
    await db.schema.createTable('tasks', (t) => {
      t.text('case_id').notNullable();
      t.text('role').notNullable();
      t.text('assignee');
    });
    for (const c of CASES) {
      const data = { ...(c.district ? { district: c.district } : {}), ...(c.village ? { village: c.village } : {}) };
      await db('cases').insert({ id: c.id, sop_id: c.sop, state: JSON.stringify({ data }) });
      for (const [role, assignee] of c.tasks) await db('tasks').insert({ case_id: c.id, role, assignee });
    }
    if (fresh.target.kind === 'postgres') {
      direct = new pg.Client({ connectionString: fresh.target.url });
      await direct.connect();
    }
  });
  afterAll(async () => {
    await direct?.end();
    await db?.destroy();
    await drop?.();
  });

  const viaBuilder = async (scope: CaseScope): Promise<string[]> =>
    (
      (await whereCaseVisible(db('cases as c').select('c.id'), scope, 'c').orderBy('c.id')) as Array<{ id: string }>
    ).map((r) => r.id);
  const viaStatement = async (sql: Sql, scope: CaseScope): Promise<string[]> =>
    (
      await sql.rows<{ id: string }>(
        `SELECT c.id FROM cases c WHERE ${VISIBLE_CASE_SQL} ORDER BY c.id`,
        visibleCaseValues(scope),
      )
    ).map((r) => r.id);

  it.each(SCOPES)('%s', async (_name, scope) => {
    const expected = await viaBuilder(scope);
    expect(await viaStatement(sqlOf(db), scope)).toEqual(expected);
    if (direct) expect(await viaStatement(pgSql(direct), scope)).toEqual(expected);
  });

  it('the scopes above tell cases apart (the comparison is not between two empty lists)', async () => {
    const answers = new Set(await Promise.all(SCOPES.map(async ([, scope]) => (await viaBuilder(scope)).join(','))));
    expect(answers.size).toBeGreaterThanOrEqual(7);
    expect(await viaBuilder({ ...base, all: true })).toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
    expect(await viaBuilder({ ...base, all: true, areas: [{ district: 'tenggarong', village: 'sukarame' }] })).toEqual([
      'k2',
    ]);
  });
});
