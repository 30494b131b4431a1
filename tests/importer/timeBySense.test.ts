import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRegencySource } from '../../engine/definition/loadDefinitionSource.ts';
import type { RawSop } from '../../engine/definition/sopTypes.ts';
import type { DocumentText } from '../../engine/importer/documentText.ts';
import { timeBySense } from '../../engine/importer/draft/timeBySense.ts';
import { draftsOf } from '../../engine/importer/draftsOf.ts';
import { compareSop } from '../../tools/importer/compareSop.ts';
import { publishedByCatalogId } from '../../tools/importer/groundTruth.ts';

describe('a Waktu cell garbled by OCR, read by sense', () => {
  it('undoes the digit 1 read as l or I and dropped narrow spaces, only where that makes a duration', () => {
    expect(timeBySense('1 harikerja')).toBe('1 hari kerja');
    expect(timeBySense('l harikerja')).toBe('1 hari kerja');
    expect(timeBySense('Iharikerja')).toBe('1 hari kerja');
    expect(timeBySense('ljam/ orang')).toBe('1 jam/ orang');
    // Read as printed, or not a time at all: left alone.
    expect(timeBySense('1 hari kerja')).toBeUndefined();
    expect(timeBySense('2 hari setelah asesmen')).toBeUndefined();
    expect(timeBySense('Sesuai jadwal')).toBeUndefined();
    expect(timeBySense('lama')).toBeUndefined();
  });

  it('gives the Kutai Kartanegara scan its published times, each marked inferred with the text as read', () => {
    // What readScan gave for pages 3–8 and 15–16 of kutai-kartanegara-sop-2025.scan.pdf (SOPs 002-02, -03, -04, -08).
    const ocr = JSON.parse(
      readFileSync('tests/fixtures/importer/kutai-kartanegara-sop-2025-cuplikan.scan.ocr.json', 'utf8'),
    ) as DocumentText;
    const file = 'sop-definitions/kutai-kartanegara/regency.yaml';
    const regency = loadRegencySource(readFileSync(file), file, 'kutai-kartanegara').regency!;
    const drafts = draftsOf(ocr, { regencyId: 'kutai-kartanegara', regency });
    const published = publishedByCatalogId('kutai-kartanegara');
    const ids = ['002-02', '002-03', '002-04', '002-08'];
    expect(drafts).toHaveLength(ids.length);
    const mended: string[] = [];
    drafts.forEach((draft, index) => {
      const sop = parse(draft.yaml) as RawSop;
      const reference = published.get(ids[index]!)!;
      const score = compareSop(sop, reference, reference.steps.length);
      expect(score.times, `${ids[index]}: ${score.misses.join('; ')}`).toBe(score.compared);
      for (const step of sop.steps)
        if (step.provenance?.note?.includes('Waktu terbaca')) {
          expect(step.provenance.inferred).toContain('time');
          mended.push(`${ids[index]} ${step.time}`);
        }
    });
    expect(mended).toEqual([
      '002-02 1 hari kerja',
      '002-03 1 hari kerja',
      '002-04 1 hari kerja',
      '002-08 1 hari kerja',
      '002-08 1 jam/ orang',
    ]);
  });
});
