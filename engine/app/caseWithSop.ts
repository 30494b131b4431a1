import type { Knex } from 'knex';
import type { WorkingCalendar } from '../calendar/workingCalendar.ts';
import type { ExecutableSop } from '../core/compileSop.ts';
import { loadCase, type StoredCase } from '../storage/caseRepository.ts';
import type { Sql } from '../storage/sql.ts';
import { AppError } from './appErrors.ts';
import { executableOfVersionId } from './executableCache.ts';

/** A case with the compiled SOP version it runs on. */
export interface CaseWithSop {
  stored: StoredCase;
  exe: ExecutableSop;
  calendar: WorkingCalendar;
}

/** Loads a case of the regency with its SOP version compiled: 404 when there is no such case. */
export async function loadCaseWithSop(db: Knex, sql: Sql, regencyId: string, caseId: string): Promise<CaseWithSop> {
  const stored = await loadCase(db, regencyId, caseId);
  if (!stored) throw new AppError('NOT_FOUND', 'Kasus tidak ditemukan.');
  const compiled = await executableOfVersionId(sql, regencyId, stored.versionId);
  if (!compiled) throw new AppError('INTERNAL', 'Versi SOP kasus ini tidak ditemukan.');
  return { stored, ...compiled };
}
