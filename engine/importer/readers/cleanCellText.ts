/**
 * Cleans the text of one table cell as word processors and converters leave it: markdown emphasis, underline and
 * bold tags, links, and HTML lists pasted into a cell. List items become separate lines ("\n"), so the parser can
 * read a Dasar Hukum cell as its numbered laws.
 */

const BLOCK_TAG = /<\/?(?:div|p|li|br)\b[^>]*>/gi;
const ANY_TAG = /<[^>]+>/g;

/** Splits "1. A2. B3. C" (a pasted `<ol>` whose numbers were run together) into its items, in order. */
export function splitNumberedRun(text: string): string[] {
  const body = text.trim();
  if (!/^1\.\s/.test(body)) return [body];
  const items: string[] = [];
  let start = 0;
  for (let n = 2; ; n += 1) {
    // The next number must follow a non-digit so "Nomor 12. " is never read as item 2.
    const marker = new RegExp(`(?<!\\d)${n}\\.\\s`);
    const rest = body.slice(start + 1);
    const match = marker.exec(rest);
    if (!match) break;
    const at = start + 1 + match.index;
    items.push(body.slice(start, at));
    start = at;
  }
  items.push(body.slice(start));
  return items.map((item) => item.replace(/^\d+\.\s*/, '').trim()).filter((item) => item.length > 0);
}

function unorderedItems(inner: string): string[] {
  return inner
    .split(/(?:^|(?<=[.;:]))\s*-\s+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** The readable text of a cell; list items are separated by "\n". */
export function cleanCellText(raw: string): string {
  let text = raw
    .replace(/<ol\b[^>]*>([\s\S]*?)(?:<\/ol>|$)/gi, (_m, inner: string) => `\n${splitNumberedRun(inner).join('\n')}\n`)
    .replace(/<ul\b[^>]*>([\s\S]*?)(?:<\/ul>|$)/gi, (_m, inner: string) => `\n${unorderedItems(inner).join('\n')}\n`)
    .replace(BLOCK_TAG, '\n')
    .replace(ANY_TAG, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
  text = text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
  return text;
}
