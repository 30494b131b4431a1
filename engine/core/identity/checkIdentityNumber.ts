import type { RegencyRegions } from '../../regions/regionData.ts';
import { PROVINCE_CODES } from './provinceCodes.ts';

/** What a NIK or KK number is checked against besides itself. */
export interface IdentityContext {
  now: Date;
  /** The regency's official areas: a number from this regency must name one of its kecamatan. */
  regions?: RegencyRegions;
}

function regionProblem(digits: string, regions: RegencyRegions | undefined): string | undefined {
  const province = digits.slice(0, 2);
  const regency = digits.slice(2, 4);
  const district = digits.slice(4, 6);
  if (!PROVINCE_CODES.has(province)) return `kode provinsi ${province} tidak ada dalam daftar wilayah Kemendagri`;
  if (regency === '00') return 'kode kabupaten/kota 00 tidak ada';
  if (district === '00') return 'kode kecamatan 00 tidak ada';
  const own = regions?.code.replace('.', '');
  if (
    regions &&
    own === digits.slice(0, 4) &&
    !regions.districts.some((d) => d.code.replace(/\./g, '') === digits.slice(0, 6))
  )
    return `kode kecamatan ${district} tidak ada di ${regions.name}`;
  return undefined;
}

/** A calendar date from DD, MM and a two-digit year, placed in the latest century not after `now`. */
function dateOf(day: number, month: number, yy: number, now: Date): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  let year = 2000 + yy;
  if (year > now.getUTCFullYear()) year -= 100;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? date : undefined;
}

/**
 * Checks the structure of a NIK (Nomor Induk Kependudukan): region code, birth date (day + 40 for
 * women), not in the future, serial not 0000. Returns an Indonesian message, or undefined when sound.
 */
export function checkNik(value: string, context: IdentityContext): string | undefined {
  if (!/^\d{16}$/.test(value)) return 'NIK harus 16 angka.';
  const region = regionProblem(value, context.regions);
  if (region) return `NIK tidak sah: ${region}.`;
  const rawDay = Number(value.slice(6, 8));
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  const born = dateOf(day, Number(value.slice(8, 10)), Number(value.slice(10, 12)), context.now);
  if (!born)
    return 'NIK tidak sah: angka ke-7 sampai ke-12 harus tanggal lahir (HHBBTT; tanggal ditambah 40 untuk perempuan).';
  if (born > context.now) return 'NIK tidak sah: tanggal lahir di dalam NIK belum terjadi.';
  if (value.slice(12) === '0000') return 'NIK tidak sah: empat angka terakhir tidak boleh 0000.';
  return undefined;
}

/** Checks the structure of a KK number: region code, issue date (HHBBTT) not in the future, serial not 0000. */
export function checkKk(value: string, context: IdentityContext): string | undefined {
  if (!/^\d{16}$/.test(value)) return 'Nomor KK harus 16 angka.';
  const region = regionProblem(value, context.regions);
  if (region) return `Nomor KK tidak sah: ${region}.`;
  const issued = dateOf(
    Number(value.slice(6, 8)),
    Number(value.slice(8, 10)),
    Number(value.slice(10, 12)),
    context.now,
  );
  if (!issued) return 'Nomor KK tidak sah: angka ke-7 sampai ke-12 harus tanggal penerbitan (HHBBTT).';
  if (issued > context.now) return 'Nomor KK tidak sah: tanggal penerbitan di dalam nomor belum terjadi.';
  if (value.slice(12) === '0000') return 'Nomor KK tidak sah: empat angka terakhir tidak boleh 0000.';
  return undefined;
}
