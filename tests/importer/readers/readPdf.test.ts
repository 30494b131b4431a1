import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../engine/importer/readDocument.ts';
import { DocumentReadError } from '../../../engine/importer/readers/readError.ts';
import { allLines, corpusFile, DECISION_ROW, stepRow } from './fixtures.ts';

describe('readPdf on the Kutai Kartanegara corpus (LibreOffice PDF with a text layer)', () => {
  it('groups wrapped lines into one row per step, cells at the ruled columns with their positions', async () => {
    const document = await readDocument(corpusFile('kutai-kartanegara-sop-2025.pdf'));
    expect(document.format).toBe('pdf');
    expect(document.pages.length).toBeGreaterThan(20);
    const row = stepRow(document, '6', 'Melaporkan hasil asesmen kepada Kabid Rehsos');
    expect(row?.cells.map((cell) => cell.text)).toEqual(DECISION_ROW);
    // Positions are fractions of the page width, left to right, each cell ending where the next begins.
    const cells = row!.cells;
    expect(cells[0]!.x).toBeGreaterThan(0.03);
    expect(cells[0]!.x).toBeLessThan(0.06);
    for (let index = 1; index < cells.length; index += 1)
      expect(cells[index]!.x).toBeCloseTo(cells[index - 1]!.right!, 3);
    expect(cells.every((cell) => cell.confidence === undefined)).toBe(true);
  });

  it('joins a lane name the narrow column broke mid-word, and keeps ordinary wraps as spaces', async () => {
    const document = await readDocument(corpusFile('kutai-kartanegara-sop-2025.pdf'));
    const lanes = allLines(document).find((line) => line.cells[2]?.text === 'Pemohon');
    expect(lanes?.cells.slice(2, 7).map((cell) => cell.text)).toEqual([
      'Pemohon',
      'Desa / Kelurahan',
      'Petugas Loker',
      'Kabid Linjamsos',
      'BPJS Kesehatan',
    ]);
    expect(stepRow(document, '1', 'Pemohon mendatangi')?.cells[10]?.text).toBe(
      'Permohonan disampaikan Setiap hari kerja',
    );
  });

  it('refuses an empty, a cut-off and a password-protected PDF with typed errors', async () => {
    for (const [file, code] of [
      ['kosong.pdf', 'DOCUMENT_EMPTY'],
      ['rusak.pdf', 'DOCUMENT_UNREADABLE'],
      ['bersandi.pdf', 'DOCUMENT_ENCRYPTED'],
    ] as const) {
      const error = await readDocument(corpusFile(file)).catch((caught: unknown) => caught);
      expect(error, file).toBeInstanceOf(DocumentReadError);
      expect((error as DocumentReadError).code, file).toBe(code);
      expect((error as DocumentReadError).path, file).toBe(file);
    }
  });
});
