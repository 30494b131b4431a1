import type { SchemaDocument } from './bundleSchema.ts';

/** The designer's translation function, as far as this module needs it. */
type Translate = (key: string) => string;

/** Definitions of the bundled SOP schema whose own words speak JSON Schema, by their `designer.terms` key. */
const DEFINITIONS: Record<string, string> = {
  actorRef: 'actor',
  actorTogether: 'together',
  actorAnyOf: 'anyOf',
  actorSequence: 'sequence',
  templateRef: 'templateRef',
  common_form: 'form',
  common_formRef: 'formRef',
  common_formBody: 'formBody',
  common_jsonSchemaObject: 'formSchema',
  common_condition: 'condition',
};

/** Properties named by a developer word, wherever they sit; `$ref` depends on what it refers to. */
const PROPERTIES: Record<string, string> = {
  together: 'together',
  decidedBy: 'decidedBy',
  anyOf: 'anyOf',
  sequence: 'sequence',
  uiSchema: 'uiSchema',
  schema: 'formSchema',
  rule: 'condition',
  forms: 'forms',
  unit: 'unit',
  documents: 'documents',
  serviceStandard: 'serviceStandard',
  role: 'role',
  connector: 'connector',
  doc: 'doc',
  template: 'template',
  path: 'path',
  fact: 'fact',
};
const REF_TARGET: Record<string, string> = { templateRef: 'templateTarget', common_formRef: 'formRefTarget' };

function relabel(node: unknown, term: string, t: Translate): Record<string, unknown> {
  const own = node as Record<string, unknown>;
  return { ...own, title: t(`designer.terms.${term}.label`), description: t(`designer.terms.${term}.help`) };
}

function walk(node: unknown, definition: string | undefined, t: Translate): unknown {
  if (Array.isArray(node)) return node.map((n) => walk(n, definition, t));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value !== null && typeof value === 'object') {
      const props: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(value as Record<string, unknown>)) {
        const term = name === '$ref' && definition ? REF_TARGET[definition] : PROPERTIES[name];
        const inner = walk(prop, definition, t);
        props[name] = term ? relabel(inner, term, t) : inner;
      }
      out[key] = props;
    } else out[key] = walk(value, definition, t);
  }
  return out;
}

/**
 * The SOP schema with every developer term (together, anyOf, $ref, uiSchema, JSON Schema, json-rules-engine)
 * labelled and explained in the drafter's words from `designer.terms`; the YAML keys themselves stay as they are.
 */
export function withPlainTerms(schema: SchemaDocument, t: Translate): SchemaDocument {
  const defs = (schema.$defs ?? {}) as Record<string, unknown>;
  const plainDefs = Object.fromEntries(
    Object.entries(defs).map(([name, def]) => {
      const inner = walk(def, name, t);
      return [name, DEFINITIONS[name] ? relabel(inner, DEFINITIONS[name], t) : inner];
    }),
  );
  return { ...(walk({ ...schema, $defs: undefined }, undefined, t) as SchemaDocument), $defs: plainDefs };
}
