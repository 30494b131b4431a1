import type { DocumentFormat, DocumentLine, DocumentPage, DocumentText } from '../documentText.ts';
import { cleanCellText } from './cleanCellText.ts';

/**
 * Reads plain text or markdown (as pasted from Word, a PDF or a converter) into the shared document shape: a
 * form feed starts a new page, a line with tabs is a table row whose cells keep their index as their column.
 */
export function readText(fileName: string, text: string, format: DocumentFormat = 'text'): DocumentText {
  const pages: DocumentPage[] = text
    .replace(/\r\n?/g, '\n')
    .split('\f')
    .map((pageText, pageIndex) => ({
      page: pageIndex + 1,
      lines: pageText.split('\n').map((raw, lineIndex): DocumentLine => {
        const isRow = raw.includes('\t');
        const cells = (isRow ? raw.split('\t') : [raw]).map((cell) => ({ text: cleanCellText(cell) }));
        return isRow ? { line: lineIndex + 1, cells, tableRow: true } : { line: lineIndex + 1, cells };
      }),
    }));
  return { fileName, format, pages };
}
