import type { DataSchema } from '../../definition/sopTypes.ts';

/**
 * An unticked checkbox means "no": every boolean field of the form left out of the answers becomes
 * false, so rules read false instead of an empty value (a form never sends unticked boxes).
 */
export function untickedAsFalse(
  schema: DataSchema | undefined,
  data: Record<string, unknown>,
): Record<string, unknown> {
  if (!schema) return data;
  const out = { ...data };
  for (const [key, property] of Object.entries(schema.properties))
    if (property.type === 'boolean' && out[key] === undefined) out[key] = false;
  return out;
}
