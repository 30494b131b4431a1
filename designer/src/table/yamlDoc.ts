import { isMap, isNode, isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';

// The order of a step's keys as the seeds write them, so a new key lands where a reader expects it.
const STEP_ORDER = [
  'id',
  'kind',
  'activity',
  'actor',
  'service',
  'requirements',
  'form',
  'time',
  'clock',
  'output',
  'notes',
  'next',
  'sendBack',
  'decision',
  'parallel',
  'forEach',
  'end',
];

/** The `steps` list of an SOP document. */
export function stepsOf(doc: Document): YAMLSeq {
  const steps = doc.get('steps', true);
  if (!isSeq(steps)) throw new Error('SOP tanpa daftar langkah');
  return steps;
}

/** One step of an SOP document as a YAML map. */
export function step(doc: Document, index: number): YAMLMap {
  const node = stepsOf(doc).items[index];
  if (!isMap(node)) throw new Error(`Langkah ${index + 1} tidak ada`);
  return node;
}

/** Sets a key of a step, a new key placed in the seeds' order; empty values remove the key. */
export function setKey(doc: Document, map: YAMLMap, key: string, value: unknown, flow = false): void {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    map.delete(key);
    return;
  }
  const node = isNode(value) ? value : doc.createNode(value, { flow });
  if (map.has(key)) {
    map.set(key, node);
    return;
  }
  const rank = STEP_ORDER.indexOf(key);
  const at = map.items.findIndex((pair) => STEP_ORDER.indexOf(String((pair.key as { value?: unknown }).value)) > rank);
  const pair = doc.createPair(key, node);
  if (at === -1) map.items.push(pair);
  else map.items.splice(at, 0, pair);
}

/** The plain value at a path of the document. */
export function plain(doc: Document, path: Array<string | number>): unknown {
  const node = doc.getIn(path, true) as { toJSON?: () => unknown } | undefined;
  return node && typeof node.toJSON === 'function' ? node.toJSON() : doc.getIn(path);
}

/** Sets a top-level key of the SOP; a new one goes just before `actors`, where the seeds keep data and forms. */
export function setTopKey(doc: Document, key: string, value: unknown): void {
  const contents = doc.contents as YAMLMap;
  if (contents.has(key)) return void contents.set(key, value);
  const at = contents.items.findIndex((p) => (p.key as { value?: unknown }).value === 'actors');
  const pair = doc.createPair(key, value);
  if (at === -1) contents.items.push(pair);
  else contents.items.splice(at, 0, pair);
}
