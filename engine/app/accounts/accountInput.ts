import type { RawRegency } from '../../definition/sopTypes.ts';
import { areaName, regionsOf } from '../../regions/regionData.ts';
import { AppError } from '../appErrors.ts';
import { normalizeNip } from './nip.ts';
import { passwordProblem } from './passwordPolicy.ts';

/** The person's data an admin enters for an account (all but name and roles optional). */
export interface AccountFields {
  name: string;
  roles: string[];
  nip?: string | null;
  position?: string | null;
  unit?: string | null;
  email?: string | null;
  phone?: string | null;
  /** Kemendagri region codes (kecamatan `64.02.01` or desa `64.02.01.2001`) the account is limited to. */
  areas?: string[];
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const REGION_CODE = /^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, path);
}

/** Refuses a username Alur cannot use, saying which characters are allowed (in words, not a pattern). */
export function assertUsername(username: string): void {
  if (!USERNAME.test(username))
    throw invalid(
      '/username',
      `Nama pengguna "${username}" tidak dapat dipakai: gunakan 3–64 huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf atau angka (mis. budi.santoso).`,
    );
}

/** Refuses a new password that breaks the password rules, at the given field. */
export function assertPassword(password: string, username: string, path = '/password'): void {
  const problem = passwordProblem(password, { username });
  if (problem) throw new AppError('VALIDATION_FAILED', problem.message, path, undefined, problem.code);
}

/**
 * Checks and normalises an account's fields against the regency: roles and unit must exist there,
 * the NIP is stored as 18 digits, empty strings become null. Throws a VALIDATION_FAILED naming the field.
 */
export function normalizeFields(fields: AccountFields, regency: RawRegency): Required<AccountFields> {
  const name = fields.name.trim();
  if (name.length === 0) throw invalid('/name', 'Nama lengkap wajib diisi.');
  if (fields.roles.length === 0) throw invalid('/roles', 'Pilih paling sedikit satu peran.');
  const known = new Map(regency.roles.map((r) => [r.id, r.name]));
  for (const [index, role] of fields.roles.entries())
    if (!known.has(role))
      throw invalid(
        `/roles/${index}`,
        `Peran "${role}" tidak ada di ${regency.name}. Peran yang ada: ${[...known.keys()].join(', ')}.`,
      );
  const blank = (value: string | null | undefined): string | null =>
    value === undefined || value === null || value.trim() === '' ? null : value.trim();
  let nip = blank(fields.nip);
  if (nip !== null) {
    const normalized = normalizeNip(nip);
    if ('problem' in normalized) throw invalid('/nip', normalized.problem.message);
    nip = normalized.nip;
  }
  const unit = blank(fields.unit);
  if (unit !== null && !regency.units.some((u) => u.id === unit))
    throw invalid(
      '/unit',
      `Unit "${unit}" tidak ada di ${regency.name}. Unit yang ada: ${regency.units.map((u) => u.id).join(', ')}.`,
    );
  const email = blank(fields.email);
  if (email !== null && !EMAIL.test(email))
    throw invalid('/email', `Alamat surel "${email}" tidak lengkap; tulis seperti nama@kantor.go.id.`);
  const areas = [...new Set(fields.areas ?? [])];
  const regions = regionsOf(regency.id);
  for (const [index, code] of areas.entries()) {
    if (!REGION_CODE.test(code))
      throw invalid(
        `/areas/${index}`,
        `Kode wilayah "${code}" tidak dikenal; tulis kode Kemendagri kecamatan (mis. 64.02.01) atau desa/kelurahan (mis. 64.02.01.2001).`,
      );
    // With the regency's official list shipped, an area must lie in the regency.
    if (regions && areaName(regions, code) === undefined)
      throw invalid(
        `/areas/${index}`,
        `Kode wilayah "${code}" bukan kecamatan atau desa/kelurahan ${regions.name} (kode ${regions.code}) menurut Kepmendagri 300.2.2-2138 Tahun 2025.`,
      );
  }
  return {
    name,
    roles: [...new Set(fields.roles)],
    nip,
    position: blank(fields.position),
    unit,
    email,
    phone: blank(fields.phone),
    areas,
  };
}
