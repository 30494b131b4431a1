import { INDONESIAN_MONTHS } from '../../../time/indonesianMonths.ts';
/** Indonesian number formatting for printed reports (decimal comma, dot thousands). */
export function formatNumber(value: number, decimals = 0): string {
  return new Intl.NumberFormat('id-ID', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    value,
  );
}

/** A share as a whole percentage ("22%"), or "–" when there is none. */
export function formatPercent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** Wall-clock minutes as days, hours and minutes ("1 hari 2 jam", "45 menit"), or "–". */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '–';
  const total = Math.round(minutes);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  const parts = [
    days > 0 ? `${days} hari` : '',
    hours > 0 ? `${hours} jam` : '',
    rest > 0 && days === 0 ? `${rest} menit` : '',
  ].filter((p) => p.length > 0);
  return parts.length > 0 ? parts.join(' ') : '0 menit';
}

/** A local date written out in Indonesian ("14 Maret 2025"). */
export function formatLocalDate(iso: string, offsetMinutes: number): string {
  const local = new Date(new Date(iso).getTime() + offsetMinutes * 60_000);
  return `${local.getUTCDate()} ${INDONESIAN_MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
}
