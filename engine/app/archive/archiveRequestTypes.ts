/** Ways a case file leaves the archive (Lampiran II.D.3: peminjaman, penggandaan, pengiriman). */
export type ArchiveKind = 'borrow' | 'copy' | 'send';

/** Where a request stands. */
export type ArchiveStatus = 'requested' | 'approved' | 'refused' | 'handed_over' | 'completed' | 'returned';

/** A request as the register shows it (tracking code, never the applicant's name). */
export interface ArchiveRequest {
  id: string;
  caseId: string;
  trackingCode: string | null;
  kind: ArchiveKind;
  reason: string;
  recipient: string;
  dueBackAt: string | null;
  status: ArchiveStatus;
  overdue: boolean;
  requestedBy: { id: string; name: string };
  requestedAt: string;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  decisionNote: string | null;
  handedOverAt: string | null;
  returnedAt: string | null;
  returnNote: string | null;
}

/** A row of archive_requests (with the case's tracking code joined). */
export interface ArchiveRequestRow {
  id: string;
  case_id: string;
  tracking_code?: string | null;
  kind: ArchiveKind;
  reason: string;
  recipient: string;
  due_back_at: Date | string | null;
  status: ArchiveStatus;
  requested_by: string;
  requested_by_name: string;
  requested_at: Date | string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | string | null;
  decision_note: string | null;
  handed_over_at: Date | string | null;
  returned_at: Date | string | null;
  return_note: string | null;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** Converts a row; `overdue` is a borrowed file past its due-back date. */
export function toArchiveRequest(row: ArchiveRequestRow, now: Date): ArchiveRequest {
  return {
    id: row.id,
    caseId: row.case_id,
    trackingCode: row.tracking_code ?? null,
    kind: row.kind,
    reason: row.reason,
    recipient: row.recipient,
    dueBackAt: iso(row.due_back_at),
    status: row.status,
    overdue: row.status === 'handed_over' && row.due_back_at !== null && new Date(row.due_back_at) < now,
    requestedBy: { id: row.requested_by, name: row.requested_by_name },
    requestedAt: iso(row.requested_at)!,
    decidedBy: row.decided_by ? { id: row.decided_by, name: row.decided_by_name ?? '' } : null,
    decidedAt: iso(row.decided_at),
    decisionNote: row.decision_note,
    handedOverAt: iso(row.handed_over_at),
    returnedAt: iso(row.returned_at),
    returnNote: row.return_note,
  };
}
