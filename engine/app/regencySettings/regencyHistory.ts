import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';
import {
  draftRevision,
  listDraftRevisions,
  listReviews,
  type DraftRevision,
  type ReviewEntry,
} from '../../storage/designer/draftStore.ts';
import { lineDiff, type LineDiff } from '../designer/lineDiff.ts';
import { sourceInForce } from './regencyWorkingCopy.ts';
import { listRegencyVersions, REGENCY_DOC } from '../../storage/regencies/regencyStore.ts';

/** Everything that happened to a regency's settings in the app, newest first in each list. */
export interface RegencyHistory {
  versions: Array<{ version: number; publishedAt: string; publishedBy: string }>;
  revisions: DraftRevision[];
  reviews: ReviewEntry[];
}

/** Approved versions, draft revisions and review steps of the regency settings. */
export async function regencyHistory(db: Knex, regencyId: string): Promise<RegencyHistory> {
  const versions = (await listRegencyVersions(db, regencyId)).map((v) => ({
    version: v.version,
    publishedAt: v.publishedAt,
    publishedBy: v.publishedByName,
  }));
  return {
    versions,
    revisions: await listDraftRevisions(db, regencyId, REGENCY_DOC),
    reviews: await listReviews(db, regencyId, REGENCY_DOC),
  };
}

/** A text to compare: `berlaku` (in force), `v<N>` (approved version N) or `r<N>` (draft revision N). */
async function textOf(db: Knex, regencyId: string, ref: string): Promise<{ label: string; source: string }> {
  if (ref === 'berlaku') return { label: 'Berlaku', source: await sourceInForce(db, regencyId) };
  const match = /^([vr])([0-9]{1,9})$/.exec(ref);
  if (!match)
    throw new AppError(
      'VALIDATION_FAILED',
      `Rujukan "${ref}" tidak dikenal: pakai berlaku, v<nomor> untuk versi atau r<nomor> untuk revisi draf.`,
      '/query',
    );
  const n = Number(match[2]);
  if (match[1] === 'v') {
    const version = (await listRegencyVersions(db, regencyId)).find((v) => v.version === n);
    if (!version) throw new AppError('NOT_FOUND', `Versi ${n} tidak ditemukan.`);
    return { label: `Versi ${n}`, source: version.source };
  }
  const revision = await draftRevision(db, regencyId, REGENCY_DOC, n);
  if (!revision) throw new AppError('NOT_FOUND', `Revisi ${n} tidak ditemukan.`);
  return { label: `Revisi ${n}`, source: revision.source };
}

/** A line diff between two texts of the settings (by default: in force → newest draft revision). */
export async function regencyDiff(
  db: Knex,
  regencyId: string,
  from: string | undefined,
  to: string | undefined,
): Promise<{ from: string; to: string; diff: LineDiff }> {
  const newest = (await listDraftRevisions(db, regencyId, REGENCY_DOC))[0];
  const a = await textOf(db, regencyId, from ?? 'berlaku');
  const b = await textOf(db, regencyId, to ?? (newest ? `r${newest.revision}` : 'berlaku'));
  return { from: a.label, to: b.label, diff: lineDiff(a.source, b.source) };
}
