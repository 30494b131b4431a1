import type { DocumentCell, DocumentText } from '../documentText.ts';
import type { SourceSpot } from './parsedSop.ts';

/** One line of a document with its page: what the parser walks over. */
export interface FlatLine {
  page: number;
  line: number;
  cells: DocumentCell[];
  tableRow: boolean;
  /** The cells joined with single spaces. */
  text: string;
}

/** Every line of every page, in reading order. */
export function flatLines(document: DocumentText): FlatLine[] {
  return document.pages.flatMap((page) =>
    page.lines.map((line) => ({
      page: page.page,
      line: line.line,
      cells: line.cells,
      tableRow: line.tableRow === true || line.cells.length > 1,
      text: line.cells
        .map((c) => c.text)
        .filter((t) => t.length > 0)
        .join(' '),
    })),
  );
}

/** The lowest OCR confidence of the cells given (undefined when all were read exactly). */
export function lowestConfidence(cells: readonly DocumentCell[]): number | undefined {
  const known = cells.map((c) => c.confidence).filter((c): c is number => c !== undefined);
  return known.length > 0 ? Math.min(...known) : undefined;
}

/** Where a line is, with the confidence of the cells read from it. */
export function spotOf(line: FlatLine, cells: readonly DocumentCell[] = line.cells): SourceSpot {
  const confidence = lowestConfidence(cells);
  return confidence === undefined
    ? { page: line.page, line: line.line }
    : { page: line.page, line: line.line, confidence };
}

/** Lower-case letters only: how labels are compared ("Pihak-Pihak Yang Terkait" → "pihakpihakyangterkait"). */
export function labelKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, '');
}
