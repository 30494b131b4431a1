import type { Knex } from 'knex';
import { caseOfTaskForAccess } from '../caseRepository.ts';
import { whereCaseVisible, type CaseScope } from './caseVisibility.ts';

/** The case a row points at, and whether the scope admits that case. */
export interface TargetCase {
  caseId: string;
  visible: boolean;
}

/**
 * The case of row `id` of `table` (the case itself, or a row with a `case_id`) in the regency, with
 * visibility decided in the same query (the scope as a correlated EXISTS). A task's case row comes along
 * for the command on that task in the same transaction (the hot path: one read).
 */
export async function caseOfTarget(
  db: Knex,
  table: string,
  id: string,
  regencyId: string,
  scope: CaseScope,
): Promise<TargetCase | undefined> {
  const column = table === 'cases' ? 'id' : 'case_id';
  const visibleQuery = whereCaseVisible(
    db('cases as c').whereRaw(`c.id = x.${column}`).select(db.raw('1')),
    scope,
    'c',
  );
  if (table === 'tasks') return caseOfTaskForAccess(db, regencyId, id, visibleQuery);
  const row = (await db(`${table} as x`)
    .where({ 'x.id': id, 'x.regency_id': regencyId })
    .first(`x.${column} as case_id`, db.raw('EXISTS (?) AS visible', [visibleQuery]))) as
    { case_id: string; visible: boolean } | undefined;
  return row && { caseId: row.case_id, visible: row.visible };
}

/** The unit of the SOP a case belongs to (null when the SOP names none). */
export async function unitOfCaseSop(db: Knex, caseId: string): Promise<string | null> {
  const row = (await db('cases as c')
    .leftJoin('definitions as d', (j) => void j.on('d.regency_id', 'c.regency_id').andOn('d.sop_id', 'c.sop_id'))
    .where('c.id', caseId)
    .first('d.unit')) as { unit: string | null } | undefined;
  return row?.unit ?? null;
}
