import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyNumberCells, reocrNumberCells } from '../../../engine/importer/readers/cellReocr.ts';
import { findRules, parsePgm, type GrayImage } from '../../../engine/importer/readers/grayImage.ts';
import { layoutPage } from '../../../engine/importer/readers/pageLayout.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'alur-cell-reocr-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Draws a ruled table (a narrow No column and a wide text column) as a PDF, then renders it grey at 300 dpi. */
async function renderTable(rows: Array<[string, string]>, name: string): Promise<GrayImage> {
  const doc = new PDFDocument({ size: [300, 40 + rows.length * 40], margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.lineWidth(0.8);
  rows.forEach(([no, text], index) => {
    const top = 20 + index * 40;
    doc.rect(20, top, 24, 40).stroke();
    doc.rect(44, top, 236, 40).stroke();
    doc.fontSize(9).text(no, 24, top + 4, { lineBreak: false });
    doc.fontSize(9).text(text, 48, top + 4, { width: 228 });
  });
  doc.end();
  await done;
  const pdf = path.join(folder, `${name}.pdf`);
  writeFileSync(pdf, Buffer.concat(chunks));
  execFileSync('pdftoppm', ['-gray', '-r', '300', '-singlefile', pdf, path.join(folder, name)]);
  return parsePgm(readFileSync(path.join(folder, `${name}.pgm`)));
}

describe('re-reading the No cells that page OCR left empty', () => {
  it('finds the number cells with ink and reads their digits back at their place in the row', async () => {
    const image = await renderTable(
      [
        ['7', 'Penetapan penerima bantuan'],
        ['', 'lanjutan baris sebelumnya'],
        ['12', 'Penyaluran bantuan'],
      ],
      'table',
    );
    const rules = findRules(image, 45);
    const geometry = { width: image.width, height: image.height, tolerance: 8 };
    // As if page OCR had read only the activity texts: the number cells hold ink but no word.
    const activityWords = [
      { text: 'Penetapan', x: 210, right: 420, top: 100, bottom: 130 },
      { text: 'lanjutan', x: 210, right: 400, top: 270, bottom: 300 },
      { text: 'Penyaluran', x: 210, right: 430, top: 435, bottom: 465 },
    ];
    const boxes = emptyNumberCells(image, rules, activityWords, geometry);
    expect(boxes).toHaveLength(2); // the empty No cell of the continuation row has no ink
    const numbers = await reocrNumberCells(image, boxes, path.join(folder, 'cells.pgm'), 60_000);
    expect(numbers.map((n) => n.text)).toEqual(['7', '12']);
    const lines = layoutPage([...activityWords, ...numbers], rules, geometry);
    expect(lines.map((line) => line.cells[0]?.text)).toEqual(['7', '', '12']);
  }, 60_000);

  it('leaves a number cell alone when page OCR already read a word there', async () => {
    const image = await renderTable([['3', 'Verifikasi berkas']], 'read');
    const rules = findRules(image, 45);
    const geometry = { width: image.width, height: image.height, tolerance: 8 };
    const words = [{ text: '3', x: 105, right: 125, top: 100, bottom: 130 }];
    expect(emptyNumberCells(image, rules, words, geometry)).toEqual([]);
  }, 60_000);
});

describe('row boundaries of a scanned table', () => {
  const geometry = { width: 1000, height: 600, tolerance: 8 };
  const vertical = [0, 100, 900].map((x) => ({ x, y1: 100, y2: 400 }));
  const full = (y: number) => ({ y, x1: 0, x2: 900 });
  const word = (text: string, x: number, top: number) => ({ text, x, right: x + 60, top, bottom: top + 20 });

  it('does not cut a row at a short stroke inside one cell', () => {
    const rules = { horizontal: [full(100), { y: 180, x1: 700, x2: 760 }, full(300)], vertical };
    const lines = layoutPage([word('1', 20, 110), word('atas', 200, 110), word('bawah', 200, 250)], rules, geometry);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.cells.map((c) => c.text)).toEqual(['1', 'atas bawah']);
  });

  it('keeps a column edge whose scanned border lost its last pixels', () => {
    const broken = [{ x: 0, y1: 100, y2: 380 }, ...vertical.slice(1)];
    const rules = { horizontal: [full(100), full(200), full(400)], vertical: broken };
    const lines = layoutPage([word('2', 20, 290), word('isi', 200, 290)], rules, geometry);
    expect(lines[0]!.cells.map((c) => c.text)).toEqual(['2', 'isi']);
  });
});
