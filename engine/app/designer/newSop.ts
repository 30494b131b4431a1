import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { saveRevision } from './draftService.ts';
import type { DraftRevision } from '../../storage/designer/draftStore.ts';
import {
  newestPublishedSource,
  publishedSopsOfAllRegencies,
  sopIdInUse,
} from '../../storage/designer/designerSopRows.ts';
import { newSopTemplate } from './sopTemplate.ts';
import { setTopLevel } from './sourceEdits.ts';
import { currentRegency } from './validateDraft.ts';

/** Where a new SOP's first text comes from: the built-in template, or another regency's published SOP. */
export type NewSopSource = { template: true; unit?: string } | { copy: { regencyId: string; sopId: string } };

/** Published SOPs of every regency, to copy from (published SOPs are public documents). */
export async function sopLibrary(
  db: Knex,
): Promise<
  Array<{ regencyId: string; regencyName: string; sops: Array<{ sopId: string; name: string; version: number }> }>
> {
  const rows = await publishedSopsOfAllRegencies(db);
  const byRegency = new Map<
    string,
    { regencyId: string; regencyName: string; sops: Array<{ sopId: string; name: string; version: number }> }
  >();
  for (const row of rows) {
    const entry = byRegency.get(row.regencyId) ?? {
      regencyId: row.regencyId,
      regencyName: row.regencyName,
      sops: [],
    };
    entry.sops.push({ sopId: row.sopId, name: row.name, version: row.version });
    byRegency.set(row.regencyId, entry);
  }
  return [...byRegency.values()];
}

async function copiedSource(
  db: Knex,
  from: { regencyId: string; sopId: string },
  regencyId: string,
  sopId: string,
): Promise<string> {
  const copied = await newestPublishedSource(db, from.regencyId, from.sopId);
  if (copied === undefined)
    throw new AppError('NOT_FOUND', 'SOP sumber tidak ditemukan atau belum diterbitkan.', '/copy');
  // The copy belongs to this regency from its first line; roles and documents are then checked against it.
  return setTopLevel(copied, { id: sopId, regency: regencyId, status: 'draft' });
}

/** Creates a new SOP as revision 1 of a draft, from the template or as a copy; the id must be free. */
export async function createSop(
  db: Knex,
  user: AuthUser,
  sopId: string,
  name: string,
  from: NewSopSource,
): Promise<DraftRevision> {
  if (await sopIdInUse(db, user.regencyId, sopId))
    throw new AppError('CONFLICT', `SOP dengan pengenal "${sopId}" sudah ada di kabupaten ini.`, '/sopId');
  const regency = await currentRegency(db, user.regencyId);
  // The template starts from the unit the drafter picked, else the unit of the drafter's own role.
  const ownUnit = regency.roles.find((r) => user.roles.includes(r.id) && r.unit !== undefined)?.unit;
  const unit = 'template' in from ? (from.unit ?? ownUnit) : undefined;
  if (unit !== undefined && !regency.units.some((u) => u.id === unit))
    throw new AppError('VALIDATION_FAILED', `Unit "${unit}" tidak ada di kabupaten ini.`, '/from/unit');
  const source =
    'template' in from
      ? newSopTemplate(regency, sopId, name, unit)
      : await copiedSource(db, from.copy, regency.id, sopId);
  const saved = await saveRevision(db, user, {
    sopId,
    source,
    baseRevision: 0,
    origin: 'template' in from ? 'template' : 'copy',
    basedOnVersion: null,
    ...('copy' in from ? { note: `Disalin dari ${from.copy.regencyId}/${from.copy.sopId}` } : {}),
  });
  if (!saved.ok)
    throw new AppError('CONFLICT', `SOP dengan pengenal "${sopId}" baru saja dibuat oleh orang lain.`, '/sopId');
  return saved.revision;
}
