import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentLine, DocumentText } from '../../../engine/importer/documentText.ts';

const FOLDER = path.resolve(import.meta.dirname, '../../fixtures/importer');

/** The bytes of one corpus file (tests/fixtures/importer). */
export function corpusFile(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new Uint8Array(readFileSync(path.join(FOLDER, name))) };
}

/** Every line of a document, pages in order. */
export function allLines(document: DocumentText): DocumentLine[] {
  return document.pages.flatMap((page) => page.lines);
}

/** The table row whose first cell is `number` and whose second cell starts with `activityStart`. */
export function stepRow(document: DocumentText, number: string, activityStart: string): DocumentLine | undefined {
  return allLines(document).find(
    (line) => line.tableRow === true && line.cells[0]?.text === number && line.cells[1]?.text.startsWith(activityStart),
  );
}

/** Step 6 of the Kutai Kartanegara SOP P-002 as printed: a decision with its Tidak and Ya marks in two lanes. */
export const DECISION_ROW = [
  '6',
  'Melaporkan hasil asesmen kepada Kabid Rehsos untuk pengambilan Keputusan',
  '',
  'Tidak',
  '',
  '',
  'Ya',
  'Laporan hasil asesmen',
  '2 hari setelah asesmen',
  'Data pilah kelayakan penerima bantuan',
  '',
];
