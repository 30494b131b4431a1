// STAND-IN until branch issue-21a is merged (removed before that merge).
export type ImportErrorCode = 'UNSUPPORTED_FORMAT' | 'UNREADABLE_FILE' | 'UNKNOWN_REGENCY' | 'NO_SOP_FOUND';
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly path: string,
    message: { id: string; en: string },
  ) {
    super(message.id);
  }
}
