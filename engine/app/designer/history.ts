import type { Knex } from 'knex';
import { userNamesOf } from '../../storage/accounts/userNames.ts';
import { getVersion, listVersions } from '../../storage/definitionRepository.ts';
import { AppError } from '../appErrors.ts';
import {
  draftRevision,
  listDraftRevisions,
  listReviews,
  type DraftRevision,
  type ReviewEntry,
} from '../../storage/designer/draftStore.ts';
import { lineDiff, type LineDiff } from './lineDiff.ts';

/** Everything that happened to an SOP: published versions, draft revisions and review steps. */
export interface SopHistory {
  versions: Array<{ version: number; publishedAt: string; publishedBy: string }>;
  revisions: DraftRevision[];
  reviews: ReviewEntry[];
}

/** The history of one SOP, newest first in each list. */
export async function sopHistory(db: Knex, regencyId: string, sopId: string): Promise<SopHistory> {
  const listed = await listVersions(db, regencyId, sopId);
  // Versions record the publisher's user id; the history shows their name (folder loads keep the system label).
  const names = await userNamesOf(db, regencyId, [...new Set(listed.map((v) => v.publishedBy))]);
  const versions = listed.map(({ version, publishedAt, publishedBy }) => ({
    version,
    publishedAt,
    publishedBy: names.get(publishedBy) ?? publishedBy,
  }));
  return {
    versions,
    revisions: await listDraftRevisions(db, regencyId, sopId),
    reviews: await listReviews(db, regencyId, sopId),
  };
}

/** A text to compare: `v<N>` is published version N, `r<N>` is draft revision N. */
export async function sourceOf(
  db: Knex,
  regencyId: string,
  sopId: string,
  ref: string,
): Promise<{ label: string; source: string }> {
  const match = /^([vr])([0-9]{1,9})$/.exec(ref);
  if (!match)
    throw new AppError(
      'VALIDATION_FAILED',
      `Rujukan "${ref}" tidak dikenal: pakai v<nomor> untuk versi atau r<nomor> untuk revisi draf.`,
    );
  const n = Number(match[2]);
  if (match[1] === 'v') {
    const version = await getVersion(db, regencyId, sopId, n);
    if (!version) throw new AppError('NOT_FOUND', `Versi ${n} tidak ditemukan.`);
    return { label: `Versi ${n}`, source: version.source };
  }
  const revision = await draftRevision(db, regencyId, sopId, n);
  if (!revision) throw new AppError('NOT_FOUND', `Revisi ${n} tidak ditemukan.`);
  return { label: `Revisi ${n}`, source: revision.source };
}

/** What a diff compares when not told: the latest published version against the newest text. */
async function defaultRefs(db: Knex, regencyId: string, sopId: string): Promise<{ from: string; to: string }> {
  const versions = await listVersions(db, regencyId, sopId);
  const revisions = await listDraftRevisions(db, regencyId, sopId);
  const newest = revisions[0] ? `r${revisions[0].revision}` : versions[0] ? `v${versions[0].version}` : undefined;
  if (newest === undefined) throw new AppError('NOT_FOUND', 'SOP tidak ditemukan.');
  const base = versions[0] ? `v${versions[0].version}` : revisions[1] ? `r${revisions[1].revision}` : newest;
  return { from: base, to: newest };
}

/** A readable line diff between any two versions or revisions of an SOP (by default: published → newest). */
export async function diffBetween(
  db: Knex,
  regencyId: string,
  sopId: string,
  from: string | undefined,
  to: string | undefined,
): Promise<{ from: string; to: string; diff: LineDiff }> {
  const defaults = from === undefined || to === undefined ? await defaultRefs(db, regencyId, sopId) : undefined;
  const a = await sourceOf(db, regencyId, sopId, from ?? defaults!.from);
  const b = await sourceOf(db, regencyId, sopId, to ?? defaults!.to);
  return { from: a.label, to: b.label, diff: lineDiff(a.source, b.source) };
}
