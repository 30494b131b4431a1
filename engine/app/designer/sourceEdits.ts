import { isMap, isScalar, parseDocument, stringify } from 'yaml';

/** A value as YAML writes it on one line (quoted only when it has to be). */
function scalarText(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/**
 * Sets top-level keys of an SOP's YAML (status, regency, id) by replacing only those values in the text,
 * so every other byte (comments, flow style, spacing) stays as the drafter wrote it. A missing key is
 * added at the top. Returns the source unchanged when it is not a YAML mapping.
 */
export function setTopLevel(source: string, values: Record<string, string>): string {
  const doc = parseDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return source;
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const missing: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const node: unknown = doc.contents.get(key, true);
    const range =
      node !== null && typeof node === 'object' && 'range' in node
        ? (node as { range?: [number, number, number] }).range
        : undefined;
    if (range) edits.push({ start: range[0], end: range[1], text: scalarText(value) });
    else missing.push(`${key}: ${scalarText(value)}\n`);
  }
  let text = source;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  if (missing.length > 0) {
    const first = doc.contents.items[0]?.key;
    const at = isScalar(first) && first.range ? first.range[0] : 0;
    text = text.slice(0, at) + missing.join('') + text.slice(at);
  }
  return text;
}

/** Reads a top-level string field (id, name) from YAML text, or undefined when it cannot be read. */
export function readTopLevel(source: string, key: string): string | undefined {
  const doc = parseDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const value: unknown = doc.get(key);
  return typeof value === 'string' ? value : undefined;
}
