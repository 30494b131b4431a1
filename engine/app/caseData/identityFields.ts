/** Form keys holding a NIK or a KK number (`nik`, `spouseNik`, `kkNumber`, `guardianKkNumber`). */
export function isIdentityField(key: string): boolean {
  return /^(nik|[a-z][A-Za-z]*Nik|kk|kkNumber|[a-z][A-Za-z]*KkNumber)$/.test(key);
}

/** A NIK or KK shown with only its last four digits. */
export function maskIdentity(value: string): string {
  return `${'•'.repeat(Math.max(0, value.length - 4))}${value.slice(-4)}`;
}

/** Case data with every NIK and KK masked, also inside lists (household members). */
export function maskedData(data: Record<string, unknown>): Record<string, unknown> {
  const mask = (key: string, value: unknown): unknown => {
    if (typeof value === 'string' && isIdentityField(key)) return maskIdentity(value);
    if (Array.isArray(value)) return value.map((item) => mask(key, item));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, mask(k, v)]));
    return value;
  };
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, mask(k, v)]));
}
