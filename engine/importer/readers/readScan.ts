/**
 * Reads a scanned PDF or a photo/scan image (PNG, JPEG) through OCR: pages rendered to greyscale with poppler's
 * `pdftoppm`, straightened, table rules found and erased, words read by Tesseract (Indonesian), then laid out into
 * lines and table cells like a PDF text layer (pageLayout.ts), every cell with its OCR confidence.
 * The slow parts are child processes, so a request's event loop is never blocked for a whole page of OCR.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
import { READ_MESSAGES, scanTooManyPagesMessage } from './readMessages.ts';
import { tesseractLanguages, tesseractWords } from './tesseractWords.ts';

const run = promisify(execFile);

/** Limits for OCR: bytes in, pages read, time per page. */
const SCAN_LIMITS = { maxBytes: 40 * 1024 * 1024, maxPages: 60, pageTimeoutMs: 180_000 };

/** Pages `alur import-sop` reads from one scan: no request waits on it, so a whole standards document fits. */
export const UNATTENDED_MAX_PAGES = 200;

/**
 * How a scan is read. A designer upload sets a lower page limit, what OCR finishes within its request's time
 * (documentUpload.ts); `alur import-sop`, which no request waits on, reads a long standards document whole and
 * shows progress.
 */
export interface ScanOptions {
  /** More pages than this are refused before any page is read (default 60). */
  maxPages?: number;
  /** Longest one page may take to render or to OCR (default 180 s). */
  pageTimeoutMs?: number;
  /** Called after each page is read: pages done and pages in all. */
  onPage?: (done: number, pages: number) => void;
}

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

/** Maps poppler's failure on a PDF (or on one of its pages) to the drafter's error: encrypted, or not renderable. */
function popplerError(error: unknown, fileName: string, page?: number): DocumentReadError {
  const text = error instanceof Error ? error.message : '';
  if (/incorrect password|encrypted/i.test(text)) {
    return new DocumentReadError('DOCUMENT_ENCRYPTED', fileName, READ_MESSAGES.pdfEncrypted);
  }
  return new DocumentReadError('DOCUMENT_UNREADABLE', fileName, READ_MESSAGES.pageNotRendered, page);
}

/** The number of pages of a PDF (poppler's `pdfinfo`), known before any page is rendered. */
async function pageCount(input: string, fileName: string): Promise<number> {
  try {
    const { stdout } = await run('pdfinfo', [input], { timeout: 30_000, maxBuffer: 1024 * 1024 });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
    if (Number.isInteger(pages) && pages > 0) return pages;
  } catch (error) {
    throw popplerError(error, fileName);
  }
  throw new DocumentReadError('DOCUMENT_UNREADABLE', fileName, READ_MESSAGES.pageNotRendered);
}

/** Renders one page of a PDF to a greyscale PGM file in `folder`; returns its path. */
async function renderPage(
  input: string,
  number: number,
  folder: string,
  fileName: string,
  timeoutMs: number,
): Promise<string> {
  const base = join(folder, `page-${number}`);
  try {
    await run(
      'pdftoppm',
      [
        '-gray',
        '-scale-to',
        String(LONG_SIDE_PX),
        '-f',
        String(number),
        '-l',
        String(number),
        '-singlefile',
        input,
        base,
      ],
      { timeout: timeoutMs, maxBuffer: 1024 * 1024 },
    );
  } catch (error) {
    throw popplerError(error, fileName, number);
  }
  return `${base}.pgm`;
}

/** OCRs one rendered page: straighten, find and erase rules, read words, lay out. */
async function readPage(pagePath: string, number: number, fileName: string, timeoutMs: number): Promise<DocumentPage> {
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
    words = await tesseractWords(cleanPath, 'ind', timeoutMs);
    const numberCells = emptyNumberCells(straight, rules, words, geometry);
    words.push(...(await reocrNumberCells(straight, numberCells, `${pagePath}.cells.pgm`, timeoutMs)));
  } catch {
    throw new DocumentReadError('OCR_FAILED', fileName, READ_MESSAGES.ocrFailed, number);
  }
  return { page: number, lines: layoutPage(words, rules, geometry) };
}

/**
 * Reads a scanned PDF (`kind` "pdf") or a PNG/JPEG image (`kind` "image") through OCR, page by page: each page is
 * rendered, read and its image removed before the next, each within its own time, so a long document needs no
 * more disk or memory than one page and a slow page is named in the error. A document over the page limit is
 * refused before any page is read, with the page ranges to split it into.
 */
export async function readScan(
  bytes: Uint8Array,
  fileName: string,
  kind: 'pdf' | 'image',
  options: ScanOptions = {},
): Promise<DocumentText> {
  const maxPages = options.maxPages ?? SCAN_LIMITS.maxPages;
  const timeoutMs = options.pageTimeoutMs ?? SCAN_LIMITS.pageTimeoutMs;
  checkDocumentSize(bytes, fileName, SCAN_LIMITS.maxBytes);
  await checkOcrTools(fileName);
  const pdf = kind === 'pdf' ? bytes : await imageToPdf(bytes, fileName);
  const folder = await mkdtemp(join(tmpdir(), 'alur-ocr-'));
  try {
    const input = join(folder, 'input.pdf');
    await writeFile(input, pdf);
    const count = await pageCount(input, fileName);
    if (count > maxPages) {
      throw new DocumentReadError(
        'DOCUMENT_TOO_MANY_PAGES',
        fileName,
        scanTooManyPagesMessage(count, maxPages, maxPages < UNATTENDED_MAX_PAGES && count <= UNATTENDED_MAX_PAGES),
      );
    }
    const pages: DocumentPage[] = [];
    for (let number = 1; number <= count; number += 1) {
      const pagePath = await renderPage(input, number, folder, fileName, timeoutMs);
      pages.push(await readPage(pagePath, number, fileName, timeoutMs));
      await Promise.all(['', '.clean.pgm', '.cells.pgm'].map((end) => rm(`${pagePath}${end}`, { force: true })));
      options.onPage?.(number, count);
    }
    if (pages.every((page) => page.lines.length === 0)) {
      throw new DocumentReadError('DOCUMENT_NO_TEXT', fileName, READ_MESSAGES.scanNoText);
    }
    return { fileName, format: 'scan', pages };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
