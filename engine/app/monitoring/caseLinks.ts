import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { isComplaintSop } from './complaintSops.ts';
import type { MonitoringContext } from './monitoringContext.ts';
import { sopName } from './monitoringContext.ts';
import { isoOrNull } from './sqlValues.ts';
import {
  caseLinkRows,
  findLinkableCase,
  insertComplaintLink,
  type CaseLinkRow,
} from '../../storage/monitoring/caseLinkRows.ts';

/** A case on the other side of a link, without personal data. */
export interface LinkedCase {
  linkId: number;
  caseId: string;
  trackingCode: string;
  sopId: string;
  sopName: string;
  status: string;
  openedAt: string;
  note: string | null;
  linkedAt: string;
}

/** Both directions of the complaint links of a case. */
export interface CaseLinks {
  /** For a complaint case: the case it complains about. */
  concerns: LinkedCase | null;
  /** For any case: the complaint cases about it. */
  complaints: LinkedCase[];
}

/** Links a complaint case to the case it concerns (by tracking code or id), within the user's regency. */
export async function linkComplaint(
  db: Knex,
  context: MonitoringContext,
  user: AuthUser,
  complaintCaseId: string,
  concerns: string,
  note?: string,
): Promise<CaseLinks> {
  const complaint = await findLinkableCase(db, user.regencyId, complaintCaseId);
  if (!complaint) throw new AppError('NOT_FOUND', 'Kasus pengaduan tidak ditemukan.');
  const definition = context.sops.get(complaint.sop_id)?.definition;
  if (!definition || !isComplaintSop(definition))
    throw new AppError('UNPROCESSABLE', 'Hanya kasus SOP pengaduan yang dapat ditautkan ke kasus yang diadukan.');
  const target = await findLinkableCase(db, user.regencyId, concerns);
  if (!target)
    throw new AppError('NOT_FOUND', 'Kasus yang diadukan tidak ditemukan (periksa kode lacak).', '/concerns');
  if (target.id === complaint.id)
    throw new AppError('VALIDATION_FAILED', 'Pengaduan tidak dapat menunjuk dirinya sendiri.', '/concerns');
  const linked = await insertComplaintLink(db, {
    regencyId: user.regencyId,
    complaintCaseId: complaint.id,
    concernsCaseId: target.id,
    note: note ?? null,
    createdBy: user.id,
  });
  if (!linked) throw new AppError('CONFLICT', 'Pengaduan ini sudah ditautkan ke sebuah kasus.');
  return caseLinks(db, context, user.regencyId, complaint.id);
}

function toLinked(context: MonitoringContext, r: CaseLinkRow): LinkedCase {
  return {
    linkId: Number(r.link_id),
    caseId: r.id,
    trackingCode: r.tracking_code,
    sopId: r.sop_id,
    sopName: sopName(context, r.sop_id),
    status: r.status,
    openedAt: isoOrNull(r.opened_at)!,
    note: r.note,
    linkedAt: isoOrNull(r.created_at)!,
  };
}

/** The links of a case in both directions; 404 outside the regency. */
export async function caseLinks(
  db: Knex,
  context: MonitoringContext,
  regencyId: string,
  caseId: string,
): Promise<CaseLinks> {
  const own = await findLinkableCase(db, regencyId, caseId);
  if (!own) throw new AppError('NOT_FOUND', 'Kasus tidak ditemukan.');
  const { concerns, complaints } = await caseLinkRows(db, regencyId, own.id);
  return {
    concerns: concerns ? toLinked(context, concerns) : null,
    complaints: complaints.map((r) => toLinked(context, r)),
  };
}
