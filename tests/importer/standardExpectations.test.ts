import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRegencySource } from '../../engine/definition/loadDefinitionSource.ts';
import type { RawSop } from '../../engine/definition/sopTypes.ts';
import { importSopDocument } from '../../engine/importer/importSopDocument.ts';
import { checkStandard, standardExpectations } from '../../tools/importer/standardExpectations.ts';
import { similarity } from '../../tools/importer/textSimilarity.ts';

const FILES = {
  text: 'tests/fixtures/seeds/bangkalan-standar-pelayanan-2025.md',
  docx: 'tests/fixtures/importer/bangkalan-standar-pelayanan-2025.docx',
  pdf: 'tests/fixtures/importer/bangkalan-standar-pelayanan-2025.pdf',
} as const;

async function importedStandards(file: string): Promise<RawSop[]> {
  const loaded = loadRegencySource(readFileSync('sop-definitions/bangkalan/regency.yaml'), 'regency.yaml', 'bangkalan');
  if (!loaded.regency) throw new Error('bangkalan/regency.yaml');
  const { drafts } = await importSopDocument(
    { name: file.split('/').pop() ?? file, bytes: readFileSync(file) },
    { regencyId: 'bangkalan', regency: loaded.regency },
  );
  return drafts.map((d) => parse(d.yaml) as RawSop);
}

describe('the Bangkalan service standards against their hand-checked expectations, per format', () => {
  const expectations = [...standardExpectations().values()];

  it('has all 21 services of the seed checked by hand', () => {
    expect(expectations.map((e) => e.catalogId)).toEqual(
      Array.from({ length: 21 }, (_v, i) => `004-${String(i + 1).padStart(2, '0')}`),
    );
  });

  for (const [format, file] of Object.entries(FILES)) {
    it(`reads every service's steps, Persyaratan, Jangka Waktu and Produk from the ${format} form`, async () => {
      const sops = await importedStandards(file);
      expect(sops).toHaveLength(21);
      const matched = new Set<RawSop>();
      for (const expected of expectations) {
        // The draft printed under the expected name (names differ only by what the reader leaves of the layout).
        const sop = sops.find((s) => similarity(expected.name, s.name) >= 0.9);
        expect(sop, `${format} ${expected.catalogId}`).toBeDefined();
        if (!sop) continue;
        matched.add(sop);
        const check = checkStandard(sop, expected);
        const label = `${format} ${expected.catalogId} ${expected.name}`;
        expect(check.procedureSteps.found, label).toBe(expected.procedureSteps);
        expect(check.requirements.found, label).toBe(expected.requirements);
        expect(check.duration, `${label}: ${sop.serviceStandard?.duration}`).toBe(true);
        expect(check.product, label).toBe(true);
      }
      expect(matched.size).toBe(21);
    }, 60_000); // the PDF is 63 pages, read by pdf.js on a shared 2-core machine
  }
});
