import { Type, type Static } from '@sinclair/typebox';
import type { Knex } from 'knex';
import { Nullable, Timestamp } from '../rowColumns.ts';
import { rowDecoder } from '../rowDecoder.ts';

/** One saved revision of an SOP draft (every save is kept). */
export interface DraftRevision {
  sopId: string;
  revision: number;
  name: string;
  origin: DraftOrigin;
  basedOnVersion: number | null;
  note: string | null;
  savedBy: string;
  savedByName: string;
  savedAt: string;
}

/** How a revision came to be. */
export type DraftOrigin = 'save' | 'template' | 'copy' | 'import' | 'revert' | 'folder' | 'document';

/** A revision with its YAML source. */
export interface DraftWithSource extends DraftRevision {
  source: string;
}

/** A step of a revision's review: submitted for approval, returned to the drafter, or published. */
export interface ReviewEntry {
  sopId: string;
  revision: number;
  action: 'submitted' | 'returned' | 'published';
  version: number | null;
  note: string | null;
  by: string;
  byName: string;
  at: string;
}

const DraftRowSchema = Type.Object({
  sop_id: Type.String(),
  revision: Type.Number(),
  name: Type.String(),
  origin: Type.Union(
    (['save', 'template', 'copy', 'import', 'revert', 'folder', 'document'] as const).map((o) => Type.Literal(o)),
  ),
  based_on_version: Nullable(Type.Number()),
  note: Nullable(Type.String()),
  saved_by: Type.String(),
  saved_by_name: Type.String(),
  saved_at: Timestamp,
});
type DraftRow = Static<typeof DraftRowSchema>;
const ReviewRowSchema = Type.Object({
  sop_id: Type.String(),
  revision: Type.Number(),
  action: Type.Union([Type.Literal('submitted'), Type.Literal('returned'), Type.Literal('published')]),
  version: Nullable(Type.Number()),
  note: Nullable(Type.String()),
  by: Type.String(),
  by_name: Type.String(),
  at: Timestamp,
});
type ReviewRow = Static<typeof ReviewRowSchema>;

// Compiled once, at module load.
const draftRows = rowDecoder('definition_drafts', DraftRowSchema);
const draftSourceRows = rowDecoder(
  'definition_drafts (with source)',
  Type.Composite([DraftRowSchema, Type.Object({ source: Type.String() })]),
);
const reviewRows = rowDecoder('definition_reviews', ReviewRowSchema);

const DRAFT_COLUMNS = [
  'sop_id',
  'revision',
  'name',
  'origin',
  'based_on_version',
  'note',
  'saved_by',
  'saved_by_name',
  'saved_at',
];

function toDraft(row: DraftRow): DraftRevision {
  return {
    sopId: row.sop_id,
    revision: row.revision,
    name: row.name,
    origin: row.origin,
    basedOnVersion: row.based_on_version,
    note: row.note,
    savedBy: row.saved_by,
    savedByName: row.saved_by_name,
    savedAt: new Date(row.saved_at).toISOString(),
  };
}

function toReview(row: ReviewRow): ReviewEntry {
  return {
    sopId: row.sop_id,
    revision: row.revision,
    action: row.action,
    version: row.version,
    note: row.note,
    by: row.by,
    byName: row.by_name,
    at: new Date(row.at).toISOString(),
  };
}

/** The newest revision of an SOP's draft, with its source. */
export async function latestDraft(db: Knex, regencyId: string, sopId: string): Promise<DraftWithSource | undefined> {
  const row = draftSourceRows.first(
    await db('definition_drafts')
      .where({ regency_id: regencyId, sop_id: sopId })
      .orderBy('revision', 'desc')
      .first([...DRAFT_COLUMNS, 'source']),
  );
  return row ? { ...toDraft(row), source: row.source } : undefined;
}

/** One revision with its source. */
export async function draftRevision(
  db: Knex,
  regencyId: string,
  sopId: string,
  revision: number,
): Promise<DraftWithSource | undefined> {
  const row = draftSourceRows.first(
    await db('definition_drafts')
      .where({ regency_id: regencyId, sop_id: sopId, revision })
      .first([...DRAFT_COLUMNS, 'source']),
  );
  return row ? { ...toDraft(row), source: row.source } : undefined;
}

/** Every revision of an SOP's draft, newest first (without sources). */
export async function listDraftRevisions(db: Knex, regencyId: string, sopId: string): Promise<DraftRevision[]> {
  const rows = draftRows.rows(
    await db('definition_drafts')
      .where({ regency_id: regencyId, sop_id: sopId })
      .orderBy('revision', 'desc')
      .select(DRAFT_COLUMNS),
  );
  return rows.map(toDraft);
}

/** The newest revision of every SOP of a regency that has drafts (without sources). */
export async function latestDraftsOfRegency(db: Knex, regencyId: string): Promise<DraftRevision[]> {
  const rows = draftRows.rows(
    await db('definition_drafts as d')
      .where('d.regency_id', regencyId)
      // Documents starting with @ are not SOPs (@regency: the regency settings, engine/app/regencySettings).
      .whereRaw("left(d.sop_id, 1) <> '@'")
      .whereRaw(
        'd.revision = (SELECT max(x.revision) FROM definition_drafts x WHERE x.regency_id = d.regency_id AND x.sop_id = d.sop_id)',
      )
      .select(DRAFT_COLUMNS.map((c) => `d.${c}`)),
  );
  return rows.map(toDraft);
}

/** What a new revision holds. */
export interface NewRevision {
  regencyId: string;
  sopId: string;
  revision: number;
  source: string;
  name: string;
  origin: DraftOrigin;
  basedOnVersion?: number | null;
  note?: string | null;
  savedBy: string;
  savedByName: string;
}

/** Appends a revision; the unique (regency, SOP, revision) key refuses a second writer of the same number. */
export async function insertRevision(db: Knex, input: NewRevision): Promise<DraftRevision> {
  const [row] = draftRows.rows(
    await db('definition_drafts')
      .insert({
        regency_id: input.regencyId,
        sop_id: input.sopId,
        revision: input.revision,
        source: input.source,
        name: input.name,
        origin: input.origin,
        based_on_version: input.basedOnVersion ?? null,
        note: input.note ?? null,
        saved_by: input.savedBy,
        saved_by_name: input.savedByName,
      })
      .returning(DRAFT_COLUMNS),
  );
  return toDraft(row!);
}

/** Serialises writers of one SOP's drafts for the rest of the transaction. */
export async function lockSop(db: Knex, regencyId: string, sopId: string): Promise<void> {
  await db.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`designer:${regencyId}/${sopId}`]);
}

/** Appends a review step. */
export async function insertReview(db: Knex, entry: Omit<ReviewEntry, 'at'> & { regencyId: string }): Promise<void> {
  await db('definition_reviews').insert({
    regency_id: entry.regencyId,
    sop_id: entry.sopId,
    revision: entry.revision,
    action: entry.action,
    version: entry.version,
    note: entry.note,
    by: entry.by,
    by_name: entry.byName,
  });
}

/** The review trail of an SOP, newest first. */
export async function listReviews(db: Knex, regencyId: string, sopId: string): Promise<ReviewEntry[]> {
  const rows = reviewRows.rows(
    await db('definition_reviews').where({ regency_id: regencyId, sop_id: sopId }).orderBy('id', 'desc').select('*'),
  );
  return rows.map(toReview);
}

/** The latest review step of every SOP of a regency. */
export async function latestReviewsOfRegency(db: Knex, regencyId: string): Promise<ReviewEntry[]> {
  const rows = reviewRows.rows(
    await db('definition_reviews as r')
      .where('r.regency_id', regencyId)
      .whereRaw("left(r.sop_id, 1) <> '@'")
      .whereRaw(
        'r.id = (SELECT max(x.id) FROM definition_reviews x WHERE x.regency_id = r.regency_id AND x.sop_id = r.sop_id)',
      )
      .select('r.*'),
  );
  return rows.map(toReview);
}
