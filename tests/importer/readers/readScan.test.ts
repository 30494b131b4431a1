import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../engine/importer/readDocument.ts';
import { DocumentReadError } from '../../../engine/importer/readers/readError.ts';
import { corpusFile, stepRow } from './fixtures.ts';

// One page each: OCR costs seconds per page; the whole scanned corpus is measured by tools/importer, not here.
describe('OCR of scanned pages (Tesseract, Indonesian)', () => {
  it('sends a PDF without a text layer to OCR and reads the step table into ruled cells with confidence', async () => {
    const document = await readDocument(corpusFile('halaman-pindaian.scan.pdf'));
    expect(document.format).toBe('scan');
    const row = stepRow(document, '6', 'Melaporkan hasil asesmen');
    expect(row).toBeDefined();
    const texts = row!.cells.map((cell) => cell.text);
    expect(texts).toHaveLength(11);
    expect(texts[1]).toBe('Melaporkan hasil asesmen kepada Kabid Rehsos untuk pengambilan Keputusan');
    expect(texts.slice(2, 7)).toEqual(['', 'Tidak', '', '', 'Ya']);
    expect(texts[8]).toBe('2 hari setelah asesmen');
    expect(row!.cells[1]!.confidence).toBeGreaterThan(0.8);
    expect(row!.cells[1]!.x).toBeGreaterThan(0.06);
    expect(row!.cells[1]!.x).toBeLessThan(0.1);
    expect(stepRow(document, '8', 'Penyaluran Alat Bantu')?.cells[9]?.text).toBe(
      'Foto dokumentasi, BAST, Pakta Integritas',
    );
  }, 120_000);

  it('reads a photographed or scanned page given as a JPEG', async () => {
    const document = await readDocument(corpusFile('halaman-pindaian.jpg'));
    expect(document.format).toBe('scan');
    const row = stepRow(document, '3', 'Asesment oleh petugas Bidang Rehsos');
    const texts = row?.cells.slice(-4).map((cell) => cell.text);
    expect(texts?.[0]).toBe('Form Asesmen');
    // The time cell is where OCR slips most ("1 hari kerja" read as "l harikerja"): only its words are checked.
    expect(texts?.[1]).toMatch(/hari ?kerja$/);
    expect(texts?.slice(2)).toEqual(['Laporan hasil asesmen', '']);
    expect(row?.cells.every((cell) => cell.text === '' || (cell.confidence ?? 0) > 0.5)).toBe(true);
  }, 120_000);

  it('refuses an image that is not a PNG or JPEG', async () => {
    const error = await readDocument({ name: 'foto.jpg', bytes: new TextEncoder().encode('bukan gambar') }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DocumentReadError);
    expect((error as DocumentReadError).code).toBe('DOCUMENT_UNREADABLE');
  });
});
