import { tanggalIndonesia } from '../../time/indonesianMonths.ts';
import { areaName, type RegencyRegions } from '../../regions/regionData.ts';
import { isIdentityField, maskIdentity } from './identityFields.ts';

/** How a stored answer reads on screen: Ya/Tidak, Indonesian dates, area names for codes, NIK/KK masked unless revealed. */
export function displayValue(
  key: string,
  value: unknown,
  options: { reveal: boolean; regions?: RegencyRegions | undefined },
): { text: string; masked: boolean } {
  if (value === undefined || value === null || value === '') return { text: '–', masked: false };
  if (typeof value === 'boolean') return { text: value ? 'Ya' : 'Tidak', masked: false };
  if (typeof value === 'string') {
    if (isIdentityField(key) && !options.reveal) return { text: maskIdentity(value), masked: true };
    const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (date) return { text: tanggalIndonesia(value), masked: false };
    if ((key === 'village' || key === 'district') && options.regions)
      return { text: areaName(options.regions, value) ?? value, masked: false };
    return { text: value, masked: false };
  }
  if (Array.isArray(value)) {
    let masked = false;
    // A null item is a person the reader does not get (personView): no line, the others keep their number.
    const lines = value.flatMap((item, i) => {
      if (item === null) return [];
      if (typeof item === 'object') {
        const parts = Object.entries(item as Record<string, unknown>).map(([k, v]) => {
          const shown = displayValue(k, v, options);
          masked ||= shown.masked;
          return shown.text;
        });
        return `${i + 1}. ${parts.join(', ')}`;
      }
      return displayValue(key, item, options).text;
    });
    return { text: lines.join('\n'), masked };
  }
  if (typeof value === 'number') return { text: String(value), masked: false };
  return { text: JSON.stringify(value), masked: false };
}
