import type { SchemaDocument } from '../schema/bundleSchema.ts';

type SchemaNode = Record<string, unknown>;

/** Follows `$ref` and spreads the alternatives (if/then/else, oneOf, anyOf, allOf) of a schema node. */
function expand(root: SchemaDocument, node: unknown, seen = new Set<unknown>()): SchemaNode[] {
  if (node === null || typeof node !== 'object' || seen.has(node)) return [];
  seen.add(node);
  const n = node as SchemaNode;
  const out: SchemaNode[] = [n];
  if (typeof n.$ref === 'string') {
    const name = n.$ref.replace('#/$defs/', '');
    out.push(...expand(root, (root.$defs as Record<string, unknown>)[name], seen));
  }
  for (const key of ['then', 'else']) out.push(...expand(root, n[key], seen));
  for (const key of ['oneOf', 'anyOf', 'allOf'])
    if (Array.isArray(n[key])) for (const alt of n[key] as unknown[]) out.push(...expand(root, alt, seen));
  return out;
}

/** The schema nodes a path can be (several when the language offers alternatives). */
export function schemaAt(root: SchemaDocument, path: readonly string[]): SchemaNode[] {
  let nodes = expand(root, root);
  for (const segment of path) {
    const next: SchemaNode[] = [];
    for (const node of nodes) {
      const child = segment === '*' ? node.items : (node.properties as Record<string, unknown> | undefined)?.[segment];
      next.push(...expand(root, child));
    }
    nodes = next;
    if (nodes.length === 0) break;
  }
  return nodes;
}

/** A key the schema allows at a path, with its Indonesian title and description. */
export interface KeyInfo {
  key: string;
  title: string;
  description: string;
}

function describe(nodes: SchemaNode[]): { title: string; description: string } {
  const title = nodes.map((n) => n.title).find((t): t is string => typeof t === 'string') ?? '';
  const description = nodes.map((n) => n.description).find((t): t is string => typeof t === 'string') ?? '';
  return { title, description };
}

/** The keys allowed in the mapping at `path`, in the schema's order. */
export function keysAt(root: SchemaDocument, path: readonly string[]): KeyInfo[] {
  const keys = new Map<string, KeyInfo>();
  for (const node of schemaAt(root, path)) {
    for (const key of Object.keys((node.properties as Record<string, unknown> | undefined) ?? {})) {
      if (!keys.has(key)) keys.set(key, { key, ...describe(schemaAt(root, [...path, key])) });
    }
  }
  return [...keys.values()];
}

/** Title and description of the value at a path (for hover help). */
export function infoAt(
  root: SchemaDocument,
  path: readonly string[],
): { title: string; description: string } | undefined {
  const nodes = schemaAt(root, path);
  const info = describe(nodes);
  return info.title === '' && info.description === '' ? undefined : info;
}

/** Values the schema lists for a path (enum and const), e.g. status, kind, end. */
export function valuesAt(root: SchemaDocument, path: readonly string[]): string[] {
  const values = new Set<string>();
  for (const node of schemaAt(root, path)) {
    if (Array.isArray(node.enum)) for (const v of node.enum) values.add(String(v));
    if (typeof node.const === 'string' || typeof node.const === 'number' || typeof node.const === 'boolean')
      values.add(String(node.const));
  }
  return [...values];
}
