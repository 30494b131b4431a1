import type { Knex } from 'knex';
import type { DefinitionError } from '../definition/definitionError.ts';
import type { RawRegency, SopDefinition } from '../definition/sopTypes.ts';
import { loadSopSource } from '../definition/loadDefinitionSource.ts';
import { loadDefinitionPaths, type LoadedSopFile } from '../files/loadDefinitionFiles.ts';
import { publishVersion, saveDraft, upsertRegency, type RegencySnapshot } from '../storage/definitionRepository.ts';
import { contentHash } from './canonicalJson.ts';
import { storedRegency } from '../storage/regencies/regencyStore.ts';

/** What a folder sync did. */
export interface SyncReport {
  regencies: string[];
  published: Array<{ regencyId: string; sopId: string; version: number }>;
  unchanged: number;
  drafts: number;
  errors: DefinitionError[];
}

/** The parts of a regency a published version freezes. */
export function regencySnapshot(regency: RawRegency): RegencySnapshot {
  return { id: regency.id, name: regency.name, office: regency.office, calendar: regency.calendar };
}

/** Hash of what a version would contain: the resolved definition and the regency parts it uses. */
export function versionHash(definition: SopDefinition, regency: RawRegency): string {
  return contentHash({ definition, regency: regencySnapshot(regency) });
}

/** The folder's SOP files loaded again against the regency settings kept in the database. */
function recheckAgainst(regency: RawRegency, sops: LoadedSopFile[]): LoadedSopFile[] {
  return sops.map((sop) => ({
    ...sop,
    ...loadSopSource(new TextEncoder().encode(sop.source), sop.file, { regency, folderName: regency.id }),
  }));
}

/**
 * Loads a folder of regency packs into the database: regencies are upserted, changed published SOPs
 * become new versions (unchanged ones create nothing), drafts are stored; invalid files are reported.
 */
export async function syncDefinitionFolder(
  db: Knex,
  root: string,
  publishedBy = 'sistem:sop-definitions',
): Promise<SyncReport> {
  const loaded = loadDefinitionPaths([root], root);
  const report: SyncReport = { regencies: [], published: [], unchanged: 0, drafts: 0, errors: loaded.errors };
  for (const folder of loaded.folders) {
    let regency = folder.regency;
    if (!regency) continue;
    let sops = folder.sops;
    const stored = await storedRegency(db, regency.id);
    if (stored?.managedInApp) {
      // Settings edited in the app win over the file: the folder's SOPs are checked against them instead.
      regency = stored.config;
      sops = recheckAgainst(stored.config, folder.sops);
      report.errors.push(...sops.flatMap((s) => s.errors));
    } else await upsertRegency(db, regency, contentHash(regency), folder.regencySource ?? null);
    report.regencies.push(regency.id);
    for (const sop of sops) {
      const definition = sop.definition;
      if (!definition) continue;
      if (definition.status === 'draft') {
        await saveDraft(db, regency.id, definition.id, definition.name, definition.unit, sop.source);
        report.drafts += 1;
        continue;
      }
      const { version, created } = await publishVersion(db, {
        regencyId: regency.id,
        sopId: definition.id,
        source: sop.source,
        definition,
        regencySnapshot: regencySnapshot(regency),
        contentHash: versionHash(definition, regency),
        publishedBy,
      });
      if (created) report.published.push({ regencyId: regency.id, sopId: definition.id, version: version.version });
      else report.unchanged += 1;
    }
  }
  return report;
}
