/**
 * Reads a list lettered "a. … b. … c. …" into its top-level items, wherever the items were written: one per line,
 * several on one line with or without ";" between them, or with a lettered list nested inside an item
 * ("a. Melalui mekanisme: a. Online …; b. Offline …; b. Fasilitator …"). Service standards print all of these.
 */

/** A letter marker: "b. " at the start of the text or after a space. */
const MARKER = /(^|\s)([a-z])\.\s+(?=\S)/g;

/** Words after which "b." is a reference inside the item ("huruf b. di atas"), never a new item. */
const REFERENCE = /\b(?:huruf|butir|poin|angka|ayat|pasal)\s*$/i;

interface Marker {
  /** Where the marker's letter starts. */
  at: number;
  letter: string;
  /** The marker starts a line, or the text before it closes with ";", "." or ":", or the item starts a sentence. */
  boundary: boolean;
  lineStart: boolean;
}

function markersOf(text: string): Marker[] {
  const markers: Marker[] = [];
  for (const match of text.matchAll(MARKER)) {
    const lead = match[1] ?? '';
    const at = (match.index ?? 0) + lead.length;
    const before = text.slice(0, at);
    if (REFERENCE.test(before)) continue;
    const after = text.slice(at + match[0].length - lead.length);
    const boundary = at === 0 || lead === '\n' || /[;.:]\s*$/.test(before) || /^[A-Z0-9"(]/.test(after);
    markers.push({ at, letter: match[2] ?? '', boundary, lineStart: lead === '\n' });
  }
  return markers;
}

const next = (letter: string): string => String.fromCharCode(letter.charCodeAt(0) + 1);

/**
 * The top-level items of a lettered list, each with its marker and with its nested lines joined by single spaces.
 * Letters are taken in order: an "a." after a ":" opens a nested list, a letter that continues an outer list closes
 * the nested ones, a letter out of order starts an item only at the start of a line and otherwise stays inside its
 * item. Text not starting with "a." is one item.
 */
export function letteredItems(text: string): string[] {
  const body = text.trim();
  const markers = markersOf(body);
  if (markers[0]?.at !== 0 || markers[0].letter !== 'a') return [body.replace(/\s+/g, ' ')];
  // The next letter expected at each open level, outermost first.
  const expected = ['b'];
  const starts = [0];
  let previous = 0;
  for (const marker of markers.slice(1)) {
    const before = body.slice(previous, marker.at).trimEnd();
    if (marker.letter === 'a' && before.endsWith(':')) {
      expected.push('b');
      previous = marker.at;
      continue;
    }
    let level = expected.lastIndexOf(marker.letter);
    // A letter out of order that starts its own line is still an item of the list (a skipped or repeated letter).
    if (level < 0 && marker.lineStart) level = 0;
    if (level < 0 || !marker.boundary) continue;
    expected.length = level + 1;
    expected[level] = next(marker.letter);
    if (level === 0) starts.push(marker.at);
    previous = marker.at;
  }
  return starts.map((start, i) =>
    body
      .slice(start, starts[i + 1] ?? body.length)
      .replace(/\s+/g, ' ')
      .trim(),
  );
}
