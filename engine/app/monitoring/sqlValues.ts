/** An ISO string from a timestamp column (drivers return Date or string). */
export function isoOrNull(value: Date | string | null | undefined): string | null {
  return value === null || value === undefined ? null : new Date(value).toISOString();
}

/** A number rounded to a fixed number of decimals, or null; keeps JSON small and charts stable. */
export function rounded(value: number | string | null | undefined, decimals = 1): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  if (!Number.isFinite(n)) return null;
  const factor = 10 ** decimals;
  return Math.round(n * factor) / factor;
}

/** A share (0–1) of a count in a total, or null when there is nothing to divide. */
export function share(part: number, total: number): number | null {
  return total > 0 ? rounded(part / total, 4) : null;
}
