/**
 * Reads a list lettered "a. … b. … c. …" into its top-level items, wherever the items were written: one per line,
 * several on one line with or without ";" between them, or with a lettered list nested inside an item
 * ("a. Melalui mekanisme: a. Online …; b. Offline …; b. Fasilitator …"). Service standards print all of these.
 */

/**
 * A letter marker: "b. " at the start of the text or after a space. OCR also reads "b." as "B.", "b," or "b£.":
 * those count only as the letter the list expects next (see `letteredItems`).
 */
const MARKER = /(^|\s)([a-zA-Z])([^\sA-Za-z0-9]?)([.,])\s+(?=\S)/g;

/** Words after which "b." is a reference inside the item ("huruf b. di atas"), never a new item. */
const REFERENCE = /\b(?:huruf|butir|poin|angka|ayat|pasal)\s*$/i;

interface Marker {
  /** Where the marker's letter starts. */
  at: number;
  letter: string;
  /** The marker starts a line, or the text before it closes with ";", "." or ":", or the item starts a sentence. */
  boundary: boolean;
  lineStart: boolean;
  /** Read as printed ("b."), not one of the OCR variants. */
  exact: boolean;
  /** Where the text after the marker starts. */
  textAt: number;
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
    const letter = match[2] ?? '';
    const exact = /[a-z]/.test(letter) && match[3] === '' && match[4] === '.';
    const textAt = (match.index ?? 0) + match[0].length;
    // A misread letter needs a clear end of the item before it: "Dr. B. Santoso" is a name, not item b.
    if (!exact && !(lead === '\n' || /[;:]\s*$/.test(before))) continue;
    markers.push({ at, letter: letter.toLowerCase(), boundary, lineStart: lead === '\n', exact, textAt });
  }
  return markers;
}

const next = (letter: string): string => String.fromCharCode(letter.charCodeAt(0) + 1);

/**
 * The top-level items of a lettered list, each with its marker ("c. ") and its nested lines joined by single spaces.
 * Letters are taken in order: an "a." after a ":" opens a nested list, a letter that continues an outer list closes
 * the nested ones, a letter out of order starts an item only at the start of a line and otherwise stays inside its
 * item. Text not starting with "a." is one item.
 */
export function letteredItems(text: string): string[] {
  const body = text.trim();
  const markers = markersOf(body);
  const first = markers[0];
  if (first?.at !== 0 || !first.exact || first.letter !== 'a') return [body.replace(/\s+/g, ' ')];
  // The next letter expected at each open level, outermost first.
  const expected = ['b'];
  const starts = [first];
  let previous = 0;
  for (const marker of markers.slice(1)) {
    const before = body.slice(previous, marker.at).trimEnd();
    if (marker.exact && marker.letter === 'a' && before.endsWith(':')) {
      expected.push('b');
      previous = marker.at;
      continue;
    }
    let level = expected.lastIndexOf(marker.letter);
    // A letter out of order that starts its own line is still an item of the list (a skipped or repeated letter).
    if (level < 0 && marker.lineStart && marker.exact) level = 0;
    if (level < 0 || !marker.boundary) continue;
    expected.length = level + 1;
    expected[level] = next(marker.letter);
    if (level === 0) starts.push(marker);
    previous = marker.at;
  }
  // Each item starts with its marker as printed ("c. "), whichever way OCR read it.
  return starts.map((start, i) =>
    `${start.letter}. ${body.slice(start.textAt, starts[i + 1]?.at ?? body.length)}`.replace(/\s+/g, ' ').trim(),
  );
}
