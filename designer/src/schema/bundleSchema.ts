/** A JSON Schema document as read from engine/schema (plain JSON). */
export type SchemaDocument = Record<string, unknown>;

/** A schema file to fold into the bundle: its file name (as other files refer to it) and the prefix its $defs get. */
export interface SchemaPart {
  file: string;
  prefix: string;
  schema: SchemaDocument;
}

function rewriteRefs(node: unknown, own: string, parts: readonly SchemaPart[]): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, own, parts));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') out[key] = rewriteRef(value, own, parts);
    else out[key] = rewriteRefs(value, own, parts);
  }
  return out;
}

/** `other.schema.json#/$defs/x` → `#/$defs/<other prefix>x`; a local `#/$defs/x` → `#/$defs/<own prefix>x`. */
function rewriteRef(ref: string, own: string, parts: readonly SchemaPart[]): string {
  const [file, pointer = ''] = ref.split('#');
  const prefix = file === '' ? own : parts.find((p) => p.file === file)?.prefix;
  if (prefix === undefined) throw new Error(`unknown schema file in $ref: ${ref}`);
  const match = /^\/\$defs\/(.+)$/.exec(pointer);
  if (!match) throw new Error(`only $defs references can be bundled: ${ref}`);
  return `#/$defs/${prefix}${match[1]}`;
}

/**
 * Folds several schema files into one self-contained schema: the root keeps its shape, every file's
 * `$defs` move under one `$defs` with the file's prefix, and every cross-file `$ref` becomes local.
 * `$id` and `$schema` are dropped so any validator (RJSF's draft-07 AJV included) reads the result.
 */
export function bundleSchema(root: SchemaPart, others: readonly SchemaPart[]): SchemaDocument {
  const parts = [root, ...others];
  const defs: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, def] of Object.entries((part.schema.$defs ?? {}) as Record<string, unknown>))
      defs[`${part.prefix}${name}`] = rewriteRefs(def, part.prefix, parts);
  }
  const { $id: _id, $schema: _schema, $defs: _defs, ...body } = root.schema;
  return { ...(rewriteRefs(body, root.prefix, parts) as SchemaDocument), $defs: defs };
}
