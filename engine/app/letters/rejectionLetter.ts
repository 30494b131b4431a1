import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { getVersionById } from '../../storage/definitionRepository.ts';
import { loadCase } from '../../storage/caseRepository.ts';
import { prepareLetter, type LetterDraft } from './letterDrafts.ts';
import { sqlOf } from '../../storage/sql.ts';

/**
 * After a rejection by hand, prepares the SOP's rejection letter (reason and complaint channels frozen
 * in) for the paraf and signature chain. A SOP without one, or a letter that cannot be filled yet (a
 * required value missing), leaves the rejection as it is: staff prepare it from the case page later.
 */
export async function prepareRejectionLetter(
  db: Knex,
  user: AuthUser,
  caseId: string,
  now = new Date(),
): Promise<LetterDraft | undefined> {
  const stored = await loadCase(db, user.regencyId, caseId);
  const version = stored && (await getVersionById(sqlOf(db), user.regencyId, stored.versionId));
  const letter = version?.definition.rejectionLetter;
  if (!letter) return undefined;
  try {
    return await prepareLetter(db, user, caseId, letter.id, now);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'UNPROCESSABLE' || error.code === 'CONFLICT')) return undefined;
    throw error;
  }
}
