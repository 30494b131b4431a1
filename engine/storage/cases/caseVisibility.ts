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

/**
 * The same rule as `whereCaseVisible` for one case row `c`, as fixed SQL text with the scope bound as
 * values (`visibleCaseValues`, in this order): one prepared statement serves every user, where the
 * builder's text varies with each scope. Used where a single case is checked (a request's path);
 * lists keep the builder, whose literal lists the planner can use for indexes.
 * tests/permissions/visibilityForms.test.ts checks that both forms agree.
 */
export const VISIBLE_CASE_SQL = `(
  ((?::boolean AND NOT (c.sop_id = ANY(?::text[])))
   OR c.sop_id = ANY(?::text[])
   OR EXISTS (SELECT 1 FROM tasks vt WHERE vt.case_id = c.id AND (vt.role = ANY(?::text[]) OR vt.assignee = ANY(?::text[]))))
  AND (cardinality(?::text[]) = 0
   OR EXISTS (SELECT 1 FROM unnest(?::text[], ?::text[]) AS area(district, village)
               WHERE lower(c.state->'data'->>'district') = area.district
                 AND (area.village = '' OR lower(c.state->'data'->>'village') = area.village))))`;

/** The values VISIBLE_CASE_SQL binds for a scope (an area without a village binds '': the whole kecamatan). */
export function visibleCaseValues(
  scope: CaseScope,
): [boolean, string[], string[], string[], string[], string[], string[], string[]] {
  const districts = scope.areas.map((a) => a.district);
  return [
    scope.all,
    scope.exceptSops,
    scope.sops,
    scope.roles,
    scope.assignees,
    districts,
    districts,
    scope.areas.map((a) => a.village ?? ''),
  ];
}
