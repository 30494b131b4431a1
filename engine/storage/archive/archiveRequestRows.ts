import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { toArchiveRequest, type ArchiveRequest, type ArchiveStatus } from '../../app/archive/archiveRequestTypes.ts';
import { whereCaseVisible, type CaseScope } from '../cases/caseVisibility.ts';
import { Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

// Compiled once, at module load.
const archiveRequestRows = rowDecoder(
  'archive_requests (with tracking code)',
  Type.Object({
    id: Type.String(),
    case_id: Type.String(),
    tracking_code: Type.Optional(Nullable(Type.String())),
    kind: Type.Union([Type.Literal('borrow'), Type.Literal('copy'), Type.Literal('send')]),
    reason: Type.String(),
    recipient: Type.String(),
    due_back_at: Nullable(Timestamp),
    status: Type.Union(
      (['requested', 'approved', 'refused', 'handed_over', 'completed', 'returned'] as const).map((s) =>
        Type.Literal(s),
      ),
    ),
    requested_by: Type.String(),
    requested_by_name: Type.String(),
    requested_at: Timestamp,
    decided_by: Nullable(Type.String()),
    decided_by_name: Nullable(Type.String()),
    decided_at: Nullable(Timestamp),
    decision_note: Nullable(Type.String()),
    handed_over_at: Nullable(Timestamp),
    returned_at: Nullable(Timestamp),
    return_note: Nullable(Type.String()),
  }),
);

/** One archive request of a regency with its case's tracking code, if any. */
export async function archiveRequestById(
  db: Knex,
  regencyId: string,
  id: string,
  now: Date,
): Promise<ArchiveRequest | undefined> {
  const row = archiveRequestRows.first(
    await db('archive_requests as a')
      .join('cases as c', 'c.id', 'a.case_id')
      .where({ 'a.id': id, 'a.regency_id': regencyId })
      .first('a.*', 'c.tracking_code'),
  );
  return row && toArchiveRequest(row, now);
}

/** A new request as stored. */
export interface NewArchiveRequestRow {
  id: string;
  regency_id: string;
  case_id: string;
  kind: string;
  reason: string;
  recipient: string;
  due_back_at: Date | null;
  requested_by: string;
  requested_by_name: string;
  requested_at: Date;
}

/** Stores a new request (status requested). */
export async function insertArchiveRequest(db: Knex, row: NewArchiveRequestRow): Promise<void> {
  await db('archive_requests').insert({ ...row, status: 'requested' });
}

/** The columns one step of a request writes. */
export type ArchiveStepColumns =
  | {
      status: 'approved' | 'refused';
      decided_by: string;
      decided_by_name: string;
      decided_at: Date;
      decision_note: string | null;
    }
  | { status: 'handed_over' | 'completed'; handed_over_by: string; handed_over_at: Date }
  | { status: 'returned'; returned_by: string; returned_at: Date; return_note: string | null };

/**
 * Moves a request on from status `from`; false when it no longer has that status. The status in the
 * WHERE makes two officials acting at once safe: the second finds nothing to change.
 */
export async function moveArchiveRequest(
  db: Knex,
  regencyId: string,
  id: string,
  from: ArchiveStatus,
  columns: ArchiveStepColumns,
): Promise<boolean> {
  return (await db('archive_requests').where({ id, regency_id: regencyId, status: from }).update(columns)) === 1;
}

/** Filters of the register. */
export interface ArchiveFilter {
  caseId?: string;
  status?: string;
  overdueOnly?: boolean;
}

/** Up to 500 requests on cases within the scope; overdue loans (oldest due first) when asked, else newest first. */
export async function archiveRequestsInScope(
  db: Knex,
  regencyId: string,
  scope: CaseScope,
  filter: ArchiveFilter,
  now: Date,
): Promise<ArchiveRequest[]> {
  let q = db('archive_requests as a').join('cases as c', 'c.id', 'a.case_id').where('a.regency_id', regencyId);
  q = whereCaseVisible(q, scope);
  if (filter.caseId) q = q.andWhere('a.case_id', filter.caseId);
  if (filter.status) q = q.andWhere('a.status', filter.status);
  if (filter.overdueOnly)
    q = q.andWhere({ 'a.status': 'handed_over', 'a.kind': 'borrow' }).andWhere('a.due_back_at', '<', now);
  const rows = archiveRequestRows.rows(
    await q
      .orderBy(filter.overdueOnly ? 'a.due_back_at' : 'a.requested_at', filter.overdueOnly ? 'asc' : 'desc')
      .limit(500)
      .select('a.*', 'c.tracking_code'),
  );
  return rows.map((r) => toArchiveRequest(r, now));
}
