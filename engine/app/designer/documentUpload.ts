import { createHash } from 'node:crypto';
import type { RawRegency } from '../../definition/sopTypes.ts';
import type { DocumentText } from '../../importer/documentText.ts';
import { ImportError } from '../../importer/importError.ts';
import { draftsOf } from '../../importer/draftsOf.ts';
import { readDocumentOffLoop } from '../../importer/readOffLoop.ts';
import { AppError } from '../appErrors.ts';
import { detectFileKind, MEDIA_TYPE_OF } from '../detectFileType.ts';
import type { PendingDraft } from '../../storage/designer/sourceDocumentStore.ts';

/** Largest document accepted (a scanned SOP book of ~40 pages at 200 dpi fits). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** A reading that takes longer is abandoned with a message (OCR of a very long scan). */
const READ_TIMEOUT_MS = 180_000;
/**
 * Scanned pages read per upload. OCR takes 6–9 s a page on a 2-core server (more while it is busy), so a longer
 * scan would run into READ_TIMEOUT_MS after minutes of waiting; it is refused at once instead, with the page
 * ranges to split it into and the command (`alur import-sop`) that reads it whole.
 */
export const DESIGNER_SCAN_MAX_PAGES = 20;

const TEXT_TYPES: Record<string, string> = { txt: 'text/plain', md: 'text/markdown', markdown: 'text/markdown' };
const BINARY_KINDS: Record<string, string> = { pdf: 'pdf', docx: 'docx', png: 'png', jpg: 'jpeg', jpeg: 'jpeg' };
const ACCEPTED = '.docx, .pdf, .txt, .md, .png, .jpg';

/** An uploaded document and what the importer read from it, ready to be stored in the request's transaction. */
export interface DocumentReading {
  fileName: string;
  mediaType: string;
  sha256: string;
  content: Uint8Array;
  document: DocumentText;
  drafts: PendingDraft[];
}

function refuse(code: 'VALIDATION_FAILED' | 'UNSUPPORTED_MEDIA_TYPE' | 'UNPROCESSABLE', message: string): AppError {
  return new AppError(code, message, '/body');
}

/** The file's media type, checked against its content (a renamed file is refused, never guessed). */
function mediaTypeOf(fileName: string, bytes: Uint8Array): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const text = TEXT_TYPES[extension];
  if (text) {
    if (bytes.includes(0)) throw refuse('UNSUPPORTED_MEDIA_TYPE', `${fileName} bukan berkas teks. Unggah ${ACCEPTED}.`);
    return text;
  }
  const expected = BINARY_KINDS[extension];
  if (!expected)
    throw refuse('UNSUPPORTED_MEDIA_TYPE', `Jenis berkas ${fileName} tidak dapat dibaca. Unggah ${ACCEPTED}.`);
  const kind = detectFileKind(bytes);
  if (kind !== expected)
    throw refuse(
      'UNSUPPORTED_MEDIA_TYPE',
      `Isi ${fileName} tidak sesuai dengan jenis berkasnya (.${extension}). Simpan ulang dari aplikasi aslinya lalu unggah lagi.`,
    );
  return MEDIA_TYPE_OF[kind];
}

/** The file name as given, without any folder, for display and `source.document`. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()?.trim() ?? '';
  if (base.length === 0 || base.length > 200)
    throw new AppError(
      'VALIDATION_FAILED',
      'Sebutkan nama berkas (fileName), paling panjang 200 huruf.',
      '/query/fileName',
    );
  return base;
}

let reading = false;

/**
 * Reads an uploaded SOP document with the importer, before the request's transaction opens (OCR of a scan takes
 * seconds and holds no database connection meanwhile). One reading at a time per server process, so a few
 * uploads cannot starve the office's daily work; the rest are asked to retry.
 */
export async function readUploadedDocument(
  bytes: Buffer,
  fileName: string,
  regency: RawRegency,
): Promise<DocumentReading> {
  if (!Buffer.isBuffer(bytes) || bytes.length === 0)
    throw refuse('VALIDATION_FAILED', 'Berkas kosong. Pilih dokumen SOP yang akan diimpor.');
  const content = new Uint8Array(bytes);
  const mediaType = mediaTypeOf(fileName, content);
  if (reading) throw new AppError('RATE_LIMITED', 'Dokumen lain sedang dibaca. Coba lagi sebentar lagi.', '/body');
  reading = true;
  try {
    // Read in a worker thread, so the server keeps answering while a large document is parsed; a reading that runs
    // over its time is stopped there and refused with a message saying what to do.
    const document = await readDocumentOffLoop({ name: fileName, bytes: content }, READ_TIMEOUT_MS, {
      maxPages: DESIGNER_SCAN_MAX_PAGES,
    });
    const result = { document, drafts: draftsOf(document, { regencyId: regency.id, regency }) };
    if (result.drafts.length === 0)
      throw refuse(
        'UNPROCESSABLE',
        `Tidak ada SOP yang ditemukan di ${fileName}. Pastikan dokumen memuat tabel sampul dan tabel langkah SOP (Permenpan RB 35/2012).`,
      );
    return {
      fileName,
      mediaType,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      document: result.document,
      drafts: result.drafts.map((d) => ({
        sopId: d.sopId,
        name: d.name,
        yaml: d.yaml,
        warnings: d.warnings.map((w) => w.message),
      })),
    };
  } catch (error) {
    if (error instanceof ImportError)
      throw new AppError('UNPROCESSABLE', error.message, '/body', undefined, error.code);
    throw error;
  } finally {
    reading = false;
  }
}
