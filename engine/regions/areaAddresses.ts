import { regionsOf } from './regionData.ts';

/**
 * An area as case addresses name it: the kecamatan name, and the desa/kelurahan name when the area is
 * one village. Case forms hold the names (from the same official list), so areas are compared by name.
 */
export interface AreaAddress {
  district: string;
  village?: string;
}

/**
 * The addresses of a user's area codes in their regency, names lower-cased. A code the shipped list does
 * not know matches nothing (deny by default: an unknown area never widens what a user sees).
 */
export function areaAddresses(regencyId: string, codes: readonly string[]): AreaAddress[] {
  if (codes.length === 0) return [];
  const regions = regionsOf(regencyId);
  const result: AreaAddress[] = [];
  for (const code of codes) {
    const district = regions?.districts.find((d) => code === d.code || code.startsWith(`${d.code}.`));
    const village = district?.villages.find((v) => v.code === code);
    if (district && code === district.code) result.push({ district: district.name.toLowerCase() });
    else if (district && village)
      result.push({ district: district.name.toLowerCase(), village: village.name.toLowerCase() });
    // Unknown code: a placeholder no address equals, so the limit still applies.
    else result.push({ district: `\u0000${code}` });
  }
  return result;
}
