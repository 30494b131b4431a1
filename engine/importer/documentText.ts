/**
 * The text of a source document as every reader (plain text, .docx, PDF text layer, OCR) hands it to the SOP
 * parser: pages of lines, each line split into cells where the document has a table. One shape for all formats
 * so the parser never knows where the text came from, and every value it reads can say where it was found.
 */

/** The format a document was read from; OCR readings carry a confidence per cell. */
export type DocumentFormat = 'text' | 'markdown' | 'docx' | 'pdf' | 'scan';

/** One cell of a line (the whole line is one cell when it is not a table row). */
export interface DocumentCell {
  text: string;
  /**
   * Left edge as a fraction of the page width (0..1), when the reader knows positions (PDF, OCR). Table readers
   * that keep empty cells (text with tabs, .docx) leave it out: there the cell's index is its column.
   */
  x?: number;
  /** Right edge as a fraction of the page width, when known. */
  right?: number;
  /** 0..1; OCR's word confidence averaged over the cell. Absent means the text was read exactly. */
  confidence?: number;
}

/** One line (or table row) of a page. */
export interface DocumentLine {
  /** 1-based line number on its page. */
  line: number;
  cells: DocumentCell[];
  /** True when the reader knows this line is a row of a table (tabs, a .docx table, aligned PDF columns). */
  tableRow?: boolean;
}

/** One page; plain text and .docx are one page unless they carry page breaks. */
export interface DocumentPage {
  /** 1-based page number. */
  page: number;
  lines: DocumentLine[];
}

/** A whole document as read. */
export interface DocumentText {
  /** The file name as given (never a full path: it is shown to drafters and stored in `source.document`). */
  fileName: string;
  format: DocumentFormat;
  pages: DocumentPage[];
}
