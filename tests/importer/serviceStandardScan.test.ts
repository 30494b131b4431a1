import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegencySource } from '../../engine/definition/loadDefinitionSource.ts';
import type { DocumentCell, DocumentLine, DocumentText } from '../../engine/importer/documentText.ts';
import { draftsOf } from '../../engine/importer/draftsOf.ts';
import { importSopDocument } from '../../engine/importer/importSopDocument.ts';
import { similarity } from '../../tools/importer/textSimilarity.ts';

const file = 'sop-definitions/bangkalan/regency.yaml';
const options = { regencyId: 'bangkalan', regency: loadRegencySource(readFileSync(file), file, 'bangkalan').regency! };

/** A service-standard page: the service's name line, then its Komponen | Uraian table (cells read by OCR or not). */
function standardPage(nameLine: string, read: boolean): DocumentText {
  const cell = (text: string): DocumentCell => (read ? { text, confidence: 0.9 } : { text });
  const row = (line: number, cells: string[]): DocumentLine => ({ line, cells: cells.map(cell), tableRow: true });
  return {
    fileName: read ? 'standar.scan.pdf' : 'standar.txt',
    format: read ? 'scan' : 'text',
    pages: [
      {
        page: 8,
        lines: [
          { line: 1, cells: [cell(nameLine)] },
          { line: 2, cells: [cell('1. Service Delivery')] },
          row(3, ['NO.', 'KOMPONEN', 'URAIAN']),
          row(4, ['1.', 'Persyaratan', 'a. Fotocopy KTP\nb. Fotocopy KK']),
          row(5, [
            '2.',
            'Sistem, Mekanisme dan Prosedur pelayanan',
            '1. Pemohon datang\n2. Petugas memeriksa\n3. Rekomendasi diserahkan',
          ]),
          row(6, ['3.', 'Jangka Waktu Penyelesaian Pelayanan', '3 (tiga) hari kerja']),
        ],
      },
    ],
  };
}

describe('a service standard read from a scan', () => {
  it('finds a service whose lettered name line OCR misread ("Cc.", "- hb.", "9-", "g-")', () => {
    for (const [line, name] of [
      [
        'Cc. Penerbitan Rekomendasi Bantuan Sosial Kelompok Usaha Bersama (KUBE)',
        'Penerbitan Rekomendasi Bantuan Sosial Kelompok Usaha Bersama (KUBE)',
      ],
      [
        '- hb. Memberikan Pengantar bagi Anak Berhadapan dengan Hukum (ABH)',
        'Memberikan Pengantar bagi Anak Berhadapan dengan Hukum (ABH)',
      ],
      [
        '9- Bantuan Sosial Pemulangan Orang Terlantar di Perjalanan',
        'Bantuan Sosial Pemulangan Orang Terlantar di Perjalanan',
      ],
      ['g- Fasilitasi Korban Napza ke IPWL', 'Fasilitasi Korban Napza ke IPWL'],
    ]) {
      const drafts = draftsOf(standardPage(line!, true), options);
      expect(
        drafts.map((d) => [d.name, d.stepCount]),
        line,
      ).toEqual([[name, 3]]);
    }
  });

  it('keeps the strict "c. Name" line for exact text, where such slips are not the reader\'s', () => {
    expect(draftsOf(standardPage('Cc. Penerbitan Rekomendasi KUBE', false), options)).toEqual([]);
    expect(draftsOf(standardPage('c. Penerbitan Rekomendasi KUBE', false), options).map((d) => d.name)).toEqual([
      'Penerbitan Rekomendasi KUBE',
    ]);
  });

  it('gives the 21 services of the text from the OCR reading of the whole 63-page Bangkalan scan', async () => {
    // What readScan read from bangkalan-standar-pelayanan-2025.scan.pdf (63 pages, read whole as import-sop does).
    const ocr = JSON.parse(
      readFileSync('tests/fixtures/importer/bangkalan-standar-pelayanan-2025.scan.ocr.json', 'utf8'),
    ) as DocumentText;
    const seed = 'tests/fixtures/seeds/bangkalan-standar-pelayanan-2025.md';
    const fromText = (await importSopDocument({ name: 'standar.md', bytes: readFileSync(seed) }, options)).drafts;
    const fromScan = draftsOf(ocr, options);
    expect(fromText).toHaveLength(21);
    expect(fromScan).toHaveLength(21);
    fromScan.forEach((draft, index) => {
      // OCR noise in a name ("Penerbita\" Rekomendasi") stays, and is reviewed; the service is the same.
      expect(similarity(draft.name, fromText[index]!.name), draft.name).toBeGreaterThanOrEqual(0.8);
      expect(draft.warnings.filter((w) => w.code === 'DRAFT_INVALID')).toEqual([]);
    });
  });
});
