/** What can go wrong when importing a document, as a closed list of codes. */
export type ImportErrorCode = 'UNSUPPORTED_FORMAT' | 'UNREADABLE_FILE' | 'UNKNOWN_REGENCY' | 'NO_SOP_FOUND';

/** An import failure the drafter can act on: a code, where (the file, or a page/line), and what to do. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly path: string;
  readonly messageEn: string;

  constructor(code: ImportErrorCode, path: string, message: { id: string; en: string }) {
    super(message.id);
    this.name = 'ImportError';
    this.code = code;
    this.path = path;
    this.messageEn = message.en;
  }
}
