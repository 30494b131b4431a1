import type { Knex } from 'knex';
import type { AreaAddress } from '../../regions/areaAddresses.ts';

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
  /** When not empty, only cases whose applicant address (kecamatan, desa) lies in one of these areas. */
  areas: AreaAddress[];
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
  // An area-limited account (a TKSK of one kecamatan) sees, of all the above, only cases addressed there.
  if (scope.areas.length > 0)
    void query.andWhere((w) => {
      for (const area of scope.areas)
        void w.orWhere((a) => {
          void a.whereRaw(`lower(${alias}.state->'data'->>'district') = ?`, [area.district]);
          if (area.village !== undefined)
            void a.andWhereRaw(`lower(${alias}.state->'data'->>'village') = ?`, [area.village]);
        });
    });
  return query;
}
