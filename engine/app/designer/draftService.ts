import type { Knex } from 'knex';
import { getLatestVersion } from '../../storage/definitionRepository.ts';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import {
  insertRevision,
  latestDraft,
  lockSop,
  type DraftOrigin,
  type DraftRevision,
} from '../../storage/designer/draftStore.ts';
import { readTopLevel } from './sourceEdits.ts';

/** A save of a draft: the text, and the revision the drafter started from (0 for the first). */
export interface SaveRequest {
  sopId: string;
  source: string;
  baseRevision: number;
  origin?: DraftOrigin;
  note?: string;
  basedOnVersion?: number | null;
}

/** Both sides of a refused save: the revision the drafter started from and the one saved since. */
export interface DraftConflict {
  baseRevision: number;
  latest: DraftRevision;
}

/** A saved revision, or the conflict that stopped it (nothing was written). */
export type SaveOutcome = { ok: true; revision: DraftRevision } | { ok: false; conflict: DraftConflict };

/** The id written in the YAML must be the SOP being edited (when the text can be read at all). */
function assertSameId(sopId: string, source: string): void {
  const id = readTopLevel(source, 'id');
  if (id !== undefined && id !== sopId)
    throw new AppError(
      'VALIDATION_FAILED',
      `Pengenal di dalam definisi (${id}) berbeda dengan SOP yang disunting (${sopId}).`,
      '/source',
    );
}

/**
 * Saves a new revision of an SOP's draft. Every save is kept; a save based on an older revision than the
 * newest is refused with both revisions, so two drafters never silently overwrite each other.
 */
export async function saveRevision(db: Knex, user: AuthUser, request: SaveRequest): Promise<SaveOutcome> {
  assertSameId(request.sopId, request.source);
  return db.transaction(async (trx) => {
    await lockSop(trx, user.regencyId, request.sopId);
    const latest = await latestDraft(trx, user.regencyId, request.sopId);
    if ((latest?.revision ?? 0) !== request.baseRevision) {
      if (!latest)
        throw new AppError(
          'VALIDATION_FAILED',
          `Revisi dasar ${request.baseRevision} tidak ada; SOP ini belum memiliki draf.`,
          '/baseRevision',
        );
      const { source: _source, ...summary } = latest;
      return { ok: false, conflict: { baseRevision: request.baseRevision, latest: summary } };
    }
    const basedOnVersion =
      request.basedOnVersion !== undefined
        ? request.basedOnVersion
        : latest
          ? latest.basedOnVersion
          : ((await getLatestVersion(trx, user.regencyId, request.sopId))?.version ?? null);
    const revision = await insertRevision(trx, {
      regencyId: user.regencyId,
      sopId: request.sopId,
      revision: request.baseRevision + 1,
      source: request.source,
      name: readTopLevel(request.source, 'name') ?? latest?.name ?? request.sopId,
      origin: request.origin ?? 'save',
      basedOnVersion,
      note: request.note ?? null,
      savedBy: user.id,
      savedByName: user.name,
    });
    return { ok: true, revision };
  });
}
