import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { insertUnlessDuplicate } from '../insertUnlessDuplicate.ts';
import { BigNumber, Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

const LinkableCaseRowSchema = Type.Object({
  id: Type.String(),
  tracking_code: Type.String(),
  sop_id: Type.String(),
  status: Type.String(),
});

/** A case as a complaint link names it. */
export type LinkableCaseRow = Static<typeof LinkableCaseRowSchema>;

// Compiled once, at module load.
const linkableCaseRows = rowDecoder('findLinkableCase', LinkableCaseRowSchema);

const CaseLinkRowSchema = Type.Object({
  link_id: BigNumber,
  id: Type.String(),
  tracking_code: Type.String(),
  sop_id: Type.String(),
  status: Type.String(),
  opened_at: Timestamp,
  note: Nullable(Type.String()),
  created_at: Timestamp,
});

/** One row of caseLinkRows: the case on the other side of a link, and the link's note and time. */
export type CaseLinkRow = Static<typeof CaseLinkRowSchema>;

// Compiled once, at module load.
const caseLinkRowDecoder = rowDecoder('caseLinkRows', CaseLinkRowSchema);

/** A case of the regency by its tracking code (ALR-…, any case) or its id. */
export async function findLinkableCase(
  db: Knex,
  regencyId: string,
  reference: string,
): Promise<LinkableCaseRow | undefined> {
  const ref = reference.trim();
  const where = /^ALR-/i.test(ref) ? { tracking_code: ref.toUpperCase() } : { id: ref };
  return linkableCaseRows.first(
    await db('cases')
      .where({ ...where, regency_id: regencyId })
      .first('id', 'tracking_code', 'sop_id', 'status'),
  );
}

/** Links a complaint case to the case it concerns; false when the complaint is linked already. */
export async function insertComplaintLink(
  db: Knex,
  link: { regencyId: string; complaintCaseId: string; concernsCaseId: string; note: string | null; createdBy: string },
): Promise<boolean> {
  return insertUnlessDuplicate(db, 'case_links', {
    regency_id: link.regencyId,
    from_case_id: link.complaintCaseId,
    to_case_id: link.concernsCaseId,
    kind: 'complaint',
    note: link.note,
    created_by: link.createdBy,
  });
}

const COLUMNS = [
  'l.id as link_id',
  'c.id',
  'c.tracking_code',
  'c.sop_id',
  'c.status',
  'c.opened_at',
  'l.note',
  'l.created_at',
];

/** The complaint links of a case: the case it complains about, and the complaint cases about it (oldest first). */
export async function caseLinkRows(
  db: Knex,
  regencyId: string,
  caseId: string,
): Promise<{ concerns: CaseLinkRow | undefined; complaints: CaseLinkRow[] }> {
  const concerns = caseLinkRowDecoder.first(
    await db('case_links as l')
      .join('cases as c', 'c.id', 'l.to_case_id')
      .where({ 'l.regency_id': regencyId, 'l.from_case_id': caseId, 'l.kind': 'complaint' })
      .first(COLUMNS),
  );
  const complaints = caseLinkRowDecoder.rows(
    await db('case_links as l')
      .join('cases as c', 'c.id', 'l.from_case_id')
      .where({ 'l.regency_id': regencyId, 'l.to_case_id': caseId, 'l.kind': 'complaint' })
      .orderBy('l.created_at')
      .select(COLUMNS),
  );
  return { concerns, complaints };
}
