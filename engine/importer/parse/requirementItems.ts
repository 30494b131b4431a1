import { listItems } from './readCover.ts';

/** A list item's marker: "1." "1)" "a." "a)". */
const MARKER = /^\s*(\d+|[a-z])([.)])\s+/;

/** How a list numbers its items: digits or letters, closed by "." or ")". */
function styleOf(match: RegExpExecArray): string {
  return `${/\d/.test(match[1]!) ? 'number' : 'letter'}${match[2]}`;
}

/**
 * Splits "a. A; b. B; c. C" written on one line into its items, in letter order; a letter is taken
 * as the next item only after a ";" or "." so "huruf b. di atas" inside an item never splits it.
 */
function splitLetteredRun(line: string): string[] {
  const body = line.trim();
  if (!/^a\.\s/.test(body)) return [body];
  const items: string[] = [];
  let start = 0;
  for (let code = 'b'.charCodeAt(0); code <= 'z'.charCodeAt(0); code += 1) {
    const marker = new RegExp(`[;.]\\s+${String.fromCharCode(code)}\\.\\s`);
    const match = marker.exec(body.slice(start));
    if (!match) break;
    // Cut after the ";"/"." that closes the previous item.
    const at = start + match.index + 1;
    items.push(body.slice(start, at));
    start = at;
  }
  items.push(body.slice(start));
  return items.map((item) => item.trim()).filter((item) => item.length > 0);
}

/**
 * The requirements of a service standard (Persyaratan): one per top-level item. The document's first
 * marker sets the top level ("a." in "a. …", "1) …", "a) …"); items numbered another way are the
 * details of the item above them and stay part of it, and a run of items on one line is split.
 */
export function requirementItems(text: string): string[] {
  const lines = text
    .split('\n')
    .flatMap(splitLetteredRun)
    .filter((line) => line.trim().length > 0);
  const first = lines.map((line) => MARKER.exec(line)).find((match) => match !== null);
  if (!first) return listItems(text);
  const top = styleOf(first);
  const items: string[] = [];
  for (const line of lines) {
    const match = MARKER.exec(line);
    if (items.length === 0 || (match !== null && styleOf(match) === top)) items.push(line);
    else items[items.length - 1] = `${items[items.length - 1]} ${line.trim()}`;
  }
  return items.flatMap((item) => listItems(item));
}
