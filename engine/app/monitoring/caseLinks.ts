import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { isComplaintSop } from './complaintSops.ts';
import type { MonitoringContext } from './monitoringContext.ts';
import { sopName } from './monitoringContext.ts';
import { isoOrNull } from './sqlValues.ts';

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

type CaseRow = { id: string; tracking_code: string; sop_id: string; status: string };

async function findCase(db: Knex, regencyId: string, reference: string): Promise<CaseRow | undefined> {
  const ref = reference.trim();
  const where = /^ALR-/i.test(ref) ? { tracking_code: ref.toUpperCase() } : { id: ref };
  return (await db('cases')
    .where({ ...where, regency_id: regencyId })
    .first('id', 'tracking_code', 'sop_id', 'status')) as CaseRow | undefined;
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
  const complaint = await findCase(db, user.regencyId, complaintCaseId);
  if (!complaint) throw new AppError('NOT_FOUND', 'Kasus pengaduan tidak ditemukan.');
  const definition = context.sops.get(complaint.sop_id)?.definition;
  if (!definition || !isComplaintSop(definition))
    throw new AppError('UNPROCESSABLE', 'Hanya kasus SOP pengaduan yang dapat ditautkan ke kasus yang diadukan.');
  const target = await findCase(db, user.regencyId, concerns);
  if (!target)
    throw new AppError('NOT_FOUND', 'Kasus yang diadukan tidak ditemukan (periksa kode lacak).', '/concerns');
  if (target.id === complaint.id)
    throw new AppError('VALIDATION_FAILED', 'Pengaduan tidak dapat menunjuk dirinya sendiri.', '/concerns');
  try {
    await db('case_links').insert({
      regency_id: user.regencyId,
      from_case_id: complaint.id,
      to_case_id: target.id,
      kind: 'complaint',
      note: note ?? null,
      created_by: user.id,
    });
  } catch (error) {
    if (error instanceof Error && 'code' in error && (error as { code: unknown }).code === '23505')
      throw new AppError('CONFLICT', 'Pengaduan ini sudah ditautkan ke sebuah kasus.');
    throw error;
  }
  return caseLinks(db, context, user.regencyId, complaint.id);
}

type LinkRow = {
  link_id: string | number;
  id: string;
  tracking_code: string;
  sop_id: string;
  status: string;
  opened_at: Date | string;
  note: string | null;
  created_at: Date | string;
};

function toLinked(context: MonitoringContext, r: LinkRow): LinkedCase {
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
  const own = await findCase(db, regencyId, caseId);
  if (!own) throw new AppError('NOT_FOUND', 'Kasus tidak ditemukan.');
  const columns = [
    'l.id as link_id',
    'c.id',
    'c.tracking_code',
    'c.sop_id',
    'c.status',
    'c.opened_at',
    'l.note',
    'l.created_at',
  ];
  const concerns = (await db('case_links as l')
    .join('cases as c', 'c.id', 'l.to_case_id')
    .where({ 'l.regency_id': regencyId, 'l.from_case_id': own.id, 'l.kind': 'complaint' })
    .first(columns)) as LinkRow | undefined;
  const complaints = (await db('case_links as l')
    .join('cases as c', 'c.id', 'l.from_case_id')
    .where({ 'l.regency_id': regencyId, 'l.to_case_id': own.id, 'l.kind': 'complaint' })
    .orderBy('l.created_at')
    .select(columns)) as LinkRow[];
  return {
    concerns: concerns ? toLinked(context, concerns) : null,
    complaints: complaints.map((r) => toLinked(context, r)),
  };
}
