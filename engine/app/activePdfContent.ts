// PDF name objects that make a document run code, open other files or carry files of its own.
const ACTIVE_NAMES = ['/JavaScript', '/JS', '/Launch', '/EmbeddedFile', '/OpenAction', '/AA', '/RichMedia', '/XFA'];

/**
 * Whether a PDF carries active content. A scan of a paper document never needs it, and a PDF that
 * runs code when a colleague opens it is exactly what an upload must not let in. Names may be written
 * with #xx escapes (`/J#61vaScript`), so those are decoded before matching.
 */
export function hasActivePdfContent(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes)
    .toString('latin1')
    .replace(/#([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return ACTIVE_NAMES.some((name) => new RegExp(`${name.replace('/', '\\/')}(?![A-Za-z0-9])`).test(text));
}
