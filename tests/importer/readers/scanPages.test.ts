import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../engine/importer/readDocument.ts';
import { DocumentReadError } from '../../../engine/importer/readers/readError.ts';
import { scanTooManyPagesMessage } from '../../../engine/importer/readers/readMessages.ts';
import { corpusFile } from './fixtures.ts';

// A small page limit stands in for the real ones (20 pages in the designer, 200 from the command line): OCR of a
// long scan takes minutes, so the tests show the behaviour on the 6-page excerpt and a 1-page scan.
describe('a scan longer or shorter than the page limit', () => {
  it('is refused before any page is read, with the page ranges to split it into', async () => {
    const read: number[] = [];
    const started = Date.now();
    const error = await readDocument(corpusFile('bangkalan-standar-pelayanan-2025-cuplikan.scan.pdf'), {
      scan: { maxPages: 4, onPage: (done) => read.push(done) },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocumentReadError);
    const refused = error as DocumentReadError;
    expect(refused.code).toBe('DOCUMENT_TOO_MANY_PAGES');
    expect(refused.path).toBe('bangkalan-standar-pelayanan-2025-cuplikan.scan.pdf');
    expect(refused.message).toBe(
      'bangkalan-standar-pelayanan-2025-cuplikan.scan.pdf: pindaian ini berisi 6 halaman, lebih dari 4 halaman yang dapat dibaca OCR sekaligus; belum ada halaman yang dibaca. Pecah PDF-nya menjadi berkas paling banyak 4 halaman, dipotong di antara dua SOP atau dua layanan (misalnya halaman 1–3 dan 4–6), lalu impor berkas itu satu per satu. Dokumen sepanjang ini juga dapat dibaca utuh dengan perintah "npx alur import-sop".',
    );
    expect(read).toEqual([]);
    // Counted, not rendered: six pages of OCR would take far longer.
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('refuses the 63-page Bangkalan standards scan at the reader default of 60 pages', async () => {
    const read: number[] = [];
    const error = await readDocument(corpusFile('bangkalan-standar-pelayanan-2025.scan.pdf'), {
      scan: { onPage: (done) => read.push(done) },
    }).catch((caught: unknown) => caught);
    expect((error as DocumentReadError).code).toBe('DOCUMENT_TOO_MANY_PAGES');
    expect((error as DocumentReadError).message).toContain(
      'pindaian ini berisi 63 halaman, lebih dari 60 halaman yang dapat dibaca OCR sekaligus; belum ada halaman yang dibaca.',
    );
    expect((error as DocumentReadError).message).toContain('(misalnya halaman 1–32 dan 33–63)');
    expect(read).toEqual([]);
  }, 60_000);

  it('is read whole, page by page, reporting each page done, when it is within the limit', async () => {
    const progress: Array<[number, number]> = [];
    const document = await readDocument(corpusFile('halaman-pindaian.scan.pdf'), {
      scan: { maxPages: 1, onPage: (done, pages) => progress.push([done, pages]) },
    });
    expect(document.pages).toHaveLength(1);
    expect(document.pages[0]!.lines.length).toBeGreaterThan(5);
    expect(progress).toEqual([[1, 1]]);
  }, 120_000);

  it('names ranges for any length and points to the command line only where it can read the whole', () => {
    expect(scanTooManyPagesMessage(63, 60, true).id).toContain('(misalnya halaman 1–32 dan 33–63)');
    const huge = scanTooManyPagesMessage(250, 60, false);
    expect(huge.id).toContain('(misalnya halaman 1–50, 51–100, 101–150, 151–200 dan 201–250)');
    expect(huge.id).not.toContain('import-sop');
    expect(huge.en).toContain('(for example pages 1–50, 51–100, 101–150, 151–200 and 201–250)');
  });
});
