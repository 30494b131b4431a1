import type { Knex } from 'knex';
import { stringify } from 'yaml';
import { designerStatus, type DesignerStatus } from '../designer/designerStatus.ts';
import { latestDraft, listReviews, type DraftRevision, type ReviewEntry } from '../../storage/designer/draftStore.ts';
import { AppError } from '../appErrors.ts';
import { listRegencyVersions, REGENCY_DOC, storedRegency } from '../../storage/regencies/regencyStore.ts';

/** What the settings editor opens: the newest text of regency.yaml and where it stands. */
export interface RegencyWorkingCopy {
  regencyId: string;
  name: string;
  status: DesignerStatus;
  /** Newest draft revision (0 when none: the text is then the settings in force). */
  revision: number;
  source: string;
  latestDraft: DraftRevision | null;
  publishedVersion: number | null;
  reviews: ReviewEntry[];
  managedInApp: boolean;
}

/** The text of the settings in force (a regency loaded before the text was kept shows its configuration as YAML). */
export async function sourceInForce(db: Knex, regencyId: string): Promise<string> {
  const stored = await storedRegency(db, regencyId);
  if (!stored) throw new AppError('NOT_FOUND', 'Kabupaten tidak ditemukan.', '/regency');
  return stored.source ?? stringify(stored.config, { lineWidth: 0 });
}

/** The newest regency.yaml text: the latest draft revision, else the settings in force. */
export async function regencyWorkingCopy(db: Knex, regencyId: string): Promise<RegencyWorkingCopy> {
  const stored = await storedRegency(db, regencyId);
  if (!stored) throw new AppError('NOT_FOUND', 'Kabupaten tidak ditemukan.', '/regency');
  const draft = await latestDraft(db, regencyId, REGENCY_DOC);
  const versions = await listRegencyVersions(db, regencyId);
  const reviews = await listReviews(db, regencyId, REGENCY_DOC);
  const { source: _source, ...latest } = draft ?? { source: '' };
  return {
    regencyId,
    name: stored.name,
    status: designerStatus(draft?.revision, reviews[0], true),
    revision: draft?.revision ?? 0,
    source: draft?.source ?? stored.source ?? stringify(stored.config, { lineWidth: 0 }),
    latestDraft: draft ? (latest as DraftRevision) : null,
    publishedVersion: versions[0]?.version ?? null,
    reviews,
    managedInApp: stored.managedInApp,
  };
}
