import type { DocumentText } from '../documentText.ts';
import type { ImportErrorCode } from '../importError.ts';

/** What the reader worker is given: the file as uploaded, and the scan limits (no callbacks cross threads). */
export interface ReaderRequest {
  name: string;
  bytes: Uint8Array;
  scan?: { maxPages?: number; pageTimeoutMs?: number };
}

/** What the reader worker answers: the document, or the reader's refusal in a form that crosses threads. */
export type ReaderAnswer =
  | { ok: true; document: DocumentText }
  | { ok: false; code: ImportErrorCode; path: string; message: { id: string; en: string } };
