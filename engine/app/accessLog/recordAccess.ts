import type { Knex } from 'knex';
import { insertAccessLogRow, type AccessLogRow } from '../../storage/accessLog/accessLogRows.ts';
import type { AuthUser } from '../authUser.ts';

/** Kinds of access to a case's personal data or documents that are recorded. */
export type AccessKind =
  | 'view'
  | 'timeline'
  | 'attachments'
  | 'download'
  | 'document'
  | 'print'
  | 'export'
  | 'search'
  | 'audit'
  /** A masked NIK or KK shown in full ("Tampilkan"). */
  | 'reveal';

/** One access to record. */
export interface AccessRecord {
  user: AuthUser;
  action: AccessKind;
  route: string;
  caseId?: string;
  resource?: string;
  reason?: string;
  detail?: Record<string, unknown>;
  ip?: string;
}

/**
 * Appends an access record in the request's transaction: if the response fails, no record claims it
 * was seen; if the record cannot be written, nothing is shown. The table only accepts inserts.
 */
export async function recordAccess(db: Knex, record: AccessRecord): Promise<void> {
  await insertAccessLogRow(db, accessLogRow(record));
}

/** The access-log row of a record. */
export function accessLogRow(record: AccessRecord): AccessLogRow {
  return {
    regency_id: record.user.regencyId,
    user_id: record.user.id,
    user_name: record.user.name,
    roles: JSON.stringify(record.user.roles),
    case_id: record.caseId ?? null,
    action: record.action,
    resource: record.resource ?? null,
    reason: record.reason ?? null,
    detail: record.detail ? JSON.stringify(record.detail) : null,
    ip: record.ip ?? null,
    route: record.route,
  };
}
