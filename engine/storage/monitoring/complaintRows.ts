import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { sopCondition, type PeriodScope } from './sopCondition.ts';
import { sqlRows } from '../sqlRows.ts';
import { rowDecoder } from '../rowDecoder.ts';

const ComplaintsAboutServiceRowSchema = Type.Object({
  sop_id: Type.String(),
  complaints: Type.Number(),
  open: Type.Number(),
  concerned: Type.Number(),
});

/** One row of complaintsAboutServiceRows. */
export type ComplaintsAboutServiceRow = Static<typeof ComplaintsAboutServiceRowSchema>;

// Compiled once, at module load.
const complaintsAboutServiceRowDecoder = rowDecoder('complaintsAboutServiceRows', ComplaintsAboutServiceRowSchema);

const ComplaintIntakeRowSchema = Type.Object({
  sop_id: Type.String(),
  opened: Type.Number(),
  open: Type.Number(),
  linked: Type.Number(),
});

/** One row of complaintIntakeRows. */
export type ComplaintIntakeRow = Static<typeof ComplaintIntakeRowSchema>;

// Compiled once, at module load.
const complaintIntakeRowDecoder = rowDecoder('complaintIntakeRows', ComplaintIntakeRowSchema);

/** Complaint cases opened in the period per service they concern (through case_links), most complained first. */
export async function complaintsAboutServiceRows(db: Knex, scope: PeriodScope): Promise<ComplaintsAboutServiceRow[]> {
  const sop = sopCondition(scope, 't');
  return sqlRows(
    db,
    `SELECT t.sop_id, count(*)::int AS complaints,
       count(*) FILTER (WHERE f.status IN ('open', 'waiting'))::int AS open,
       count(DISTINCT t.id)::int AS concerned
     FROM case_links l
     JOIN cases f ON f.id = l.from_case_id AND f.regency_id = l.regency_id
     JOIN cases t ON t.id = l.to_case_id AND t.regency_id = l.regency_id
     WHERE l.regency_id = ? AND l.kind = 'complaint' AND f.opened_at >= ? AND f.opened_at < ?${sop.sql}
     GROUP BY t.sop_id
     ORDER BY complaints DESC, t.sop_id`,
    [scope.regencyId, scope.from, scope.to, ...sop.bindings],
    complaintsAboutServiceRowDecoder,
  );
}

/** Cases of the given complaint SOPs opened in the period: how many, still open, and linked to what they concern. */
export async function complaintIntakeRows(
  db: Knex,
  scope: Pick<PeriodScope, 'regencyId' | 'from' | 'to'>,
  complaintSops: readonly string[],
): Promise<ComplaintIntakeRow[]> {
  if (complaintSops.length === 0) return [];
  return sqlRows(
    db,
    `SELECT f.sop_id, count(*)::int AS opened,
       count(*) FILTER (WHERE f.status IN ('open', 'waiting'))::int AS open,
       count(l.id)::int AS linked
     FROM cases f LEFT JOIN case_links l ON l.from_case_id = f.id AND l.kind = 'complaint'
     WHERE f.regency_id = ? AND f.opened_at >= ? AND f.opened_at < ? AND f.sop_id IN (${complaintSops.map(() => '?').join(', ')})
     GROUP BY f.sop_id
     ORDER BY f.sop_id`,
    [scope.regencyId, scope.from, scope.to, ...complaintSops],
    complaintIntakeRowDecoder,
  );
}
