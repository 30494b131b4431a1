import type { SchemaDocument } from './bundleSchema.ts';

/** `if`/`then`/`else` chains as the list of alternatives they choose between. */
function alternatives(node: Record<string, unknown>): unknown[] {
  const out: unknown[] = [node.then];
  const otherwise = node.else as Record<string, unknown> | undefined;
  if (otherwise && typeof otherwise === 'object' && 'if' in otherwise && 'then' in otherwise)
    out.push(...alternatives(otherwise));
  else if (otherwise !== undefined) out.push(otherwise);
  return out;
}

/**
 * The bundled SOP schema in the shape react-jsonschema-form renders well: the language's `if`/`then`/`else`
 * choices (a step actor is an id or { together }, a requirement an id or { doc, when }…) become `oneOf`
 * alternatives RJSF offers in a selector. Validation stays with the engine; this only drives the form.
 */
export function toRjsfSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toRjsfSchema);
  if (node === null || typeof node !== 'object') return node;
  const source = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'if' || key === 'then' || key === 'else') continue;
    out[key] = toRjsfSchema(value);
  }
  // An object with its own properties keeps them: its if/then only adds a rule (a service step needs
  // `service`), which the engine checks; only a choice between shapes becomes `oneOf`.
  if ('if' in source && 'then' in source && !('properties' in source)) {
    const options = alternatives(source).map(toRjsfSchema) as Array<Record<string, unknown>>;
    // The short form ("kadis" rather than { together: [...] }) is named after the field itself.
    const condition = source.if as Record<string, unknown> | undefined;
    if (condition?.type === 'string' && typeof source.title === 'string' && options[0])
      options[0] = { ...options[0], title: source.title };
    out.oneOf = options;
    // The alternatives carry the types; a type list beside oneOf confuses the form.
    if (Array.isArray(out.type) || out.type === 'object') delete out.type;
  }
  return out;
}

/** The RJSF schema of the whole SOP document. */
export function rjsfSopSchema(bundled: SchemaDocument): SchemaDocument {
  return toRjsfSchema(bundled) as SchemaDocument;
}
