import {
  Document,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  stringify,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
  visit,
} from 'yaml';

type Edit = { start: number; end: number; text: string };
type Json = unknown;

const FLOW_UNSAFE = /[,[\]{}#]|: |^[\s\-?:!&*|>'"%@`]|\s$|^$/;

/** A scalar as YAML text that reads back the same in block and in flow context. */
function scalarText(value: Json): string {
  if (typeof value === 'string') {
    const plain = stringify(value, { lineWidth: 0 }).trimEnd();
    return FLOW_UNSAFE.test(value) || plain.includes('\n') || plain !== value ? JSON.stringify(value) : value;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** A value on one line (flow style), for scalars and flow collections. */
function inlineText(value: Json): string {
  if (value === null || typeof value !== 'object') return scalarText(value);
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}

/** Block YAML of a value indented to `column` (the first line too when `indentFirst`, for new entries). */
function blockText(value: Json, column: number, indentFirst = false, flowItems = true): string {
  const doc = new Document(value);
  const items = isSeq(doc.contents) ? new Set<unknown>(doc.contents.items) : new Set<unknown>();
  // Small flat maps and lists go on one line, as the seeds write fields, lanes and requirement lists.
  visit(doc, {
    Map: (_, node) =>
      void (node !== doc.contents && (flowItems || !items.has(node)) && isFlat(node.toJSON()) && (node.flow = true)),
    Seq: (_, node) => void (node !== doc.contents && isFlat(node.toJSON()) && (node.flow = true)),
  });
  const lines = doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd().split('\n');
  return lines.map((line, i) => (i === 0 && !indentFirst ? line : ' '.repeat(column) + line)).join('\n');
}

/** A collection of scalars (or lists of scalars) short enough for one line. */
function isFlat(value: Json): boolean {
  if (value === null || typeof value !== 'object') return false;
  const scalar = (v: Json) => v === null || typeof v !== 'object';
  const inner = Object.values(value as Record<string, Json>);
  return inner.every((v) => scalar(v) || (Array.isArray(v) && v.every(scalar))) && JSON.stringify(value).length <= 110;
}

function isPlainObject(value: Json): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function deepEqual(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i === -1 ? text.length : i + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The end of a node's text, without the trailing newline a block node swallows. */
function contentEnd(text: string, node: Node): number {
  let end = node.range![1];
  while (end > node.range![0] && (text[end - 1] === '\n' || text[end - 1] === ' ')) end -= 1;
  return end;
}

function replaceNode(text: string, node: Node, value: Json, edits: Edit[]): void {
  const start = node.range![0];
  const end = contentEnd(text, node);
  const block =
    isCollection(node) && !node.flow && value !== null && typeof value === 'object' && Object.keys(value).length > 0;
  edits.push({ start, end, text: block ? blockText(value, columnOf(text, start)) : inlineText(value) });
}

function pairKey(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function patchMap(
  text: string,
  node: YAMLMap,
  before: Record<string, Json>,
  after: Record<string, Json>,
  edits: Edit[],
): void {
  if (node.flow || node.items.length === 0) return replaceNode(text, node, after, edits);
  const column = columnOf(text, node.range![0]);
  for (const pair of node.items) {
    if (!isPair(pair)) continue;
    const key = pairKey(pair);
    if (!(key in after) || after[key] === undefined) {
      const keyNode = pair.key as Node;
      const valueNode = pair.value as Node | null;
      const end = valueNode?.range ? lineEnd(text, contentEnd(text, valueNode)) : lineEnd(text, keyNode.range![1]);
      edits.push({ start: lineStart(text, keyNode.range![0]), end, text: '' });
    } else if (!deepEqual(before[key], after[key])) {
      const valueNode = pair.value as Node | null;
      if (
        valueNode?.range &&
        !(isScalar(valueNode) && valueNode.value === null && valueNode.range[0] === valueNode.range[1])
      )
        patchNode(text, valueNode, before[key], after[key], edits);
      else
        edits.push({
          start: (pair.key as Node).range![0],
          end: lineEnd(text, (pair.key as Node).range![1]) - 1,
          text: blockText({ [key]: after[key] }, column),
        });
    }
  }
  const keys = Object.keys(after);
  const added = Object.entries(after).filter(([key, value]) => !(key in before) && value !== undefined);
  if (added.length === 0) return;
  const last = node.items[node.items.length - 1]!;
  const lastNode = (last.value as Node | null)?.range ? (last.value as Node) : (last.key as Node);
  const end = lineEnd(text, contentEnd(text, lastNode));
  // A new key goes before the first existing key that follows it in `next`, so the intended order holds.
  const groups = new Map<number, Array<[string, Json]>>();
  for (const [key, value] of added) {
    const follower = keys.slice(keys.indexOf(key) + 1).find((k) => k in before && after[k] !== undefined);
    const pair = node.items.find((p) => isPair(p) && pairKey(p) === follower);
    const at = pair ? lineStart(text, (pair.key as Node).range![0]) : end;
    groups.set(at, [...(groups.get(at) ?? []), [key, value]]);
  }
  for (const [at, entries] of groups) {
    const rendered = blockText(Object.fromEntries(entries), column, true);
    edits.push({ start: at, end: at, text: `${at > 0 && text[at - 1] !== '\n' ? '\n' : ''}${rendered}\n` });
  }
}

/** A new list item is written on one line only when its neighbours are (lanes are, steps are not). */
function flowSiblings(node: YAMLSeq): boolean {
  const last = node.items[node.items.length - 1];
  return isCollection(last) && last.flow === true;
}

/** The index pair (from, to) when `after` is `before` with one item moved, else undefined. */
function movedItem(before: Json[], after: Json[]): [number, number] | undefined {
  if (before.length !== after.length) return undefined;
  for (let from = 0; from < before.length; from++) {
    const rest = [...before.slice(0, from), ...before.slice(from + 1)];
    for (let to = 0; to < after.length; to++)
      if (
        to !== from &&
        deepEqual(after[to], before[from]) &&
        deepEqual([...rest.slice(0, to), before[from], ...rest.slice(to)], after)
      )
        return [from, to];
  }
  return undefined;
}

/** The whole lines of a sequence item (its own comment lines stay where they are). */
function itemLines(text: string, item: Node): [number, number] {
  return [lineStart(text, item.range![0]), lineEnd(text, contentEnd(text, item))];
}

function patchSeq(text: string, node: YAMLSeq, before: Json[], after: Json[], edits: Edit[]): void {
  if (node.flow || node.items.length === 0) return replaceNode(text, node, after, edits);
  const column = columnOf(text, node.range![0]);
  const items = node.items as Node[];
  // A moved row is cut and pasted as written, comments and folded text inside it kept.
  const moved = movedItem(before, after);
  if (moved) {
    const [from, to] = moved;
    const [start, end] = itemLines(text, items[from]!);
    const at = to > from ? itemLines(text, items[to]!)[1] : itemLines(text, items[to]!)[0];
    edits.push({ start, end, text: '' });
    edits.push({ start: at, end: at, text: text.slice(start, end) });
    return;
  }
  const inserted =
    after.length === before.length + 1
      ? after.findIndex((_, k) => deepEqual([...after.slice(0, k), ...after.slice(k + 1)], before))
      : -1;
  if (inserted >= 0 && inserted < before.length) {
    const at = itemLines(text, items[inserted]!)[0];
    edits.push({ start: at, end: at, text: `${blockText([after[inserted]], column, true, flowSiblings(node))}\n` });
    return;
  }
  if (after.length === before.length) {
    node.items.forEach((item, i) => {
      if (!deepEqual(before[i], after[i])) patchNode(text, item as Node, before[i], after[i], edits);
    });
    return;
  }
  if (after.length > before.length) {
    // Items added at the end, the existing ones patched in place (a new last row takes over the ending).
    before.forEach((item, i) => {
      if (!deepEqual(item, after[i])) patchNode(text, items[i]!, item, after[i], edits);
    });
    const at = lineEnd(text, contentEnd(text, node.items[node.items.length - 1] as Node));
    edits.push({
      start: at,
      end: at,
      text: `${blockText(after.slice(before.length), column, true, flowSiblings(node))}\n`,
    });
    return;
  }
  const removed = before.findIndex((_, i) => !deepEqual(before[i], after[i]));
  if (
    after.length === before.length - 1 &&
    deepEqual([...before.slice(0, removed), ...before.slice(removed + 1)], after)
  ) {
    const item = node.items[removed] as Node;
    edits.push({ start: lineStart(text, item.range![0]), end: lineEnd(text, contentEnd(text, item)), text: '' });
    return;
  }
  replaceNode(text, node, after, edits);
}

function patchNode(text: string, node: Node, before: Json, after: Json, edits: Edit[]): void {
  if (deepEqual(before, after)) return;
  if (isMap(node) && isPlainObject(before) && isPlainObject(after)) return patchMap(text, node, before, after, edits);
  if (isSeq(node) && Array.isArray(before) && Array.isArray(after)) return patchSeq(text, node, before, after, edits);
  replaceNode(text, node, after, edits);
}

/**
 * Rewrites YAML text so it reads as `next`, touching only what changed: values are replaced in place,
 * removed keys and list items are cut, added ones appended with the surrounding indentation. Comments,
 * flow style and folded text elsewhere stay as the drafter wrote them. Unreadable text is replaced whole.
 */
export function patchYaml(text: string, next: Json): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !doc.contents) return stringify(next, { lineWidth: 0, flowCollectionPadding: false });
  const edits: Edit[] = [];
  patchNode(text, doc.contents as Node, doc.toJS() as Json, next, edits);
  let out = text;
  // Applied from the end; of two insertions at one spot the later-found (an outer map's new key) goes last.
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => b.edit.start - a.edit.start || b.index - a.index);
  for (const { edit } of ordered) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
