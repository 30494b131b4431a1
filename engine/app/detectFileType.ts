/** File types accepted for scans, recognised by their first bytes, never by name or declared type. */
export type ScanType = 'image/jpeg' | 'image/png' | 'application/pdf';

/** Detects a scan's type from its content; undefined for anything else. */
export function detectScanType(bytes: Uint8Array): ScanType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b))
    return 'image/png';
  if (bytes.length >= 5 && new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-') return 'application/pdf';
  return undefined;
}

/** A display-safe file name: no directories, no control characters, bounded length. */
export function safeFileName(name: string | undefined, type: ScanType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/^\.+/, '')
    .slice(0, 120);
  const extension = { 'image/jpeg': '.jpg', 'image/png': '.png', 'application/pdf': '.pdf' }[type];
  return cleaned.length > 0 ? cleaned : `berkas${extension}`;
}
