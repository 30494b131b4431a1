import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRegencySource } from '../../engine/definition/loadDefinitionSource.ts';
import type { RawRegency, RawSop } from '../../engine/definition/sopTypes.ts';
import type { DocumentText } from '../../engine/importer/documentText.ts';
import { draftsOf } from '../../engine/importer/draftsOf.ts';
import { importSopDocument } from '../../engine/importer/importSopDocument.ts';
import { similarity } from '../../tools/importer/textSimilarity.ts';

function bangkalan(): RawRegency {
  const loaded = loadRegencySource(readFileSync('sop-definitions/bangkalan/regency.yaml'), 'regency.yaml', 'bangkalan');
  if (!loaded.regency) throw new Error('bangkalan');
  return loaded.regency;
}

const options = { regencyId: 'bangkalan', regency: bangkalan() };

/** One text page whose lines are given as strings (OCR's free lines: one cell each). */
function page(fileName: string, lines: string[]): DocumentText {
  return {
    fileName,
    format: 'scan',
    pages: [{ page: 1, lines: lines.map((text, index) => ({ line: index + 1, cells: [{ text, confidence: 0.9 }] })) }],
  };
}

describe('a decree list (names only) read from a scan', () => {
  it('gives the same 46 drafts as the text: the OCR reading of bangkalan-daftar-sop-2025.scan.pdf', async () => {
    // What readScan gave for the scan (Tesseract 5, ind): the ">" before each unit is read as "2", "2»" or lost,
    // B and O as "8" and "0", and "I." as "IL".
    const ocr = JSON.parse(
      readFileSync('tests/fixtures/importer/bangkalan-daftar-sop-2025.scan.ocr.json', 'utf8'),
    ) as DocumentText;
    expect(ocr.format).toBe('scan');
    const fromScan = draftsOf(ocr, options);
    const fromText = (
      await importSopDocument(
        {
          name: 'bangkalan-daftar-sop-2025.txt',
          bytes: readFileSync('tests/fixtures/seeds/bangkalan-daftar-sop-2025.txt'),
        },
        options,
      )
    ).drafts;
    expect(fromText).toHaveLength(46);
    expect(fromScan).toHaveLength(fromText.length);
    fromScan.forEach((draft, index) => {
      const text = fromText[index]!;
      // OCR differs from the seed's own OCR in a letter or two ("Izin" / "lzin"), never in which SOP it is.
      expect(similarity(draft.name, text.name), draft.name).toBeGreaterThanOrEqual(0.9);
      expect(draft.detail).toBe('name-only');
      expect(draft.warnings.filter((w) => w.code === 'DRAFT_INVALID')).toEqual([]);
      expect((parse(draft.yaml) as RawSop).unit).toBe((parse(text.yaml) as RawSop).unit);
    });
    expect(fromScan.map((d) => d.name)).toContain(
      'Pengiriman Anak Terlantar (AT) Ke Balai Rehabilitasi', // printed "I.", read "IL"
    );
  });

  it('takes a unit heading whose marker OCR lost or misread, only where the list starts with "A."', () => {
    const drafts = draftsOf(
      page('daftar.scan.pdf', [
        'dictum KESATU meliputi :',
        'BIDANG PEMBERDAYAAN SOSIAL',
        'A. Rekomendasi undian Gratis Berhadiah (UGB)',
        '8. Rekomendasi Hibah Dan Bantuan sosial',
        '2» BIDANG REHABILITASI SOSIAL',
        '12',
        'A. Memberikan pengantar pengangkatan Anak',
        'KE TIGA Standar Operasional Prosedur sebagaimana dimaksud diktum',
      ]),
      options,
    );
    expect(drafts.map((d) => d.name)).toEqual([
      'Rekomendasi undian Gratis Berhadiah (UGB)',
      'Rekomendasi Hibah Dan Bantuan sosial',
      'Memberikan pengantar pengangkatan Anak',
    ]);
    // A heading-like line not followed by a lettered list is no unit, and its lines no SOPs.
    expect(draftsOf(page('surat.pdf', ['BIDANG REHABILITASI SOSIAL', 'Kepala Bidang', 'B. Laporan']), options)).toEqual(
      [],
    );
  });

  it('reads a look-alike of a letter as an item only where the list expects that letter', () => {
    const drafts = draftsOf(
      page('daftar.scan.pdf', [
        '> BIDANG REHABILITASI SOSIAL',
        'A. Pelayanan Rehabilitasi Lansia',
        'IL Pengiriman Anak Terlantar', // not B: part of item A
        'B. Pendampingan sosial',
        'C. Fasilitasi Korban Napza',
        '1 Lembaga', // not D: part of item C
      ]),
      options,
    );
    expect(drafts.map((d) => d.name)).toEqual([
      'Pelayanan Rehabilitasi Lansia IL Pengiriman Anak Terlantar',
      'Pendampingan sosial',
      'Fasilitasi Korban Napza 1 Lembaga',
    ]);
  });
});
