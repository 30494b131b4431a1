import type { DataSchema } from '../../definition/sopTypes.ts';

/** What happens to one field of case data when the case is anonymised. */
export type FieldFate = 'keep' | 'year' | 'remove';

/**
 * Decides a field's fate from its schema. Closed vocabularies (enum, boolean, number) are the
 * statistics (category, gender, decile, PKH recipient) and stay; dates shrink to their year (age
 * groups stay possible); free text — names, NIK, addresses, phone numbers, notes — goes. A field no
 * schema describes is removed: what is not known to be harmless is treated as personal.
 */
export function fieldFate(schema: Record<string, unknown> | undefined): FieldFate {
  if (!schema) return 'remove';
  if (Array.isArray(schema.enum)) return 'keep';
  const type = schema.type;
  if (type === 'boolean' || type === 'integer' || type === 'number') return 'keep';
  if (type === 'string' && (schema.format === 'date' || schema.format === 'date-time')) return 'year';
  if (
    type === 'array' &&
    typeof schema.items === 'object' &&
    schema.items !== null &&
    fieldFate(schema.items as Record<string, unknown>) === 'keep'
  )
    return 'keep';
  return 'remove';
}

/** The statistical remainder of case data: kept fields as they are, dates as years, the rest removed. */
export function statisticalData(
  data: Record<string, unknown>,
  schemas: readonly DataSchema[],
): { data: Record<string, unknown>; removed: string[] } {
  const fieldSchema = (name: string): Record<string, unknown> | undefined =>
    schemas.map((s) => s.properties[name]).find((p) => p !== undefined);
  const kept: Record<string, unknown> = {};
  const removed: string[] = [];
  for (const [name, value] of Object.entries(data)) {
    const fate = fieldFate(fieldSchema(name));
    if (fate === 'keep') kept[name] = value;
    else if (fate === 'year' && typeof value === 'string' && /^\d{4}/.test(value)) kept[name] = value.slice(0, 4);
    else removed.push(name);
  }
  return { data: kept, removed };
}
