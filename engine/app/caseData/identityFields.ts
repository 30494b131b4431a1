/** Form keys holding a NIK or a KK number (`nik`, `spouseNik`, `kkNumber`, `guardianKkNumber`). */
export function isIdentityField(key: string): boolean {
  return /^(nik|[a-z][A-Za-z]*Nik|kk|kkNumber|[a-z][A-Za-z]*KkNumber)$/.test(key);
}

/** A NIK or KK shown with only its last four digits. */
export function maskIdentity(value: string): string {
  return `${'•'.repeat(Math.max(0, value.length - 4))}${value.slice(-4)}`;
}
