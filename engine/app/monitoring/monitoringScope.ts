/** Which SOPs a user's figures may include: only some (their unit's), all but some (confidential ones), or all. */
export type SopFilter = { only: readonly string[] } | { except: readonly string[] };

/**
 * What a figure is computed over: always one regency (tenancy), optionally one SOP and the SOPs the
 * user may see, and a half-open period [from, to) in UTC instants. Snapshot figures (open cases,
 * overdue tasks) use `now` instead of the period.
 */
export interface MonitoringScope {
  regencyId: string;
  sopId?: string;
  sops?: SopFilter;
  from: Date;
  to: Date;
}

/** The SQL fragment and bindings that restrict a query to the scope's SOPs, on the alias given. */
export function sopCondition(
  scope: Pick<MonitoringScope, 'sopId' | 'sops'>,
  alias = 'c',
): { sql: string; bindings: string[] } {
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

/** Whether a scope's SOP filter lets one SOP through. */
export function sopAllowed(sops: SopFilter | undefined, sopId: string): boolean {
  if (!sops) return true;
  return 'only' in sops ? sops.only.includes(sopId) : !sops.except.includes(sopId);
}
