/**
 * The one error every document reader throws: a closed code, the file (and page) it concerns and a message in
 * Indonesian and English saying what is wrong and what the drafter can do. It is an ImportError, so everything that
 * reports import failures reports these too; it never escapes as a crash.
 */
import { ImportError } from '../importError.ts';
import { READ_MESSAGES, tooLargeMessage } from './readMessages.ts';

/** Why a document could not be read. */
export type DocumentReadCode =
  | 'DOCUMENT_EMPTY'
  | 'DOCUMENT_TOO_LARGE'
  | 'DOCUMENT_TOO_MANY_PAGES'
  | 'DOCUMENT_UNREADABLE'
  | 'DOCUMENT_ENCRYPTED'
  | 'DOCUMENT_NO_TEXT'
  | 'DOCUMENT_TIMEOUT'
  | 'OCR_UNAVAILABLE'
  | 'OCR_FAILED';

/** A document the readers refuse; `path` is the file name, with `#halaman=N` when one page is at fault. */
export class DocumentReadError extends ImportError {
  constructor(
    readonly readCode: DocumentReadCode,
    readonly fileName: string,
    message: { id: string; en: string },
    readonly page?: number,
  ) {
    const where = `${fileName}${page === undefined ? '' : `, halaman ${page}`}`;
    const whereEn = `${fileName}${page === undefined ? '' : `, page ${page}`}`;
    super(readCode, page === undefined ? fileName : `${fileName}#halaman=${page}`, {
      id: `${where}: ${message.id}`,
      en: `${whereEn}: ${message.en}`,
    });
    this.name = 'DocumentReadError';
  }
}

/** Refuses an empty or oversized file before any parser sees it. */
export function checkDocumentSize(bytes: Uint8Array, fileName: string, maxBytes: number): void {
  if (bytes.length === 0) throw new DocumentReadError('DOCUMENT_EMPTY', fileName, READ_MESSAGES.empty);
  if (bytes.length > maxBytes) {
    throw new DocumentReadError('DOCUMENT_TOO_LARGE', fileName, tooLargeMessage(bytes.length, maxBytes));
  }
}
