import type { Knex } from 'knex';
import { designerStatus, type DesignerStatus } from './designerStatus.ts';
import { designerDefinitions } from '../../storage/designer/designerSopRows.ts';
import { latestDraftsOfRegency, latestReviewsOfRegency } from '../../storage/designer/draftStore.ts';

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

/** Every SOP of the regency (published, loaded as a draft from the folder, or drafted in the designer). */
export async function listDesignerSops(db: Knex, regencyId: string): Promise<DesignerSopRow[]> {
  const definitions = await designerDefinitions(db, regencyId);
  const drafts = new Map((await latestDraftsOfRegency(db, regencyId)).map((d) => [d.sopId, d]));
  const reviews = new Map((await latestReviewsOfRegency(db, regencyId)).map((r) => [r.sopId, r]));
  const rows: DesignerSopRow[] = definitions.map((d) => {
    const draft = drafts.get(d.sopId);
    drafts.delete(d.sopId);
    const publishedAt = d.publishedAt ?? d.updatedAt;
    const draftIsNewer = draft !== undefined && draft.savedAt > publishedAt;
    return {
      sopId: d.sopId,
      name: draft?.name ?? d.name,
      unit: d.unit,
      status: designerStatus(draft?.revision, reviews.get(d.sopId), d.latestVersion !== null),
      publishedVersion: d.latestVersion,
      effectiveDate: d.effective,
      revision: draft?.revision ?? 0,
      changedAt: draftIsNewer ? draft.savedAt : publishedAt,
      changedBy: draftIsNewer ? draft.savedByName : (d.publishedByName ?? 'sistem'),
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
