import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { CaseStatus } from '../../core/caseTypes.ts';
import { whereCaseVisible, type CaseScope } from './caseVisibility.ts';
import { Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

/** Filters of the case register. */
export interface RegisterFilter {
  sopId?: string;
  status?: string;
  /** Opened at or after this instant. */
  from?: Date;
  /** Opened before this instant. */
  to?: Date;
  /** A tracking code (ALR-…), a full NIK, or part of the applicant's name. */
  term?: string;
  offset: number;
  limit: number;
}

/** One case of the register, timestamps as ISO text. */
export interface RegisterCase {
  id: string;
  trackingCode: string;
  sopId: string;
  sopName: string | null;
  status: CaseStatus;
  currentStep: string | null;
  applicantName: string | null;
  applicantNik: string | null;
  openedAt: string;
  dueAt: string | null;
  closedAt: string | null;
}

/** A register row as the database returns it. */
const RegisterRowSchema = Type.Object({
  id: Type.String(),
  tracking_code: Type.String(),
  sop_id: Type.String(),
  sop_name: Nullable(Type.String()),
  status: Type.Union(
    (['open', 'waiting', 'completed', 'rejected', 'referred', 'cancelled'] as const).map((s) => Type.Literal(s)),
  ),
  current_step: Nullable(Type.String()),
  applicant_name: Nullable(Type.String()),
  applicant_nik: Nullable(Type.String()),
  opened_at: Timestamp,
  due_at: Nullable(Timestamp),
  closed_at: Nullable(Timestamp),
});
type RegisterRow = Static<typeof RegisterRowSchema>;

// Compiled once, at module load: the register is read on every page of it.
const registerRows = rowDecoder('cases (register page)', RegisterRowSchema);

// Timestamps leave as ISO text, the same text the JSON reply of a Date has always been.
const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

function decodeRegisterRow(r: RegisterRow): RegisterCase {
  return {
    id: r.id,
    trackingCode: r.tracking_code,
    sopId: r.sop_id,
    sopName: r.sop_name,
    status: r.status,
    currentStep: r.current_step,
    applicantName: r.applicant_name,
    applicantNik: r.applicant_nik,
    openedAt: new Date(r.opened_at).toISOString(),
    dueAt: iso(r.due_at),
    closedAt: iso(r.closed_at),
  };
}

/** One page of the regency's cases within the scope, newest first. */
export async function registerCases(
  db: Knex,
  regencyId: string,
  scope: CaseScope,
  filter: RegisterFilter,
): Promise<RegisterCase[]> {
  let q = db('cases as c')
    .leftJoin('definitions as d', (j) => void j.on('d.regency_id', 'c.regency_id').andOn('d.sop_id', 'c.sop_id'))
    .where('c.regency_id', regencyId);
  q = whereCaseVisible(q, scope);
  if (filter.sopId) q = q.andWhere('c.sop_id', filter.sopId);
  if (filter.status) q = q.andWhere('c.status', filter.status);
  if (filter.from) q = q.andWhere('c.opened_at', '>=', filter.from);
  if (filter.to) q = q.andWhere('c.opened_at', '<', filter.to);
  const term = filter.term;
  if (term) {
    if (/^ALR-/i.test(term)) q = q.andWhere('c.tracking_code', term.toUpperCase());
    else if (/^\d{16}$/.test(term)) q = q.andWhere('c.applicant_nik', term);
    else q = q.andWhereILike('c.applicant_name', `%${term.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
  }
  const rows = registerRows.rows(
    await q
      .orderBy('c.opened_at', 'desc')
      .orderBy('c.id')
      .offset(filter.offset)
      .limit(filter.limit)
      .select(
        'c.id',
        'c.tracking_code',
        'c.sop_id',
        'd.name as sop_name',
        'c.status',
        'c.current_step',
        'c.applicant_name',
        'c.applicant_nik',
        'c.opened_at',
        'c.due_at',
        'c.closed_at',
      ),
  );
  return rows.map(decodeRegisterRow);
}
