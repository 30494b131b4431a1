import type { Knex } from 'knex';
import { stringify } from 'yaml';
import { currentRegency } from './validateDraft.ts';
import { storedRegency } from '../../storage/regencies/regencyStore.ts';
import { latestDraftsOfRegency, draftRevision } from '../../storage/designer/draftStore.ts';
import { latestPublishedSources, unpublishedFolderDrafts } from '../../storage/designer/designerSopRows.ts';
import { zipPack, type PackFile } from './packFiles.ts';

/**
 * The regency's pack as a zip: regency.yaml and, per SOP, the latest published version (its source as
 * published), or the newest draft for SOPs never published. It loads with `alur validate` and the server.
 */
export async function exportPack(db: Knex, regencyId: string): Promise<{ fileName: string; zip: Uint8Array }> {
  const regency = await currentRegency(db, regencyId);
  // The text in force keeps its comments (sources cited there); a regency stored before texts were kept is generated.
  const text = (await storedRegency(db, regencyId))?.source;
  const files: PackFile[] = [
    {
      name: 'regency.yaml',
      content: text ?? `# Konfigurasi ${regency.name}, diekspor dari Alur.\n${stringify(regency, { lineWidth: 0 })}`,
    },
  ];
  for (const row of await latestPublishedSources(db, regencyId))
    files.push({ name: `${row.sopId}.yaml`, content: row.source });
  const folderDrafts = await unpublishedFolderDrafts(db, regencyId);
  const taken = new Set(files.map((f) => f.name));
  for (const draft of await latestDraftsOfRegency(db, regencyId)) {
    if (taken.has(`${draft.sopId}.yaml`)) continue;
    const full = await draftRevision(db, regencyId, draft.sopId, draft.revision);
    if (full) files.push({ name: `${draft.sopId}.yaml`, content: full.source });
    taken.add(`${draft.sopId}.yaml`);
  }
  for (const row of folderDrafts)
    if (!taken.has(`${row.sopId}.yaml`)) files.push({ name: `${row.sopId}.yaml`, content: row.source });
  files.sort((a, b) => (a.name === 'regency.yaml' ? -1 : b.name === 'regency.yaml' ? 1 : a.name.localeCompare(b.name)));
  return { fileName: `${regency.id}.zip`, zip: zipPack(regency.id, files) };
}
