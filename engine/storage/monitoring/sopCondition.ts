/** The SOP part of a figure's scope: one SOP, and the SOPs the user may see (only some, or all but some). */
export interface SopScope {
  sopId?: string;
  sops?: { only: readonly string[] } | { except: readonly string[] };
}

/** The SQL fragment and bindings that restrict a query to the scope's SOPs, on the alias given. */
export function sopCondition(scope: SopScope, alias = 'c'): { sql: string; bindings: string[] } {
  let sql = '';
  const bindings: string[] = [];
  if (scope.sopId !== undefined) {
    sql += ` AND ${alias}.sop_id = ?`;
    bindings.push(scope.sopId);
  }
  const sops = scope.sops;
  if (sops && 'only' in sops) {
    // Deny by default: a user with no visible SOP gets empty figures, not everyone's.
    sql += sops.only.length === 0 ? ' AND false' : ` AND ${alias}.sop_id IN (${sops.only.map(() => '?').join(', ')})`;
    bindings.push(...sops.only);
  } else if (sops && sops.except.length > 0) {
    sql += ` AND ${alias}.sop_id NOT IN (${sops.except.map(() => '?').join(', ')})`;
    bindings.push(...sops.except);
  }
  return { sql, bindings };
}

/** A figure's scope over a half-open period [from, to) of one regency. */
export type PeriodScope = SopScope & { regencyId: string; from: Date; to: Date };
