import type { Knex } from 'knex';
import { placeError, unplaced, type DefinitionError } from '../../definition/definitionError.ts';
import type { RawRegency } from '../../definition/sopTypes.ts';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { saveRevision } from './draftService.ts';
import { latestDraftsOfRegency } from './draftStore.ts';
import type { PackFile } from './packFiles.ts';
import { setTopLevel } from './sourceEdits.ts';
import { currentRegency, validateSource } from './validateDraft.ts';
import { topLevelKeyPosition } from '../../definition/topLevelKeyPosition.ts';

/** What importing one file of a pack would do. */
export interface ImportFileReport {
  file: string;
  sopId: string | null;
  name: string | null;
  /** new: a new SOP; update: a new revision of an existing one; skip: not imported (regency.yaml). */
  action: 'new' | 'update' | 'skip';
  /** The newest revision the import would build on (0: none yet). */
  baseRevision: number;
  errors: DefinitionError[];
  note: string | null;
}

/** The validation report shown before anything is saved. */
export interface ImportReport {
  valid: boolean;
  files: ImportFileReport[];
}

/** Existing SOPs of the regency: id → newest draft revision (0 for an SOP with no designer draft yet). */
export type ExistingSops = ReadonlyMap<string, number>;

/**
 * Checks every file of a pack against the stored regency, like `alur validate` does for a folder:
 * positioned errors per file, duplicate ids across the pack, and what each file would become.
 */
export function checkPack(regency: RawRegency, files: PackFile[], existing: ExistingSops): ImportReport {
  const seen = new Map<string, string>();
  const reports = files.map((file): ImportFileReport => {
    if (file.name === 'regency.yaml') {
      return {
        file: file.name,
        sopId: null,
        name: null,
        action: 'skip',
        baseRevision: 0,
        errors: [],
        note: 'Konfigurasi kabupaten tidak diimpor (dikelola administrator); SOP diperiksa terhadap konfigurasi yang tersimpan.',
      };
    }
    const load = validateSource(regency, file.content, file.name);
    const errors = [...load.errors];
    const sopId = load.raw?.id ?? null;
    if (sopId !== null) {
      const other = seen.get(sopId);
      if (other !== undefined) {
        const at = topLevelKeyPosition(file.content, 'id');
        errors.push(
          placeError(unplaced('DUPLICATE_SOP_ID', '/id', { id: sopId, other }), file.name, at.line, at.column),
        );
      } else seen.set(sopId, file.name);
    }
    const known = sopId !== null ? existing.get(sopId) : undefined;
    return {
      file: file.name,
      sopId,
      name: load.raw?.name ?? null,
      action: known === undefined ? 'new' : 'update',
      baseRevision: known ?? 0,
      errors,
      note: null,
    };
  });
  const imported = reports.filter((r) => r.action !== 'skip');
  return {
    valid: imported.length > 0 && imported.every((r) => r.errors.length === 0 && r.sopId !== null),
    files: reports,
  };
}

/** The regency's SOPs with their newest draft revision, for the report. */
export async function existingSops(db: Knex, regencyId: string): Promise<Map<string, number>> {
  const existing = new Map<string, number>();
  for (const row of (await db('definitions').where({ regency_id: regencyId }).select('sop_id')) as Array<{
    sop_id: string;
  }>)
    existing.set(row.sop_id, 0);
  for (const draft of await latestDraftsOfRegency(db, regencyId)) existing.set(draft.sopId, draft.revision);
  return existing;
}

/** Checks a pack against the user's regency (nothing is saved). */
export async function previewImport(db: Knex, user: AuthUser, files: PackFile[]): Promise<ImportReport> {
  return checkPack(await currentRegency(db, user.regencyId), files, await existingSops(db, user.regencyId));
}

/**
 * Imports a pack all-or-nothing: only when every file passes, and only when no SOP got a new revision
 * since the report (`bases`, from the report); each SOP becomes a new draft revision, never a version.
 */
export async function importPack(
  db: Knex,
  user: AuthUser,
  files: PackFile[],
  bases: Record<string, number>,
): Promise<{ report: ImportReport; saved: Array<{ sopId: string; revision: number }> }> {
  return db.transaction(async (trx) => {
    const report = await previewImport(trx, user, files);
    if (!report.valid) return { report, saved: [] };
    const saved: Array<{ sopId: string; revision: number }> = [];
    for (const entry of report.files) {
      if (entry.action === 'skip' || entry.sopId === null) continue;
      const expected = bases[entry.sopId] ?? 0;
      const content = files.find((f) => f.name === entry.file)!.content;
      const outcome = await saveRevision(trx, user, {
        sopId: entry.sopId,
        source: setTopLevel(content, { status: 'draft' }),
        baseRevision: expected,
        origin: 'import',
        note: `Diimpor dari ${entry.file}`,
      });
      if (!outcome.ok)
        throw new AppError(
          'CONFLICT',
          `SOP ${entry.sopId} diubah oleh ${outcome.conflict.latest.savedByName} (revisi ${outcome.conflict.latest.revision}) sejak laporan dibuat; periksa ulang paket.`,
          '/bases',
          undefined,
          'DRAFT_CONFLICT',
        );
      saved.push({ sopId: entry.sopId, revision: outcome.revision.revision });
    }
    return { report, saved };
  });
}
