/** Facts the engine supplies to every rule, beyond the case and form data. */
export const builtinFacts: Record<string, { type: string; label: string }> = {
  requirementsComplete: { type: 'boolean', label: 'Semua kelengkapan wajib langkah ini sudah ada' },
  regency: { type: 'string', label: 'Pengenal kabupaten pemilik kasus' },
};
