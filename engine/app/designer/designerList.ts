import type { Knex } from 'knex';
import { designerStatus, type DesignerStatus } from './designerStatus.ts';
import { latestDraftsOfRegency, latestReviewsOfRegency } from './draftStore.ts';

/** One row of the designer's SOP list. */
export interface DesignerSopRow {
  sopId: string;
  name: string;
  unit: string | null;
  status: DesignerStatus;
  publishedVersion: number | null;
  effectiveDate: string | null;
  /** Newest draft revision (0 when none). */
  revision: number;
  /** When and by whom the SOP last changed (a save, or a publication). */
  changedAt: string;
  changedBy: string;
}

type DefinitionRow = {
  sop_id: string;
  name: string;
  unit: string | null;
  latest_version: number | null;
  updated_at: Date | string;
  effective: string | null;
  published_at: Date | string | null;
  published_by_name: string | null;
};

/** Every SOP of the regency (published, loaded as a draft from the folder, or drafted in the designer). */
export async function listDesignerSops(db: Knex, regencyId: string): Promise<DesignerSopRow[]> {
  const definitions = (await db('definitions as d')
    .leftJoin(
      'definition_versions as v',
      (j) =>
        void j.on('v.regency_id', 'd.regency_id').andOn('v.sop_id', 'd.sop_id').andOn('v.version', 'd.latest_version'),
    )
    .leftJoin('users as u', 'u.id', 'v.published_by')
    .where('d.regency_id', regencyId)
    .select(
      'd.sop_id',
      'd.name',
      'd.unit',
      'd.latest_version',
      'd.updated_at',
      db.raw(`v.definition->'dates'->>'effective' as effective`),
      'v.published_at',
      db.raw(`coalesce(u.display_name, v.published_by) as published_by_name`),
    )) as DefinitionRow[];
  const drafts = new Map((await latestDraftsOfRegency(db, regencyId)).map((d) => [d.sopId, d]));
  const reviews = new Map((await latestReviewsOfRegency(db, regencyId)).map((r) => [r.sopId, r]));
  const rows: DesignerSopRow[] = definitions.map((d) => {
    const draft = drafts.get(d.sop_id);
    drafts.delete(d.sop_id);
    const publishedAt = d.published_at ? new Date(d.published_at).toISOString() : new Date(d.updated_at).toISOString();
    const draftIsNewer = draft !== undefined && draft.savedAt > publishedAt;
    return {
      sopId: d.sop_id,
      name: draft?.name ?? d.name,
      unit: d.unit,
      status: designerStatus(draft?.revision, reviews.get(d.sop_id), d.latest_version !== null),
      publishedVersion: d.latest_version,
      effectiveDate: d.effective,
      revision: draft?.revision ?? 0,
      changedAt: draftIsNewer ? draft.savedAt : publishedAt,
      changedBy: draftIsNewer ? draft.savedByName : (d.published_by_name ?? 'sistem'),
    };
  });
  for (const draft of drafts.values()) {
    rows.push({
      sopId: draft.sopId,
      name: draft.name,
      unit: null,
      status: designerStatus(draft.revision, reviews.get(draft.sopId), false),
      publishedVersion: null,
      effectiveDate: null,
      revision: draft.revision,
      changedAt: draft.savedAt,
      changedBy: draft.savedByName,
    });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'id'));
}
