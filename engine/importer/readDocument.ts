import type { DocumentText } from './documentText.ts';
import { ImportError } from './importError.ts';
import { readDocx } from './readers/readDocx.ts';
import { readPdf } from './readers/readPdf.ts';
import { readScan, type ScanOptions } from './readers/readScan.ts';
import { readText } from './readers/readText.ts';

/** How documents are read; only scans have options so far (page limit, progress). */
export interface ReadOptions {
  scan?: ScanOptions;
}

/** A document reader: the file's bytes in, its text in the shared shape out. */
export type DocumentReader = (
  file: { name: string; bytes: Uint8Array },
  options: ReadOptions,
) => Promise<DocumentText> | DocumentText;

const decodeText = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

/** One reader per file kind (by extension): text, .docx, PDF (scans through OCR) and scanned images. */
export const documentReaders: Readonly<Record<string, DocumentReader>> = {
  txt: (file) => readText(file.name, decodeText(file.bytes), 'text'),
  text: (file) => readText(file.name, decodeText(file.bytes), 'text'),
  md: (file) => readText(file.name, decodeText(file.bytes), 'markdown'),
  markdown: (file) => readText(file.name, decodeText(file.bytes), 'markdown'),
  docx: (file) => readDocx(file.bytes, file.name),
  // A PDF without a text layer is sent on to OCR by readPdf itself.
  pdf: (file, options) => readPdf(file.bytes, file.name, options.scan),
  png: (file, options) => readScan(file.bytes, file.name, 'image', options.scan),
  jpg: (file, options) => readScan(file.bytes, file.name, 'image', options.scan),
  jpeg: (file, options) => readScan(file.bytes, file.name, 'image', options.scan),
};

/** The lower-case extension of a file name ("" when it has none). */
export function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(name);
  return match?.[1] !== undefined ? match[1].toLowerCase() : '';
}

/** Reads a document with the reader for its kind; an unknown kind is an ImportError naming the kinds known. */
export async function readDocument(
  file: { name: string; bytes: Uint8Array },
  options: ReadOptions = {},
): Promise<DocumentText> {
  const extension = extensionOf(file.name);
  const reader = documentReaders[extension];
  if (!reader)
    throw new ImportError('UNSUPPORTED_FORMAT', file.name, {
      id: `Jenis berkas "${extension || 'tanpa ekstensi'}" belum bisa dibaca. Gunakan salah satu: ${Object.keys(
        documentReaders,
      )
        .map((e) => `.${e}`)
        .join(', ')}.`,
      en: `Files of kind "${extension || 'no extension'}" cannot be read yet. Use one of: ${Object.keys(documentReaders)
        .map((e) => `.${e}`)
        .join(', ')}.`,
    });
  return reader(file, options);
}
