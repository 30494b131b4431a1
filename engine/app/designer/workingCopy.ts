import type { Knex } from 'knex';
import { getLatestVersion } from '../../storage/definitionRepository.ts';
import { folderDefinition } from '../../storage/designer/designerSopRows.ts';
import { designerStatus, type DesignerStatus } from './designerStatus.ts';
import { latestDraft, listReviews, type DraftRevision, type ReviewEntry } from '../../storage/designer/draftStore.ts';

/** What the editor opens: the newest text of an SOP and where it stands. */
export interface WorkingCopy {
  sopId: string;
  name: string;
  status: DesignerStatus;
  /** Newest draft revision (0 when the SOP has none yet: the text is then the published or folder one). */
  revision: number;
  source: string;
  latestDraft: DraftRevision | null;
  publishedVersion: number | null;
  reviews: ReviewEntry[];
}

/** The newest text of an SOP: its latest draft, else the draft loaded from the folder, else the latest version. */
export async function loadWorkingCopy(db: Knex, regencyId: string, sopId: string): Promise<WorkingCopy | undefined> {
  const draft = await latestDraft(db, regencyId, sopId);
  const version = await getLatestVersion(db, regencyId, sopId);
  const folder = await folderDefinition(db, regencyId, sopId);
  const source = draft?.source ?? folder?.draftSource ?? version?.source;
  if (source === undefined) return undefined;
  const reviews = await listReviews(db, regencyId, sopId);
  const { source: _source, ...latest } = draft ?? { source: '' };
  return {
    sopId,
    name: draft?.name ?? folder?.name ?? version?.definition.name ?? sopId,
    status: designerStatus(draft?.revision, reviews[0], version !== undefined),
    revision: draft?.revision ?? 0,
    source,
    latestDraft: draft ? (latest as DraftRevision) : null,
    publishedVersion: version?.version ?? null,
    reviews,
  };
}
