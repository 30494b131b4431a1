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

/** Whether a scope's SOP filter lets one SOP through. */
export function sopAllowed(sops: SopFilter | undefined, sopId: string): boolean {
  if (!sops) return true;
  return 'only' in sops ? sops.only.includes(sopId) : !sops.except.includes(sopId);
}
