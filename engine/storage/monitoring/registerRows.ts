import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { whereCaseVisible, type CaseScope } from '../cases/caseVisibility.ts';
import { Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

const RegisterRowSchema = Type.Object({
  tracking_code: Type.String(),
  sop_id: Type.String(),
  status: Type.String(),
  current_step: Nullable(Type.String()),
  applicant_nik: Nullable(Type.String()),
  opened_at: Timestamp,
  due_at: Nullable(Timestamp),
  closed_at: Nullable(Timestamp),
  complaints: Type.Number(),
});

/** One row of registerRows: a case as the service register lists it (no applicant name). */
export type RegisterRow = Static<typeof RegisterRowSchema>;

// Compiled once, at module load.
const registerRowDecoder = rowDecoder('registerRows', RegisterRowSchema);

/** The register's filters: a search term (tracking code, NIK or name), SOP, status and opening period. */
export interface RegisterRowFilter {
  q?: string;
  sopId?: string;
  status?: string;
  from?: Date;
  to?: Date;
}

/**
 * The cases of the regency the scope lets the user see, matching the filter, oldest first, at most
 * `limit`, each with how many complaint cases concern it.
 */
export async function registerRows(
  db: Knex,
  regencyId: string,
  scope: CaseScope,
  filter: RegisterRowFilter,
  limit: number,
): Promise<RegisterRow[]> {
  let q: Knex.QueryBuilder = db('cases as c').where('c.regency_id', regencyId);
  q = whereCaseVisible(q, scope);
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
  return registerRowDecoder.rows(
    await q
      .orderBy('c.opened_at')
      .orderBy('c.id')
      .limit(limit)
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
      ),
  );
}
