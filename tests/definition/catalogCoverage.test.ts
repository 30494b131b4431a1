import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';

// The seeds' catalogue (88 SOPs and service standards of three regencies), copied into the project.
const catalog = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/catalog.json'), 'utf8')) as Array<{
  id: string;
  source: string;
  name: string;
  detail: string;
}>;
const FOLDER_OF_SOURCE: Record<string, string> = {
  'kutai-kartanegara-sop-2025.md': 'kutai-kartanegara',
  'bangkalan-standar-pelayanan-2025.md': 'bangkalan',
  'bangkalan-daftar-sop-2025.txt': 'bangkalan',
  'bengkayang-sop-pjrs-2026.md': 'bengkayang',
};

const root = join(import.meta.dirname, '../../sop-definitions');
const loaded = loadDefinitionPaths([root], root);
const definitions = loaded.folders.flatMap((folder) =>
  folder.sops
    .filter((s) => s.definition)
    .map((s) => ({ folder: folder.regency!.id, file: s.file, definition: s.definition! })),
);

describe('the SOP library covers the whole seed catalogue', () => {
  it('the catalogue copy is complete (12 + 21 + 46 + 9 entries)', () => expect(catalog.length).toBe(88));

  it.each(catalog.map((entry) => [entry.id, entry] as const))(
    '%s maps to exactly one definition in its regency folder',
    (id, entry) => {
      const owners = definitions.filter(
        (d) => d.definition.source?.catalogId === id || (d.definition.source?.sameAs ?? []).includes(id),
      );
      expect(
        owners.map((o) => o.file),
        entry.name,
      ).toHaveLength(1);
      expect(owners[0]!.folder).toBe(FOLDER_OF_SOURCE[entry.source]);
    },
  );

  it('name-only entries with their own definition are drafts marked as such', () => {
    const nameOnly = definitions.filter((d) => d.definition.source?.detail === 'name-only');
    expect(nameOnly.length).toBeGreaterThan(0);
    for (const d of nameOnly) expect(d.definition.status, d.file).toBe('draft');
  });

  it('every catalogue id a definition names exists in the catalogue', () => {
    const ids = new Set(catalog.map((e) => e.id));
    for (const d of definitions)
      for (const id of [d.definition.source?.catalogId, ...(d.definition.source?.sameAs ?? [])].filter(
        (x): x is string => !!x,
      ))
        expect(ids.has(id), `${d.file}: ${id}`).toBe(true);
  });
});
