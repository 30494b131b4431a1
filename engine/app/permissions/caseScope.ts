import type { Knex } from 'knex';
import type { AccessProfile } from './accessProfile.ts';

/** The SOPs of a regency as visibility needs them: unit and confidentiality of the latest version. */
export interface SopAccessInfo {
  sopId: string;
  unit: string | null;
  confidential: boolean;
}

/**
 * Which cases of the regency a user may see. A case is visible when (a) the user reads the whole
 * regency (kadis, auditor; sekretaris and admin except confidential SOPs), or (b) its SOP belongs to
 * the user's unit (kabid: all its SOPs; staff: the non-confidential ones), or (c) it has a task for
 * one of the user's roles or assigned to them (or to an official they act for).
 */
export interface CaseScope {
  all: boolean;
  exceptSops: string[];
  sops: string[];
  roles: string[];
  assignees: string[];
}

/** Computes the scope from the profile and the regency's SOPs (pure). */
export function scopeOf(profile: AccessProfile, sops: readonly SopAccessInfo[]): CaseScope {
  const confidential = sops.filter((s) => s.confidential).map((s) => s.sopId);
  const readsAll = profile.kinds.has('kadis') || profile.kinds.has('auditor');
  const readsAllButConfidential = profile.kinds.has('sekretaris') || profile.kinds.has('admin');
  const unitSops = sops.filter((s) => s.unit !== null && (profile.kabidUnits.includes(s.unit) || (profile.staffUnits.includes(s.unit) && !s.confidential))).map((s) => s.sopId);
  return {
    all: readsAll || readsAllButConfidential,
    exceptSops: readsAll ? [] : confidential,
    sops: unitSops,
    roles: profile.roles,
    assignees: profile.assignees,
  };
}

/** Reads the regency's SOPs with unit and the `confidential` flag of their latest version (kept on the row at publishing). */
export async function loadSopAccessInfo(db: Knex, regencyId: string): Promise<SopAccessInfo[]> {
  const rows = (await db('definitions').where('regency_id', regencyId).select('sop_id', 'unit', 'confidential')) as Array<{ sop_id: string; unit: string | null; confidential: boolean }>;
  return rows.map((r) => ({ sopId: r.sop_id, unit: r.unit, confidential: r.confidential }));
}

/** The user's case scope, read from the database. */
export async function loadCaseScope(db: Knex, profile: AccessProfile): Promise<CaseScope> {
  return scopeOf(profile, await loadSopAccessInfo(db, profile.regencyId));
}

/** Narrows a query over `cases as <alias>` to the cases the scope allows (SQL, so paging stays correct). */
export function whereCaseVisible<Q extends Knex.QueryBuilder>(query: Q, scope: CaseScope, alias = 'c'): Q {
  // Builders are mutable: the condition is added in place and the same (typed) builder returned.
  void query.andWhere((w) => {
    // Deny by default: with no grounds at all the condition is false.
    void w.whereRaw('false');
    if (scope.all) {
      if (scope.exceptSops.length === 0) void w.orWhereRaw('true');
      else void w.orWhereNotIn(`${alias}.sop_id`, scope.exceptSops);
    }
    if (scope.sops.length > 0) void w.orWhereIn(`${alias}.sop_id`, scope.sops);
    if (scope.roles.length > 0 || scope.assignees.length > 0) {
      void w.orWhereExists(function (this: Knex.QueryBuilder) {
        void this.select(1)
          .from('tasks as vt')
          .whereRaw('vt.case_id = ??', [`${alias}.id`])
          .andWhere((t) => void t.whereIn('vt.role', scope.roles).orWhereIn('vt.assignee', scope.assignees));
      });
    }
  });
  return query;
}

/** Whether one case exists in the user's regency and, if so, whether the user may see it. */
export async function caseVisibility(db: Knex, profile: AccessProfile, caseId: string): Promise<'visible' | 'hidden' | 'missing'> {
  const scope = await loadCaseScope(db, profile);
  // Existence and visibility in one statement: the scope condition runs as a correlated EXISTS.
  const visibleQuery = whereCaseVisible(db('cases as cv').whereRaw('cv.id = c.id').select(db.raw('1')), scope, 'cv');
  const row = (await db('cases as c').where({ 'c.id': caseId, 'c.regency_id': profile.regencyId }).first('c.id', db.raw('EXISTS (?) AS visible', [visibleQuery]))) as { visible: boolean } | undefined;
  if (!row) return 'missing';
  return row.visible ? 'visible' : 'hidden';
}
