import type { Knex } from 'knex';
import { placeError, unplaced, type DefinitionError } from '../../definition/definitionError.ts';
import { loadSopSource, type SopLoadContext } from '../../definition/loadDefinitionSource.ts';
import type { RawRegency } from '../../definition/sopTypes.ts';
import { topLevelKeyPosition } from '../../definition/topLevelKeyPosition.ts';
import { CASCADE_CODES } from '../../files/loadDefinitionFiles.ts';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { checkRegencyText, REGENCY_FILE } from '../regencySettings/applyRegencySettings.ts';
import { saveRegencyRevision } from '../regencySettings/regencyLifecycle.ts';
import { saveRevision } from './draftService.ts';
import { latestDraft, latestDraftsOfRegency } from '../../storage/designer/draftStore.ts';
import { definitionIds } from '../../storage/designer/designerSopRows.ts';
import type { PackFile } from './packFiles.ts';
import { setTopLevel } from './sourceEdits.ts';
import { currentRegency } from './validateDraft.ts';
import { REGENCY_DOC } from '../../storage/regencies/regencyStore.ts';

/** What importing one file of a pack would do. */
export interface ImportFileReport {
  file: string;
  sopId: string | null;
  name: string | null;
  /**
   * new: a new SOP; update: a new revision of an existing one; settings: regency.yaml becomes a draft of
   * the regency settings (admins); skip: not imported (regency.yaml for drafters).
   */
  action: 'new' | 'update' | 'settings' | 'skip';
  /** The newest revision the import would build on (0: none yet). */
  baseRevision: number;
  errors: DefinitionError[];
  note: string | null;
}

/** The validation report shown before anything is saved. */
export interface ImportReport {
  valid: boolean;
  /** Whether the files can be saved as drafts to fix in the editor (every SOP id readable, no duplicates). */
  savableAsDrafts: boolean;
  files: ImportFileReport[];
}

/** Existing SOPs of the regency: id → newest draft revision (0 for an SOP with no designer draft yet). */
export type ExistingSops = ReadonlyMap<string, number>;

/** How a pack is checked: whether its regency.yaml is imported too (regency and platform admins). */
export interface PackOptions {
  withSettings: boolean;
}

/** The regency.yaml entry of a pack and the context its SOPs are checked in. */
function settingsEntry(
  stored: RawRegency,
  file: PackFile,
  options: PackOptions,
): { entry: ImportFileReport; context: SopLoadContext } {
  const stays: SopLoadContext = { regency: stored, folderName: stored.id };
  if (!options.withSettings)
    return {
      entry: {
        file: file.name,
        sopId: null,
        name: null,
        action: 'skip',
        baseRevision: 0,
        errors: [],
        note: 'Konfigurasi kabupaten hanya diimpor oleh administrator; SOP diperiksa terhadap konfigurasi yang tersimpan.',
      },
      context: stays,
    };
  const load = checkRegencyText(file.content, stored.id);
  return {
    entry: {
      file: file.name,
      sopId: null,
      name: load.regency?.name ?? null,
      action: 'settings',
      baseRevision: 0,
      errors: load.errors,
      note: 'Pengaturan kabupaten: disimpan sebagai draf, berlaku setelah disahkan. SOP paket ini diperiksa terhadapnya.',
    },
    context: load.regency
      ? { regency: load.regency, folderName: stored.id }
      : { regency: undefined, folderName: stored.id, regencyProblem: 'invalid' },
  };
}

/**
 * Checks every file of a pack like `alur validate` checks a folder: positioned errors per file, duplicate
 * ids across the pack, and what each file would become. With the regency settings imported, the SOPs are
 * checked against the pack's regency.yaml; while that has errors, the SOP errors it causes are counted in
 * a note instead of burying its own errors.
 */
export function checkPack(
  regency: RawRegency,
  files: PackFile[],
  existing: ExistingSops,
  options: PackOptions = { withSettings: false },
): ImportReport {
  const seen = new Map<string, string>();
  const settingsFile = files.find((f) => f.name === REGENCY_FILE);
  const settings = settingsFile ? settingsEntry(regency, settingsFile, options) : undefined;
  const context = settings?.context ?? { regency, folderName: regency.id };
  let duplicate = false;
  const sopReports = files
    .filter((f) => f !== settingsFile)
    .map((file): ImportFileReport => {
      const load = loadSopSource(new TextEncoder().encode(file.content), file.name, context);
      const own = context.regency ? load.errors : load.errors.filter((e) => !CASCADE_CODES.has(e.code));
      const hidden = load.errors.length - own.length;
      const errors = [...own];
      const sopId = load.raw?.id ?? null;
      if (sopId !== null) {
        const other = seen.get(sopId);
        if (other !== undefined) {
          duplicate = true;
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
        note:
          hidden > 0
            ? `${hidden} rujukan ke pengaturan kabupaten tidak dapat diperiksa sampai ${REGENCY_FILE} diperbaiki.`
            : null,
      };
    });
  // Imported settings come first (their errors explain the SOPs'); a skipped regency.yaml keeps its place.
  const reports = !settings
    ? sopReports
    : settings.entry.action === 'settings'
      ? [settings.entry, ...sopReports]
      : files.map((f) => (f === settingsFile ? settings.entry : sopReports.shift()!));
  const imported = reports.filter((r) => r.action !== 'skip');
  const settingsOk = !settings || settings.entry.errors.length === 0;
  return {
    valid:
      imported.length > 0 &&
      imported.every((r) => r.errors.length === 0 && (r.sopId !== null || r.action === 'settings')),
    savableAsDrafts: imported.length > 0 && settingsOk && !duplicate && sopReports.every((r) => r.sopId !== null),
    files: reports,
  };
}

/** The regency's SOPs with their newest draft revision, for the report. */
export async function existingSops(db: Knex, regencyId: string): Promise<Map<string, number>> {
  const existing = new Map<string, number>();
  for (const sopId of await definitionIds(db, regencyId)) existing.set(sopId, 0);
  for (const draft of await latestDraftsOfRegency(db, regencyId)) existing.set(draft.sopId, draft.revision);
  return existing;
}

/** Checks a pack against the user's regency (nothing is saved). */
export async function previewImport(
  db: Knex,
  user: AuthUser,
  files: PackFile[],
  options: PackOptions = { withSettings: false },
): Promise<ImportReport> {
  return checkPack(await currentRegency(db, user.regencyId), files, await existingSops(db, user.regencyId), options);
}

/**
 * Imports a pack all-or-nothing: only when every file passes (or, with `keepInvalid`, when every file can
 * at least be saved as a draft to fix in the editor: drafts may hold errors, submitting them may not),
 * and only when no SOP got a new revision since the report (`bases`, from the report); each SOP becomes a
 * new draft revision, never a version. An admin's regency.yaml becomes a draft of the regency settings.
 */
export async function importPack(
  db: Knex,
  user: AuthUser,
  files: PackFile[],
  bases: Record<string, number>,
  options: PackOptions & { keepInvalid: boolean } = { withSettings: false, keepInvalid: false },
): Promise<{ report: ImportReport; saved: Array<{ sopId: string; revision: number }> }> {
  return db.transaction(async (trx) => {
    const report = await previewImport(trx, user, files, options);
    if (!(report.valid || (options.keepInvalid && report.savableAsDrafts))) return { report, saved: [] };
    const saved: Array<{ sopId: string; revision: number }> = [];
    for (const entry of report.files) {
      const content = files.find((f) => f.name === entry.file)!.content;
      if (entry.action === 'settings') {
        // A settings draft builds on the newest revision: earlier ones stay in the history.
        const base = (await latestDraft(trx, user.regencyId, REGENCY_DOC))?.revision ?? 0;
        const outcome = await saveRegencyRevision(trx, user, {
          source: content,
          baseRevision: base,
          origin: 'import',
          note: `Diimpor dari ${entry.file}`,
        });
        if (outcome.ok) saved.push({ sopId: REGENCY_DOC, revision: outcome.revision.revision });
        continue;
      }
      if (entry.action === 'skip' || entry.sopId === null) continue;
      const expected = bases[entry.sopId] ?? 0;
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
