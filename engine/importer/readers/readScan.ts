/**
 * Reads a scanned PDF or a photo/scan image (PNG, JPEG) through OCR: pages rendered to greyscale with poppler's
 * `pdftoppm`, straightened, table rules found and erased, words read by Tesseract (Indonesian), then laid out into
 * lines and table cells like a PDF text layer (pageLayout.ts), every cell with its OCR confidence.
 * The slow parts are child processes, so a request's event loop is never blocked for a whole page of OCR.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import type { DocumentPage, DocumentText } from '../documentText.ts';
import { emptyNumberCells, reocrNumberCells } from './cellReocr.ts';
import { imageSize } from './imageSize.ts';
import { eraseRules, estimateSkew, findRules, parsePgm, rotate, writePgm } from './grayImage.ts';
import { layoutPage } from './pageLayout.ts';
import { checkDocumentSize, DocumentReadError } from './readError.ts';
import { READ_MESSAGES, tooManyPagesMessage } from './readMessages.ts';
import { tesseractLanguages, tesseractWords } from './tesseractWords.ts';

const run = promisify(execFile);

/** Limits for OCR: bytes in, pages read, time per page. */
const SCAN_LIMITS = { maxBytes: 40 * 1024 * 1024, maxPages: 60, pageTimeoutMs: 180_000 };
/** Pages are rendered with their longer side this many pixels (about 300 dpi for A4, what Tesseract reads best). */
const LONG_SIDE_PX = 3400;

/** Wraps a PNG or JPEG into a one-page PDF so poppler renders every input the same way (pdfkit reads both). */
async function imageToPdf(bytes: Uint8Array, fileName: string): Promise<Uint8Array> {
  const size = imageSize(bytes);
  if (!size) {
    throw new DocumentReadError('DOCUMENT_UNREADABLE', fileName, READ_MESSAGES.imageBroken);
  }
  try {
    const doc = new PDFDocument({ autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    doc.addPage({ size: [size.width, size.height], margin: 0 });
    doc.image(Buffer.from(bytes), 0, 0, { width: size.width, height: size.height });
    doc.end();
    await done;
    return Buffer.concat(chunks);
  } catch {
    throw new DocumentReadError('DOCUMENT_UNREADABLE', fileName, READ_MESSAGES.imageBroken);
  }
}

/** Checks that the OCR programs are installed, naming the Debian packages when they are not. */
async function checkOcrTools(fileName: string): Promise<void> {
  const languages = await tesseractLanguages();
  if (!languages || !languages.includes('ind')) {
    throw new DocumentReadError('OCR_UNAVAILABLE', fileName, READ_MESSAGES.ocrMissing);
  }
  try {
    await run('pdftoppm', ['-v'], { timeout: 15_000 });
  } catch {
    throw new DocumentReadError('OCR_UNAVAILABLE', fileName, READ_MESSAGES.popplerMissing);
  }
}

/** Renders the pages of a PDF to greyscale PGM files in `folder`, returned in page order. */
async function renderPages(pdf: Uint8Array, folder: string, fileName: string): Promise<string[]> {
  const input = join(folder, 'input.pdf');
  await writeFile(input, pdf);
  try {
    await run(
      'pdftoppm',
      ['-gray', '-scale-to', String(LONG_SIDE_PX), '-l', String(SCAN_LIMITS.maxPages + 1), input, join(folder, 'page')],
      {
        timeout: SCAN_LIMITS.pageTimeoutMs * 2,
        maxBuffer: 1024 * 1024,
      },
    );
  } catch (error) {
    const text = error instanceof Error ? error.message : '';
    if (/incorrect password|encrypted/i.test(text)) {
      throw new DocumentReadError('DOCUMENT_ENCRYPTED', fileName, READ_MESSAGES.pdfEncrypted);
    }
    throw new DocumentReadError('DOCUMENT_UNREADABLE', fileName, READ_MESSAGES.pageNotRendered);
  }
  const pages = (await readdir(folder))
    .filter((name) => /^page-\d+\.pgm$/.test(name))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  if (pages.length > SCAN_LIMITS.maxPages) {
    throw new DocumentReadError(
      'DOCUMENT_TOO_MANY_PAGES',
      fileName,
      tooManyPagesMessage(undefined, SCAN_LIMITS.maxPages),
    );
  }
  return pages.map((name) => join(folder, name));
}

/** OCRs one rendered page: straighten, find and erase rules, read words, lay out. */
async function readPage(pagePath: string, number: number, fileName: string): Promise<DocumentPage> {
  const image = parsePgm(await readFile(pagePath));
  const straight = rotate(image, estimateSkew(image));
  const scale = Math.max(straight.width, straight.height) / LONG_SIDE_PX;
  const rules = findRules(straight, Math.round(45 * scale));
  eraseRules(straight, rules, 5);
  const cleanPath = `${pagePath}.clean.pgm`;
  await writeFile(cleanPath, writePgm(straight));
  const geometry = { width: straight.width, height: straight.height, tolerance: 8 * scale };
  let words;
  try {
    words = await tesseractWords(cleanPath, 'ind', SCAN_LIMITS.pageTimeoutMs);
    const numberCells = emptyNumberCells(straight, rules, words, geometry);
    words.push(...(await reocrNumberCells(straight, numberCells, `${pagePath}.cells.pgm`, SCAN_LIMITS.pageTimeoutMs)));
  } catch {
    throw new DocumentReadError('OCR_FAILED', fileName, READ_MESSAGES.ocrFailed, number);
  }
  return { page: number, lines: layoutPage(words, rules, geometry) };
}

/** Reads a scanned PDF (`kind` "pdf") or a PNG/JPEG image (`kind` "image") through OCR. */
export async function readScan(bytes: Uint8Array, fileName: string, kind: 'pdf' | 'image'): Promise<DocumentText> {
  checkDocumentSize(bytes, fileName, SCAN_LIMITS.maxBytes);
  await checkOcrTools(fileName);
  const pdf = kind === 'pdf' ? bytes : await imageToPdf(bytes, fileName);
  const folder = await mkdtemp(join(tmpdir(), 'alur-ocr-'));
  try {
    const pagePaths = await renderPages(pdf, folder, fileName);
    const pages: DocumentPage[] = [];
    for (const [index, pagePath] of pagePaths.entries()) pages.push(await readPage(pagePath, index + 1, fileName));
    if (pages.every((page) => page.lines.length === 0)) {
      throw new DocumentReadError('DOCUMENT_NO_TEXT', fileName, READ_MESSAGES.scanNoText);
    }
    return { fileName, format: 'scan', pages };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
