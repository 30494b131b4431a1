import type { Knex } from 'knex';
import type { DefinitionError } from '../../definition/definitionError.ts';
import { loadRegencySource, type RegencyLoad } from '../../definition/loadDefinitionSource.ts';
import type { SopDefinition } from '../../definition/sopTypes.ts';
import { getLatestVersion, publishVersion, upsertRegency } from '../../storage/definitionRepository.ts';
import { AppError } from '../appErrors.ts';
import { contentHash } from '../canonicalJson.ts';
import { definitionInvalid, validateSource } from '../designer/validateDraft.ts';
import { regencySnapshot, versionHash } from '../syncDefinitionFolder.ts';
import { insertRegencyVersion } from '../../storage/regencies/regencyStore.ts';
import { publishedSopIds } from '../../storage/designer/designerSopRows.ts';

/** The file name regency settings are shown under, as in a regency folder. */
export const REGENCY_FILE = 'regency.yaml';

/** Checks a regency.yaml text on its own, as `alur validate` does (its id must stay the regency's). */
export function checkRegencyText(source: string, regencyId: string): RegencyLoad {
  return loadRegencySource(new TextEncoder().encode(source), REGENCY_FILE, regencyId);
}

/** What applying settings did: the new settings version and the SOPs republished with them. */
export interface AppliedSettings {
  version: number;
  republished: Array<{ sopId: string; version: number }>;
}

/**
 * Puts approved regency settings in force without a restart: every published SOP of the regency is
 * checked against them first (one that would break refuses the whole change, with its positioned
 * errors), then the settings are stored and each SOP whose resolved content changed (roles, documents,
 * letterhead, calendar) becomes a new immutable version, which new cases use at once. Running cases keep
 * the version they started with.
 */
export async function applyRegencySettings(
  db: Knex,
  input: { regencyId: string; source: string; by: string; byName: string },
): Promise<AppliedSettings> {
  const load = checkRegencyText(input.source, input.regencyId);
  if (!load.regency) throw definitionInvalid(load.errors, 'Pengaturan kabupaten');
  const regency = load.regency;
  const broken: DefinitionError[] = [];
  const ready: Array<{ sopId: string; source: string; definition: SopDefinition }> = [];
  for (const sopId of await publishedSopIds(db, input.regencyId)) {
    const latest = await getLatestVersion(db, input.regencyId, sopId);
    if (!latest) continue;
    const checked = validateSource(regency, latest.source, `${sopId}.yaml`);
    if (checked.definition) ready.push({ sopId, source: latest.source, definition: checked.definition });
    else broken.push(...checked.errors);
  }
  if (broken.length > 0) {
    const sops = new Set(broken.map((e) => e.file)).size;
    throw new AppError(
      'UNPROCESSABLE',
      `Pengaturan ini membuat ${sops} SOP terbit tidak sah (${broken.length} kesalahan); sesuaikan pengaturan atau SOP-nya dahulu.`,
      '/source',
      broken.map((e) => ({ path: e.path, message: `${e.file} ${e.line}:${e.column} ${e.message}` })),
      'REGENCY_BREAKS_SOPS',
    );
  }
  await upsertRegency(db, regency, contentHash(regency), input.source, true);
  const version = await insertRegencyVersion(db, {
    regencyId: input.regencyId,
    source: input.source,
    contentHash: contentHash(regency),
    by: input.by,
    byName: input.byName,
  });
  const republished: AppliedSettings['republished'] = [];
  for (const sop of ready) {
    const definition = { ...sop.definition, status: 'published' as const };
    const outcome = await publishVersion(db, {
      regencyId: input.regencyId,
      sopId: sop.sopId,
      source: sop.source,
      definition,
      regencySnapshot: regencySnapshot(regency),
      contentHash: versionHash(definition, regency),
      publishedBy: input.by,
    });
    if (outcome.created) republished.push({ sopId: sop.sopId, version: outcome.version.version });
  }
  return { version, republished };
}
