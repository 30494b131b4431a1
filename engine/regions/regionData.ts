import { existsSync, readFileSync } from 'node:fs';
import { shippedPath } from '../server/projectRoot.ts';

/** A desa or kelurahan with its Kemendagri code. */
export interface Village {
  code: string;
  name: string;
}

/** A kecamatan with its Kemendagri code and its desa/kelurahan. */
export interface District {
  code: string;
  name: string;
  villages: Village[];
}

/** The official areas of one regency (data/README.md cites the decree). */
export interface RegencyRegions {
  code: string;
  name: string;
  districts: District[];
}

const cache = new Map<string, RegencyRegions | undefined>();

/** The shipped region data of a regency, or undefined when none is shipped for it. */
export function regionsOf(regencyId: string): RegencyRegions | undefined {
  if (!cache.has(regencyId)) {
    // Regency ids are schema-checked slugs; still, only plain names are looked up on disk.
    const file = shippedPath(`engine/regions/data/${regencyId}.json`);
    const found =
      /^[a-z0-9-]+$/.test(regencyId) && existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as RegencyRegions)
        : undefined;
    cache.set(regencyId, found);
  }
  return cache.get(regencyId);
}

/** The name of a kecamatan or desa code within the regency ("Kecamatan Tenggarong", "Loa Ipuh, Tenggarong"), if it lies there. */
export function areaName(regions: RegencyRegions, code: string): string | undefined {
  for (const district of regions.districts) {
    if (district.code === code) return `Kecamatan ${district.name}`;
    if (code.startsWith(`${district.code}.`)) {
      const village = district.villages.find((v) => v.code === code);
      return village ? `${village.name}, Kecamatan ${district.name}` : undefined;
    }
  }
  return undefined;
}

/** Whether a case address (a desa or kecamatan code) lies within one of the areas (kecamatan or desa codes). */
export function withinAreas(address: string, areas: readonly string[]): boolean {
  return areas.some((area) => address === area || address.startsWith(`${area}.`));
}
