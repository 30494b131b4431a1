/**
 * Reads a PDF with a text layer (pdf.js, legacy build for Node): each page's text items with their positions and
 * its ruling lines become lines and table rows (see pageLayout.ts). A PDF with (almost) no text is a scan and goes
 * to OCR (readScan.ts) by itself.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { DocumentPage, DocumentText } from '../documentText.ts';
import { layoutPage, type PlacedText } from './pageLayout.ts';
import { rulesFromOperators } from './pdfRulings.ts';
import { checkDocumentSize, DocumentReadError } from './readError.ts';
import { READ_MESSAGES, tooManyPagesMessage } from './readMessages.ts';
import { readScan, type ScanOptions } from './readScan.ts';

/** Largest PDF accepted (bytes) and most pages read; an SOP book is a few dozen pages. */
const PDF_LIMITS = { maxBytes: 30 * 1024 * 1024, maxPages: 200 };
/** Fewer text characters per page than this means the pages are images: read them with OCR. */
const MIN_TEXT_PER_PAGE = 20;

/** True for a pdf.js text item (the other kind only marks a content section). */
function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/** Reads one page's text items into top-down boxes. */
function placedItems(items: unknown[], pageHeight: number, origin: [number, number]): PlacedText[] {
  const placed: PlacedText[] = [];
  for (const item of items) {
    if (!isTextItem(item) || item.str.trim() === '') continue;
    const [, , , d, e, f] = item.transform as [number, number, number, number, number, number];
    const size = Math.abs(item.height || d) || 1;
    const baseline = pageHeight - (f - origin[1]);
    placed.push({
      text: item.str,
      x: e - origin[0],
      right: e - origin[0] + item.width,
      top: baseline - size * 0.8,
      bottom: baseline + size * 0.2,
    });
  }
  return placed;
}

/** Opens a PDF with pdf.js, turning its refusals into typed Indonesian errors. */
async function openPdf(
  bytes: Uint8Array,
  fileName: string,
): Promise<Awaited<ReturnType<typeof getDocument>['promise']>> {
  try {
    // A copy: pdf.js detaches the buffer it is given, and the caller may still need the bytes (for OCR).
    return await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      throw new DocumentReadError('DOCUMENT_ENCRYPTED', fileName, READ_MESSAGES.pdfEncrypted);
    }
    throw new DocumentReadError('DOCUMENT_UNREADABLE', fileName, READ_MESSAGES.pdfBroken);
  }
}

/** Reads a PDF into pages of lines and table rows; a PDF without a text layer is read by OCR. */
export async function readPdf(bytes: Uint8Array, fileName: string, scan: ScanOptions = {}): Promise<DocumentText> {
  checkDocumentSize(bytes, fileName, PDF_LIMITS.maxBytes);
  const pdf = await openPdf(bytes, fileName);
  try {
    if (pdf.numPages > PDF_LIMITS.maxPages) {
      throw new DocumentReadError(
        'DOCUMENT_TOO_MANY_PAGES',
        fileName,
        tooManyPagesMessage(pdf.numPages, PDF_LIMITS.maxPages),
      );
    }
    const pages: DocumentPage[] = [];
    let characters = 0;
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const width = x1 - x0;
      const height = y1 - y0;
      const content = await page.getTextContent();
      const items = placedItems(content.items, height, [x0, y0]);
      const pageCharacters = items.reduce((sum, item) => sum + item.text.trim().length, 0);
      characters += pageCharacters;
      // A page without text needs no table rules; skipping its operator list spares decoding a scan's page images.
      const operators = pageCharacters > 0 ? await page.getOperatorList() : undefined;
      const rules = operators
        ? rulesFromOperators(operators.fnArray, operators.argsArray, OPS, height, [x0, y0])
        : { horizontal: [], vertical: [] };
      pages.push({ page: number, lines: layoutPage(items, rules, { width, height, tolerance: 2 }) });
      page.cleanup();
    }
    if (characters < MIN_TEXT_PER_PAGE * pdf.numPages) return await readScan(bytes, fileName, 'pdf', scan);
    return { fileName, format: 'pdf', pages };
  } finally {
    await pdf.destroy();
  }
}
