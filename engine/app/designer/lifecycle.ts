import type { Knex } from 'knex';
import { getVersion, publishVersion } from '../../storage/definitionRepository.ts';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { regencySnapshot, versionHash } from '../syncDefinitionFolder.ts';
import { saveRevision, type SaveOutcome } from './draftService.ts';
import {
  insertReview,
  latestDraft,
  listReviews,
  lockSop,
  type DraftWithSource,
} from '../../storage/designer/draftStore.ts';
import { assertFourEyes } from './fourEyes.ts';
import { assertReviewed } from './assertReviewed.ts';
import { setPublishHeader, type PublishHeader } from './publishHeader.ts';
import { setTopLevel } from './sourceEdits.ts';
import { currentRegency, definitionInvalid, validateSource } from './validateDraft.ts';

/** The newest revision, which must be the one the caller looked at (else someone saved in between). */
async function newestRevision(db: Knex, regencyId: string, sopId: string, revision: number): Promise<DraftWithSource> {
  const latest = await latestDraft(db, regencyId, sopId);
  if (!latest) throw new AppError('NOT_FOUND', 'SOP ini belum memiliki draf.');
  if (latest.revision !== revision)
    throw new AppError(
      'CONFLICT',
      `Revisi ${revision} bukan revisi terbaru (terbaru: revisi ${latest.revision} oleh ${latest.savedByName}). Muat ulang lalu periksa perubahannya.`,
      '/revision',
      undefined,
      'DRAFT_CONFLICT',
    );
  return latest;
}

/** A drafter submits the newest revision for approval; it must pass every check first. */
export async function submitForApproval(
  db: Knex,
  user: AuthUser,
  sopId: string,
  revision: number,
  note?: string,
): Promise<void> {
  await lockSop(db, user.regencyId, sopId);
  const draft = await newestRevision(db, user.regencyId, sopId, revision);
  const regency = await currentRegency(db, user.regencyId);
  const load = validateSource(regency, draft.source, `${sopId}.yaml`);
  if (!load.definition) throw definitionInvalid(load.errors, 'Draf');
  // Gate at submission: checking a part saves a revision, which an approver must not do on the drafter's behalf.
  assertReviewed(regency, draft.source, sopId, 'diajukan');
  const last = (await listReviews(db, user.regencyId, sopId))[0];
  if (last?.revision === revision && last.action === 'submitted')
    throw new AppError('CONFLICT', 'Revisi ini sudah diajukan.', '/revision', undefined, 'ALREADY_SUBMITTED');
  await insertReview(db, {
    regencyId: user.regencyId,
    sopId,
    revision,
    action: 'submitted',
    version: null,
    note: note ?? null,
    by: user.id,
    byName: user.name,
  });
}

async function assertSubmitted(db: Knex, regencyId: string, sopId: string, revision: number): Promise<void> {
  const review = (await listReviews(db, regencyId, sopId))[0];
  if (review?.revision !== revision || review.action !== 'submitted')
    throw new AppError(
      'CONFLICT',
      'Revisi ini belum diajukan untuk disahkan.',
      '/revision',
      undefined,
      'NOT_SUBMITTED',
    );
}

/** An approver returns a submitted revision to the drafters with a note. */
export async function returnToDrafter(
  db: Knex,
  user: AuthUser,
  sopId: string,
  revision: number,
  note: string,
): Promise<void> {
  await lockSop(db, user.regencyId, sopId);
  await newestRevision(db, user.regencyId, sopId, revision);
  await assertSubmitted(db, user.regencyId, sopId, revision);
  await insertReview(db, {
    regencyId: user.regencyId,
    sopId,
    revision,
    action: 'returned',
    version: null,
    note,
    by: user.id,
    byName: user.name,
  });
}

/**
 * An approver approves a submitted revision and publishes it as a new immutable version (through the same
 * publishVersion as the folder sync, so identical content creates nothing). New cases use it at once.
 * The approver confirms Nomor SOP, Tanggal Efektif and the signer, written into the published header; an
 * approver who edited the content since the last publication is refused (four eyes).
 */
export async function approveAndPublish(
  db: Knex,
  user: AuthUser,
  sopId: string,
  revision: number,
  header: PublishHeader,
): Promise<{ version: number; created: boolean }> {
  await lockSop(db, user.regencyId, sopId);
  const draft = await newestRevision(db, user.regencyId, sopId, revision);
  await assertSubmitted(db, user.regencyId, sopId, revision);
  await assertFourEyes(db, user, sopId);
  const regency = await currentRegency(db, user.regencyId);
  // Again at publishing: a revision submitted before this rule, or by another path, is held to it too.
  assertReviewed(regency, draft.source, sopId, 'disahkan');
  const source = setTopLevel(setPublishHeader(draft.source, header), { status: 'published' });
  const load = validateSource(regency, source, `${sopId}.yaml`);
  if (!load.definition) throw definitionInvalid(load.errors);
  const definition = { ...load.definition, status: 'published' as const };
  const { version, created } = await publishVersion(db, {
    regencyId: regency.id,
    sopId,
    source,
    definition,
    regencySnapshot: regencySnapshot(regency),
    contentHash: versionHash(definition, regency),
    publishedBy: user.id,
  });
  await insertReview(db, {
    regencyId: user.regencyId,
    sopId,
    revision,
    action: 'published',
    version: version.version,
    note: null,
    by: user.id,
    byName: user.name,
  });
  return { version: version.version, created };
}

/** Starts a new draft revision from an old published version (the version itself never changes). */
export async function revertToVersion(
  db: Knex,
  user: AuthUser,
  sopId: string,
  version: number,
  baseRevision: number,
): Promise<SaveOutcome> {
  const old = await getVersion(db, user.regencyId, sopId, version);
  if (!old) throw new AppError('NOT_FOUND', `Versi ${version} tidak ditemukan.`, '/version');
  return saveRevision(db, user, {
    sopId,
    source: setTopLevel(old.source, { status: 'draft' }),
    baseRevision,
    origin: 'revert',
    basedOnVersion: version,
    note: `Dikembalikan ke versi ${version}`,
  });
}
