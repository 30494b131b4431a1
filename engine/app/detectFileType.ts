import type { FileKind, Requirement } from '../definition/sopTypes.ts';

/** Media types of the file kinds Alur accepts, recognised by their content, never by name or declared type. */
export const MEDIA_TYPE_OF: Readonly<Record<FileKind, string>> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const EXTENSION_OF: Readonly<Record<FileKind, string>> = {
  pdf: '.pdf',
  jpeg: '.jpg',
  png: '.png',
  xlsx: '.xlsx',
  docx: '.docx',
};

/** What a scan may be when its document type declares nothing. */
export const DEFAULT_FILE_KINDS: readonly FileKind[] = ['pdf', 'jpeg', 'png'];

/** Whether `needle` occurs in the first `limit` bytes (an Office file names its parts uncompressed). */
function contains(bytes: Uint8Array, needle: string, limit = 1 << 20): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, limit)).includes(needle, 0, 'latin1');
}

/** Detects a file's kind from its content; undefined for anything Alur does not accept. */
export function detectFileKind(bytes: Uint8Array): FileKind | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b))
    return 'png';
  if (bytes.length >= 5 && new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-') return 'pdf';
  // Office Open XML is a ZIP whose part names say what it is (ECMA-376 Part 2, Open Packaging Conventions).
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    if (contains(bytes, 'xl/workbook.xml')) return 'xlsx';
    if (contains(bytes, 'word/document.xml')) return 'docx';
  }
  return undefined;
}

/** The file kinds a document type accepts in an SOP (its requirement, or one side of an "A atau B"). */
export function acceptedKinds(requirements: readonly Requirement[], doc: string): readonly FileKind[] {
  for (const r of requirements) {
    if (r.doc === doc && r.accepts) return r.accepts;
    const side = r.either?.find((e) => e.doc === doc);
    if (side?.accepts) return side.accepts;
  }
  return DEFAULT_FILE_KINDS;
}

/** A display-safe file name: no directories, no control characters, bounded length. */
export function safeFileName(name: string | undefined, kind: FileKind): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return cleaned.length > 0 ? cleaned : `berkas${EXTENSION_OF[kind]}`;
}
