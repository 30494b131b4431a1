import { inflateSync } from 'node:zlib';

// PDF name objects that make a document run code, open other files or carry files of its own.
const ACTIVE_NAMES = ['/JavaScript', '/JS', '/Launch', '/EmbeddedFile', '/OpenAction', '/AA', '/RichMedia', '/XFA'];

/** Most bytes all decoded streams of one upload may inflate to; a scan never comes near it. */
const MAX_DECODED_BYTES = 32 * 1024 * 1024;

function namesActiveContent(latin1: string): boolean {
  const text = latin1.replace(/#([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return ACTIVE_NAMES.some((name) => new RegExp(`${name.replace('/', '\\/')}(?![A-Za-z0-9])`).test(text));
}

/**
 * The Flate-compressed streams of a PDF, decoded. Dictionaries can hide inside compressed object
 * streams (/ObjStm) and scripts inside compressed streams, where a scan of the raw bytes sees neither.
 * Returns undefined when the streams inflate beyond the budget (a decompression bomb).
 */
function decodedStreams(latin1: string, bytes: Buffer): string[] | undefined {
  const decoded: string[] = [];
  let budget = MAX_DECODED_BYTES;
  const streamStart = /stream\r?\n/g;
  for (let match = streamStart.exec(latin1); match; match = streamStart.exec(latin1)) {
    const start = match.index + match[0].length;
    const end = latin1.indexOf('endstream', start);
    if (end < 0) break;
    const dictionary = latin1.slice(Math.max(0, latin1.lastIndexOf('obj', match.index)), match.index);
    if (/FlateDecode|\/Fl\b/.test(dictionary)) {
      try {
        const inflated = inflateSync(bytes.subarray(start, end), { maxOutputLength: budget + 1 });
        budget -= inflated.length;
        decoded.push(inflated.toString('latin1'));
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          return undefined;
        // A damaged stream decodes to nothing: its raw bytes were already checked.
      }
      if (budget < 0) return undefined;
    }
    streamStart.lastIndex = end;
  }
  return decoded;
}

/**
 * Whether a PDF carries active content. A scan of a paper document never needs it, and a PDF that
 * runs code when a colleague opens it is exactly what an upload must not let in. Names may be written
 * with #xx escapes (`/J#61vaScript`), so those are decoded before matching; compressed streams are
 * inflated and checked too. A PDF whose streams inflate beyond any real scan counts as active (refused).
 */
export function hasActivePdfContent(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes);
  const latin1 = buffer.toString('latin1');
  if (namesActiveContent(latin1)) return true;
  const streams = decodedStreams(latin1, buffer);
  return streams === undefined || streams.some(namesActiveContent);
}
