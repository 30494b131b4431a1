/**
 * Reads a Word document (.docx) with mammoth: its HTML rendering becomes lines and table rows (docxHtmlLines.ts).
 * A .docx has no fixed pages, so the whole document is page 1.
 */
import mammoth from 'mammoth';
import type { DocumentText } from '../documentText.ts';
import { docxHtmlLines } from './docxHtmlLines.ts';
import { checkDocumentSize, DocumentReadError } from './readError.ts';
import { READ_MESSAGES } from './readMessages.ts';

/** Largest .docx accepted (bytes); SOP documents are well under this even with logos. */
const DOCX_LIMITS = { maxBytes: 20 * 1024 * 1024 };

/** Refuses what is not a .docx by its first bytes: a ZIP starts "PK"; an OLE file is a .doc or a protected .docx. */
function checkSignature(bytes: Uint8Array, fileName: string): void {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return;
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new DocumentReadError('DOCUMENT_ENCRYPTED', fileName, READ_MESSAGES.docxProtected);
  }
  throw new DocumentReadError('DOCUMENT_UNREADABLE', fileName, READ_MESSAGES.docxBroken);
}

/** Reads a .docx into one page of lines; tables keep every cell, empty ones included. */
export async function readDocx(bytes: Uint8Array, fileName: string): Promise<DocumentText> {
  checkDocumentSize(bytes, fileName, DOCX_LIMITS.maxBytes);
  checkSignature(bytes, fileName);
  let html: string;
  try {
    // Images are dropped: the importer needs the words, and a scanned logo would only bloat the HTML.
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch {
    throw new DocumentReadError('DOCUMENT_UNREADABLE', fileName, READ_MESSAGES.docxContentBroken);
  }
  const lines = docxHtmlLines(html);
  if (lines.length === 0) {
    throw new DocumentReadError('DOCUMENT_NO_TEXT', fileName, READ_MESSAGES.docxNoText);
  }
  return { fileName, format: 'docx', pages: [{ page: 1, lines }] };
}
