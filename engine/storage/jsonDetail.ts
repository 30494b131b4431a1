// The `detail` columns (jsonb) of the append-only account and SSO records hold small objects whose keys vary by
// kind of record; these narrow what the driver returns (`unknown`) once, where the row becomes a value.

/** True when a JSON value is an object (not null, not a list). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A detail column as an object, or null when it is empty or not an object. */
export function detailRecord(value: unknown): Record<string, unknown> | null {
  return isRecord(value) ? value : null;
}

/** A detail key holding a list of names, or undefined when it holds anything else. */
export function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((x): x is string => typeof x === 'string') ? value : undefined;
}
