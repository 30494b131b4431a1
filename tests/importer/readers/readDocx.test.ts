import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../engine/importer/readDocument.ts';
import { DocumentReadError } from '../../../engine/importer/readers/readError.ts';
import { allLines, corpusFile, DECISION_ROW, stepRow } from './fixtures.ts';

describe('readDocx on the Kutai Kartanegara corpus', () => {
  it('keeps every column of a step row, empty lane cells and the Ya/Tidak marks in their lanes', async () => {
    const document = await readDocument(corpusFile('kutai-kartanegara-sop-2025.docx'));
    expect(document.format).toBe('docx');
    const row = stepRow(document, '6', 'Melaporkan hasil asesmen kepada Kabid Rehsos');
    expect(row?.cells.map((cell) => cell.text)).toEqual(DECISION_ROW);
    // The lane header row names the five lanes in order.
    const lanes = allLines(document).find(
      (line) => line.cells[2]?.text === 'Desa / Kelurahan' && line.cells[3]?.text === 'Staf Bidang Rehsos',
    );
    expect(lanes?.cells.slice(2, 7).map((cell) => cell.text)).toEqual([
      'Desa / Kelurahan',
      'Staf Bidang Rehsos',
      'Puskesmas / TKSK',
      'Kabid Rehsos',
      'Kepala Dinas',
    ]);
  });

  it('reads all 12 SOP cover tables and keeps list items of a cell as separate lines', async () => {
    const document = await readDocument(corpusFile('kutai-kartanegara-sop-2025.docx'));
    const numbers = allLines(document).filter((line) => line.cells.some((cell) => cell.text === 'Nomor SOP'));
    expect(numbers).toHaveLength(12);
    expect(numbers[0]?.cells[1]?.text).toBe('P-164/DINSOS/LINJAMSOS/000.9.3.3/08/2025');
    const laws = allLines(document).find((line) =>
      line.cells[0]?.text.startsWith('1. Undang-Undang Nomor 40 Tahun 2004'),
    );
    expect(laws?.cells[0]?.text.split('\n')).toHaveLength(7);
  });

  it('refuses an empty file, a file that is not a .docx and a .doc/password-protected file with typed errors', async () => {
    const refuse = async (bytes: Uint8Array): Promise<DocumentReadError> => {
      const error = await readDocument({ name: 'sop.docx', bytes }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DocumentReadError);
      return error as DocumentReadError;
    };
    expect((await refuse(new Uint8Array())).code).toBe('DOCUMENT_EMPTY');
    const broken = await refuse(new TextEncoder().encode('ini bukan dokumen Word'));
    expect(broken.code).toBe('DOCUMENT_UNREADABLE');
    expect(broken.message).toMatch(/^sop\.docx: .*\.docx/);
    expect(broken.messageEn).toMatch(/Word document/);
    const zipHead = corpusFile('kutai-kartanegara-sop-2025.docx').bytes.slice(0, 3000);
    expect((await refuse(zipHead)).code).toBe('DOCUMENT_UNREADABLE');
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refuse(ole)).code).toBe('DOCUMENT_ENCRYPTED');
  });
});
