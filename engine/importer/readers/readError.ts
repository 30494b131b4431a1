/**
 * The one error every document reader throws: a closed code, the file it concerns and an Indonesian message saying
 * what is wrong and what the drafter can do. Routes map it to a 4xx answer; it never escapes as a crash.
 */

/** Why a document could not be read. */
export type DocumentReadCode =
  | 'DOCUMENT_EMPTY'
  | 'DOCUMENT_TOO_LARGE'
  | 'DOCUMENT_TOO_MANY_PAGES'
  | 'DOCUMENT_UNREADABLE'
  | 'DOCUMENT_ENCRYPTED'
  | 'DOCUMENT_NO_TEXT'
  | 'OCR_UNAVAILABLE'
  | 'OCR_FAILED';

/** A document the readers refuse, with where (`path`: the file name, and the page when known) and what to do. */
export class DocumentReadError extends Error {
  readonly path: string;
  constructor(
    readonly code: DocumentReadCode,
    readonly fileName: string,
    message: string,
    readonly page?: number,
  ) {
    super(`${fileName}${page === undefined ? '' : `, halaman ${page}`}: ${message}`);
    this.name = 'DocumentReadError';
    this.path = page === undefined ? fileName : `${fileName}#halaman=${page}`;
  }
}

/** Refuses an empty or oversized file before any parser sees it. */
export function checkDocumentSize(bytes: Uint8Array, fileName: string, maxBytes: number): void {
  if (bytes.length === 0) {
    throw new DocumentReadError('DOCUMENT_EMPTY', fileName, 'berkas kosong (0 bita). Unggah ulang dokumen aslinya.');
  }
  if (bytes.length > maxBytes) {
    const mb = (size: number): string => (size / 1024 / 1024).toFixed(1).replace('.', ',');
    throw new DocumentReadError(
      'DOCUMENT_TOO_LARGE',
      fileName,
      `berkas ${mb(bytes.length)} MB, lebih besar dari batas ${mb(maxBytes)} MB. Pisahkan dokumen per SOP atau perkecil hasil pindaiannya.`,
    );
  }
}
