import type { Knex } from 'knex';
import { AppError } from '../../appErrors.ts';
import { maskNik } from '../../caseQueries.ts';
import type { AccessProfile } from '../../permissions/accessProfile.ts';
import { caseScopeOf } from '../../permissions/caseScope.ts';
import { whereCaseVisible } from '../../../storage/cases/caseVisibility.ts';
import { sopName, stepActivity, type MonitoringContext } from '../monitoringContext.ts';
import { localDateTime } from '../period.ts';
import type { ReportTable } from './reportTable.ts';

/** The most rows one register export may hold; larger registers are exported per SOP or period. */
export const MAX_REGISTER_ROWS = 50_000;

/** Filters of the register export (the same as the register search). */
export interface RegisterFilter {
  q?: string;
  sopId?: string;
  status?: string;
  from?: Date;
  to?: Date;
}

const STATUS_LABEL: Record<string, string> = {
  open: 'Diproses',
  waiting: 'Menunggu kelengkapan pemohon',
  completed: 'Selesai',
  rejected: 'Ditolak',
  referred: 'Dirujuk',
  cancelled: 'Dibatalkan',
};

type Row = {
  tracking_code: string;
  sop_id: string;
  status: string;
  current_step: string | null;
  applicant_nik: string | null;
  opened_at: Date | string;
  due_at: Date | string | null;
  closed_at: Date | string | null;
  complaints: number;
};

function timeliness(r: Row, now: Date): string {
  if (r.due_at === null) return '';
  const due = new Date(r.due_at).getTime();
  if (r.closed_at !== null)
    return r.status === 'cancelled' ? '' : new Date(r.closed_at).getTime() <= due ? 'Ya' : 'Tidak';
  return r.status === 'open' && due < now.getTime() ? 'Terlambat' : '';
}

/**
 * The service register (buku register layanan) as a table: the cases the user may see, local times, and
 * of the applicant only the masked NIK (names stay in the application; a file travels further).
 */
export async function registerTable(
  db: Knex,
  context: MonitoringContext,
  access: AccessProfile,
  filter: RegisterFilter,
  now: Date,
): Promise<ReportTable> {
  let q: Knex.QueryBuilder = db('cases as c').where('c.regency_id', access.regencyId);
  q = whereCaseVisible(q, caseScopeOf(access));
  if (filter.sopId) q = q.andWhere('c.sop_id', filter.sopId);
  if (filter.status) q = q.andWhere('c.status', filter.status);
  if (filter.from) q = q.andWhere('c.opened_at', '>=', filter.from);
  if (filter.to) q = q.andWhere('c.opened_at', '<', filter.to);
  const term = filter.q?.trim();
  if (term) {
    if (/^ALR-/i.test(term)) q = q.andWhere('c.tracking_code', term.toUpperCase());
    else if (/^\d{16}$/.test(term)) q = q.andWhere('c.applicant_nik', term);
    else q = q.andWhereILike('c.applicant_name', `%${term.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
  }
  const rows = (await q
    .orderBy('c.opened_at')
    .orderBy('c.id')
    .limit(MAX_REGISTER_ROWS + 1)
    .select(
      'c.tracking_code',
      'c.sop_id',
      'c.status',
      'c.current_step',
      'c.applicant_nik',
      'c.opened_at',
      'c.due_at',
      'c.closed_at',
      db.raw(
        `(SELECT count(*) FROM case_links l WHERE l.to_case_id = c.id AND l.kind = 'complaint')::int AS complaints`,
      ),
    )) as Row[];
  if (rows.length > MAX_REGISTER_ROWS)
    throw new AppError(
      'UNPROCESSABLE',
      `Register berisi lebih dari ${MAX_REGISTER_ROWS} kasus; persempit dengan layanan atau rentang tanggal.`,
    );
  const offset = context.calendar.offsetMinutes;
  return {
    name: 'register',
    columns: [
      { key: 'trackingCode', header: 'Kode lacak' },
      { key: 'service', header: 'Layanan' },
      { key: 'status', header: 'Status' },
      { key: 'step', header: 'Langkah saat ini' },
      { key: 'nik', header: 'NIK (disamarkan)' },
      { key: 'openedAt', header: 'Dibuka' },
      { key: 'dueAt', header: 'Batas waktu' },
      { key: 'closedAt', header: 'Berakhir' },
      { key: 'onTime', header: 'Tepat waktu' },
      { key: 'complaints', header: 'Pengaduan' },
    ],
    rows: rows.map((r) => ({
      trackingCode: r.tracking_code,
      service: sopName(context, r.sop_id),
      status: STATUS_LABEL[r.status] ?? r.status,
      step: stepActivity(context, r.sop_id, r.current_step),
      nik: maskNik(r.applicant_nik),
      openedAt: localDateTime(r.opened_at, offset),
      dueAt: localDateTime(r.due_at, offset),
      closedAt: localDateTime(r.closed_at, offset),
      onTime: timeliness(r, now),
      complaints: r.complaints,
    })),
  };
}
