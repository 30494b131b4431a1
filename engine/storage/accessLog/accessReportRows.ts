import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { AccessEntrySchema } from '../../contracts/auditContracts.ts';
import { BigNumber, JsonObject, Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

/** One line of an access report. */
export type AccessEntry = Static<typeof AccessEntrySchema>;

const AccessReportRowSchema = Type.Object({
  id: BigNumber,
  at: Timestamp,
  user_id: Type.String(),
  user_name: Type.String(),
  roles: Type.Array(Type.String()),
  case_id: Nullable(Type.String()),
  tracking_code: Nullable(Type.String()),
  action: Type.String(),
  resource: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  detail: Nullable(JsonObject<Record<string, unknown>>()),
  ip: Nullable(Type.String()),
  route: Type.String(),
});

/** An `access_log` row with its case's tracking code. */
type AccessReportRow = Static<typeof AccessReportRowSchema>;

// Compiled once, at module load.
const accessReportRows = rowDecoder('access_log (report)', AccessReportRowSchema);

function decodeAccessEntry(r: AccessReportRow): AccessEntry {
  return {
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    userId: r.user_id,
    userName: r.user_name,
    roles: r.roles,
    caseId: r.case_id,
    trackingCode: r.tracking_code,
    action: r.action,
    resource: r.resource,
    reason: r.reason,
    detail: r.detail,
    ip: r.ip,
    route: r.route,
  };
}

/** Up to `limit` access entries of one case or one user in a regency, newest first, below the id `before`. */
export async function accessEntries(
  db: Knex,
  regencyId: string,
  filter: { case_id: string } | { user_id: string },
  before: number | undefined,
  limit: number,
): Promise<AccessEntry[]> {
  let q = db('access_log as a').leftJoin('cases as c', 'c.id', 'a.case_id').where('a.regency_id', regencyId);
  q = 'case_id' in filter ? q.andWhere('a.case_id', filter.case_id) : q.andWhere('a.user_id', filter.user_id);
  if (before !== undefined) q = q.andWhere('a.id', '<', before);
  const rows = accessReportRows.rows(await q.orderBy('a.id', 'desc').limit(limit).select('a.*', 'c.tracking_code'));
  return rows.map(decodeAccessEntry);
}
