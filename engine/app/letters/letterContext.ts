import type { Knex } from 'knex';
import {
  REJECTION_STEP,
  type LetterTemplate,
  type Output,
  type RawRegency,
  type SopDefinition,
} from '../../definition/sopTypes.ts';
import { loadCase, loadEvents, type StoredCase } from '../../storage/caseRepository.ts';
import { getRegency, getVersionById, type RegencySnapshot } from '../../storage/definitionRepository.ts';
import { AppError } from '../appErrors.ts';
import { sqlOf } from '../../storage/sql.ts';

/** What every letter action needs: the case, its SOP version, the output's step and template, the regency. */
export interface LetterContext {
  stored: StoredCase;
  definition: SopDefinition;
  snapshot: RegencySnapshot;
  regency: RawRegency;
  stepId: string;
  outputName: string;
  template: LetterTemplate;
  events: Awaited<ReturnType<typeof loadEvents>>;
}

/** The output of that id and the step producing it; the rejection letter belongs to REJECTION_STEP. */
export function outputOf(definition: SopDefinition, outputId: string): { stepId: string; output: Output } | undefined {
  if (definition.rejectionLetter?.id === outputId)
    return { stepId: REJECTION_STEP, output: definition.rejectionLetter };
  const step = definition.steps.find((s) => s.outputs.some((o) => o.id === outputId));
  const output = step?.outputs.find((o) => o.id === outputId);
  return step && output ? { stepId: step.id, output } : undefined;
}

/** Loads a case's output with its template, refusing outputs without one or whose step is not done yet. */
export async function loadLetterContext(
  db: Knex,
  regencyId: string,
  caseId: string,
  outputId: string,
  /** A preview of an existing draft does not ask again whether its step is done. */
  requireProduced = true,
): Promise<LetterContext> {
  const stored = await loadCase(db, regencyId, caseId);
  if (!stored) throw new AppError('NOT_FOUND', 'Kasus tidak ditemukan.');
  const version = await getVersionById(sqlOf(db), regencyId, stored.versionId);
  if (!version) throw new AppError('INTERNAL', 'Versi SOP kasus ini tidak ditemukan.');
  const definition = version.definition;
  const found = outputOf(definition, outputId);
  if (!found) throw new AppError('NOT_FOUND', 'Keluaran tidak ada pada SOP ini.', '/outputId');
  const { stepId, output } = found;
  if (!output.template) throw new AppError('UNPROCESSABLE', 'Keluaran ini tidak memiliki templat surat.');
  const events = await loadEvents(db, regencyId, caseId);
  if (requireProduced && stepId === REJECTION_STEP && !events.some((e) => e.type === 'case.rejected'))
    throw new AppError('UNPROCESSABLE', 'Surat penolakan baru dapat disiapkan setelah permohonan ditolak.');
  if (
    requireProduced &&
    stepId !== REJECTION_STEP &&
    !events.some((e) => e.type === 'step.completed' && e.stepId === stepId)
  )
    throw new AppError('UNPROCESSABLE', 'Langkah yang menghasilkan dokumen ini belum selesai.');
  const regency = await getRegency(db, regencyId);
  if (!regency) throw new AppError('INTERNAL', 'Konfigurasi kabupaten tidak ditemukan.');
  return {
    stored,
    definition,
    snapshot: version.regencySnapshot,
    regency,
    stepId,
    outputName: output.name,
    template: output.template,
    events,
  };
}
