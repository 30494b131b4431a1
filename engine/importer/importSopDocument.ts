import type { DocumentText } from './documentText.ts';
import { draftsOf, type ImportedDraft, type ImportOptions } from './draftsOf.ts';
import { readDocument, type ReadOptions } from './readDocument.ts';

/** What importing a document gives: the text as read (shown beside the draft) and one draft per SOP found. */
export interface ImportResult {
  document: DocumentText;
  drafts: ImportedDraft[];
}

/**
 * Reads an SOP document (text or markdown here; .docx, PDF and scans through the same reader table) and writes
 * one draft YAML per SOP found. Each draft is checked with the project's loader; what it reports is returned as
 * warnings of that draft, never thrown.
 */
export async function importSopDocument(
  file: { name: string; bytes: Uint8Array },
  options: ImportOptions,
  read: ReadOptions = {},
): Promise<ImportResult> {
  const document = await readDocument(file, read);
  return { document, drafts: draftsOf(document, options) };
}
