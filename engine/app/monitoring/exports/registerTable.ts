import type { Knex } from 'knex';
import { AppError } from '../../appErrors.ts';
import { maskNik } from '../../caseQueries.ts';
import type { AccessProfile } from '../../permissions/accessProfile.ts';
import { caseScopeOf } from '../../permissions/caseScope.ts';
import { registerRows, type RegisterRow, type RegisterRowFilter } from '../../../storage/monitoring/registerRows.ts';
import { sopName, stepActivity, type MonitoringContext } from '../monitoringContext.ts';
import { localDateTime } from '../period.ts';
import type { ReportTable } from './reportTable.ts';

/** The most rows one register export may hold; larger registers are exported per SOP or period. */
export const MAX_REGISTER_ROWS = 50_000;

/** Filters of the register export (the same as the register search). */
export type RegisterFilter = RegisterRowFilter;

const STATUS_LABEL: Record<string, string> = {
  open: 'Diproses',
  waiting: 'Menunggu kelengkapan pemohon',
  completed: 'Selesai',
  rejected: 'Ditolak',
  referred: 'Dirujuk',
  cancelled: 'Dibatalkan',
};

function timeliness(r: RegisterRow, now: Date): string {
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
  const rows = await registerRows(db, access.regencyId, caseScopeOf(access), filter, MAX_REGISTER_ROWS + 1);
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
