/**
 * Reads a Word document (.docx) with mammoth: its HTML rendering becomes lines and table rows (docxHtmlLines.ts).
 * A .docx has no fixed pages, so the whole document is page 1.
 */
import mammoth from 'mammoth';
import type { DocumentText } from '../documentText.js';
import { docxHtmlLines } from './docxHtmlLines.js';
import { checkDocumentSize, DocumentReadError } from './readError.js';

/** Largest .docx accepted (bytes); SOP documents are well under this even with logos. */
export const DOCX_LIMITS = { maxBytes: 20 * 1024 * 1024 };

/** Refuses what is not a .docx by its first bytes: a ZIP starts "PK"; an OLE file is a .doc or a protected .docx. */
function checkSignature(bytes: Uint8Array, fileName: string): void {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return;
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new DocumentReadError(
      'DOCUMENT_ENCRYPTED',
      fileName,
      'berkas ini dilindungi kata sandi atau berformat Word lama (.doc). Buka di Word atau LibreOffice, hapus kata sandinya, lalu simpan sebagai .docx.',
    );
  }
  throw new DocumentReadError(
    'DOCUMENT_UNREADABLE',
    fileName,
    'berkas ini bukan dokumen Word (.docx) yang utuh. Simpan ulang dari Word atau LibreOffice sebagai .docx lalu unggah lagi.',
  );
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
    throw new DocumentReadError(
      'DOCUMENT_UNREADABLE',
      fileName,
      'isi dokumen Word ini tidak dapat dibaca (berkas rusak atau terpotong). Simpan ulang sebagai .docx lalu unggah lagi.',
    );
  }
  const lines = docxHtmlLines(html);
  if (lines.length === 0) {
    throw new DocumentReadError(
      'DOCUMENT_NO_TEXT',
      fileName,
      'dokumen Word ini tidak berisi tulisan. Periksa apakah isinya berupa gambar; jika ya, unggah sebagai PDF hasil pindaian.',
    );
  }
  return { fileName, format: 'docx', pages: [{ page: 1, lines }] };
}
