import { letteredItems } from './letteredItems.ts';
import { listItems } from './readCover.ts';

/** A list item's marker: "1." "1)" "a." "a)". */
const MARKER = /^\s*(\d+|[a-z])([.)])\s+/;

/** How a list numbers its items: digits or letters, closed by "." or ")". */
function styleOf(match: RegExpExecArray): string {
  return `${/\d/.test(match[1]!) ? 'number' : 'letter'}${match[2]}`;
}

/**
 * The requirements of a service standard (Persyaratan): one per top-level item. The document's first
 * marker sets the top level ("a." in "a. …", "1) …", "a) …"); items numbered another way are the
 * details of the item above them and stay part of it, and a run of "a. …" items on one line is split.
 */
export function requirementItems(text: string): string[] {
  const lines = text.split('\n').filter((line) => line.trim().length > 0);
  const first = lines.map((line) => MARKER.exec(line)).find((match) => match !== null);
  if (!first) return listItems(text);
  const top = styleOf(first);
  // "a." items: read in letter order across lines, so a run on one line, with or without ";", is split too.
  if (top === 'letter.' && /^a\.\s/.test(lines[0]?.trim() ?? ''))
    return joinWrappedLines(letteredItems(lines.join('\n'))).flatMap((item) => listItems(item));
  const items: string[] = [];
  for (const line of lines) {
    const match = MARKER.exec(line);
    if (items.length === 0 || (match !== null && styleOf(match) === top)) items.push(line);
    else items[items.length - 1] = `${items[items.length - 1]} ${line.trim()}`;
  }
  return joinWrappedLines(items).flatMap((item) => listItems(item));
}

/**
 * Joins an item that is only the wrapped line of the one above it: Word numbers each line of a list
 * paragraph, so "d. … KTP dari penerima manfaat dan" / "e. keluarga/wali/penanggungjawab" is one
 * requirement. Such a line starts in lower case and follows an item left unfinished (no ";", "." or ":").
 */
function joinWrappedLines(items: readonly string[]): string[] {
  const joined: string[] = [];
  for (const item of items) {
    const body = item.replace(MARKER, '').trim();
    const previous = joined[joined.length - 1];
    if (previous !== undefined && /^\p{Ll}/u.test(body) && !/[;.:]\s*$/.test(previous))
      joined[joined.length - 1] = `${previous.trimEnd()} ${body}`;
    else joined.push(item);
  }
  return joined;
}
