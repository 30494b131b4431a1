/** The months as Indonesian letters and reports write them (Permendagri 1/2023: dates spelled out, "7 Desember 2026"). */
export const INDONESIAN_MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** A calendar date (YYYY-MM-DD, as forms store it) written the Indonesian way: "7 Desember 2026"; other text unchanged. */
export function tanggalIndonesia(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  return `${Number(m[3])} ${INDONESIAN_MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
