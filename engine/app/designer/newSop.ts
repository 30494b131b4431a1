import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import { saveRevision } from './draftService.ts';
import type { DraftRevision } from './draftStore.ts';
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
  const rows = (await db('definitions as d')
    .join('regencies as r', 'r.id', 'd.regency_id')
    .where('d.status', 'published')
    .orderBy(['r.name', 'd.name'])
    .select('d.regency_id', 'r.name as regency_name', 'd.sop_id', 'd.name', 'd.latest_version')) as Array<{
    regency_id: string;
    regency_name: string;
    sop_id: string;
    name: string;
    latest_version: number;
  }>;
  const byRegency = new Map<
    string,
    { regencyId: string; regencyName: string; sops: Array<{ sopId: string; name: string; version: number }> }
  >();
  for (const row of rows) {
    const entry = byRegency.get(row.regency_id) ?? {
      regencyId: row.regency_id,
      regencyName: row.regency_name,
      sops: [],
    };
    entry.sops.push({ sopId: row.sop_id, name: row.name, version: row.latest_version });
    byRegency.set(row.regency_id, entry);
  }
  return [...byRegency.values()];
}

async function copiedSource(
  db: Knex,
  from: { regencyId: string; sopId: string },
  regencyId: string,
  sopId: string,
): Promise<string> {
  const row = (await db('definition_versions')
    .where({ regency_id: from.regencyId, sop_id: from.sopId })
    .orderBy('version', 'desc')
    .first('source')) as { source: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'SOP sumber tidak ditemukan atau belum diterbitkan.', '/copy');
  // The copy belongs to this regency from its first line; roles and documents are then checked against it.
  return setTopLevel(row.source, { id: sopId, regency: regencyId, status: 'draft' });
}

/** Creates a new SOP as revision 1 of a draft, from the template or as a copy; the id must be free. */
export async function createSop(
  db: Knex,
  user: AuthUser,
  sopId: string,
  name: string,
  from: NewSopSource,
): Promise<DraftRevision> {
  const definition = (await db('definitions').where({ regency_id: user.regencyId, sop_id: sopId }).first('sop_id')) as
    { sop_id: string } | undefined;
  const draft = (await db('definition_drafts').where({ regency_id: user.regencyId, sop_id: sopId }).first('sop_id')) as
    { sop_id: string } | undefined;
  if (definition || draft)
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
