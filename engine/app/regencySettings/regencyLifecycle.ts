import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import type { SaveOutcome } from '../designer/draftService.ts';
import {
  insertReview,
  insertRevision,
  latestDraft,
  listReviews,
  lockSop,
  type DraftOrigin,
  type DraftWithSource,
} from '../../storage/designer/draftStore.ts';
import { readTopLevel } from '../designer/sourceEdits.ts';
import { definitionInvalid } from '../designer/validateDraft.ts';
import { applyRegencySettings, checkRegencyText, type AppliedSettings } from './applyRegencySettings.ts';
import { REGENCY_DOC } from '../../storage/regencies/regencyStore.ts';

/** The regency a text names must be the one edited (when the text can be read at all). */
function assertSameRegency(regencyId: string, source: string): void {
  const id = readTopLevel(source, 'id');
  if (id !== undefined && id !== regencyId)
    throw new AppError(
      'VALIDATION_FAILED',
      `Pengenal di dalam regency.yaml (${id}) berbeda dengan kabupaten yang disunting (${regencyId}).`,
      '/source',
    );
}

/**
 * Saves a new revision of the regency settings draft. Like an SOP draft, every save is kept and a save
 * based on an older revision than the newest is refused with both, so two admins never overwrite each other.
 */
export async function saveRegencyRevision(
  db: Knex,
  user: AuthUser,
  request: { source: string; baseRevision: number; origin?: DraftOrigin; note?: string },
): Promise<SaveOutcome> {
  assertSameRegency(user.regencyId, request.source);
  return db.transaction(async (trx) => {
    await lockSop(trx, user.regencyId, REGENCY_DOC);
    const latest = await latestDraft(trx, user.regencyId, REGENCY_DOC);
    if ((latest?.revision ?? 0) !== request.baseRevision) {
      if (!latest)
        throw new AppError(
          'VALIDATION_FAILED',
          `Revisi dasar ${request.baseRevision} tidak ada; pengaturan kabupaten belum memiliki draf.`,
          '/baseRevision',
        );
      const { source: _source, ...summary } = latest;
      return { ok: false, conflict: { baseRevision: request.baseRevision, latest: summary } };
    }
    const revision = await insertRevision(trx, {
      regencyId: user.regencyId,
      sopId: REGENCY_DOC,
      revision: request.baseRevision + 1,
      source: request.source,
      name: readTopLevel(request.source, 'name') ?? user.regencyId,
      origin: request.origin ?? 'save',
      note: request.note ?? null,
      savedBy: user.id,
      savedByName: user.name,
    });
    return { ok: true, revision };
  });
}

async function newestRevision(db: Knex, regencyId: string, revision: number): Promise<DraftWithSource> {
  const latest = await latestDraft(db, regencyId, REGENCY_DOC);
  if (!latest) throw new AppError('NOT_FOUND', 'Pengaturan kabupaten belum memiliki draf.', '/revision');
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

async function assertSubmitted(db: Knex, regencyId: string, revision: number): Promise<void> {
  const review = (await listReviews(db, regencyId, REGENCY_DOC))[0];
  if (review?.revision !== revision || review.action !== 'submitted')
    throw new AppError(
      'CONFLICT',
      'Revisi ini belum diajukan untuk disahkan.',
      '/revision',
      undefined,
      'NOT_SUBMITTED',
    );
}

/** An admin submits the newest settings revision for approval; it must pass its own checks first. */
export async function submitRegencySettings(db: Knex, user: AuthUser, revision: number, note?: string): Promise<void> {
  await lockSop(db, user.regencyId, REGENCY_DOC);
  const draft = await newestRevision(db, user.regencyId, revision);
  const load = checkRegencyText(draft.source, user.regencyId);
  if (!load.regency) throw definitionInvalid(load.errors, 'Pengaturan kabupaten');
  const last = (await listReviews(db, user.regencyId, REGENCY_DOC))[0];
  if (last?.revision === revision && last.action === 'submitted')
    throw new AppError('CONFLICT', 'Revisi ini sudah diajukan.', '/revision', undefined, 'ALREADY_SUBMITTED');
  await insertReview(db, {
    regencyId: user.regencyId,
    sopId: REGENCY_DOC,
    revision,
    action: 'submitted',
    version: null,
    note: note ?? null,
    by: user.id,
    byName: user.name,
  });
}

/** An approver returns a submitted settings revision with a note. */
export async function returnRegencySettings(db: Knex, user: AuthUser, revision: number, note: string): Promise<void> {
  await lockSop(db, user.regencyId, REGENCY_DOC);
  await newestRevision(db, user.regencyId, revision);
  await assertSubmitted(db, user.regencyId, revision);
  await insertReview(db, {
    regencyId: user.regencyId,
    sopId: REGENCY_DOC,
    revision,
    action: 'returned',
    version: null,
    note,
    by: user.id,
    byName: user.name,
  });
}

/** An approver approves a submitted revision: it is in force at once (see applyRegencySettings). */
export async function approveRegencySettings(db: Knex, user: AuthUser, revision: number): Promise<AppliedSettings> {
  await lockSop(db, user.regencyId, REGENCY_DOC);
  const draft = await newestRevision(db, user.regencyId, revision);
  await assertSubmitted(db, user.regencyId, revision);
  const applied = await applyRegencySettings(db, {
    regencyId: user.regencyId,
    source: draft.source,
    by: user.id,
    byName: user.name,
  });
  await insertReview(db, {
    regencyId: user.regencyId,
    sopId: REGENCY_DOC,
    revision,
    action: 'published',
    version: applied.version,
    note: null,
    by: user.id,
    byName: user.name,
  });
  return applied;
}
