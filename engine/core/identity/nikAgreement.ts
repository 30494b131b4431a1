import type { FieldError } from '../formErrorMessages.ts';

const NIK_KEY = /^(nik|([a-z][A-Za-z]*)Nik)$/;

/** The birth date (YYYY-MM-DD) and sex written in a structurally sound NIK: digits 7–12, day + 40 for women. */
export function nikBirth(nik: string): { date: string; female: boolean } | undefined {
  if (!/^\d{16}$/.test(nik)) return undefined;
  const rawDay = Number(nik.slice(6, 8));
  const female = rawDay > 40;
  const day = String(female ? rawDay - 40 : rawDay).padStart(2, '0');
  return { date: `${nik.slice(10, 12)}-${nik.slice(8, 10)}-${day}`, female };
}

function sexOf(value: unknown): 'female' | 'male' | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^(perempuan|wanita|p|female|f)$/i.test(value.trim())) return 'female';
  if (/^(laki-laki|laki laki|pria|l|male|m)$/i.test(value.trim())) return 'male';
  return undefined;
}

function checkObject(data: Record<string, unknown>, base: string, errors: FieldError[]): void {
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value))
      value.forEach((item, i) => {
        // One array item is one person: their NIK is compared with their own birth date and sex.
        if (item !== null && typeof item === 'object' && !Array.isArray(item))
          checkObject(item as Record<string, unknown>, `${base}/${key}/${i}`, errors);
      });
    const m = NIK_KEY.exec(key);
    if (!m || typeof value !== 'string') continue;
    const written = nikBirth(value);
    if (!written) continue;
    // `nik` goes with `birthDate` and `gender`; `spouseNik` with `spouseBirthDate` and `spouseGender`.
    const prefix = m[2] ?? '';
    const field = (name: string) => (prefix ? `${prefix}${name[0]!.toUpperCase()}${name.slice(1)}` : name);
    const birthDate = data[field('birthDate')];
    const sex = sexOf(data[field('gender')] ?? data[field('sex')]);
    const sexKey = data[field('gender')] !== undefined ? field('gender') : field('sex');
    if (typeof birthDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) && birthDate.slice(2) !== written.date)
      errors.push({ keyword: 'nikBirthDate', path: `${base}/${key}`, value: { birthDate, written: written.date } });
    if (sex !== undefined && (sex === 'female') !== written.female)
      errors.push({ keyword: 'nikSex', path: `${base}/${key}`, value: { sex, sexKey } });
  }
}

/**
 * Where a form holds a NIK and the same person's birth date and/or sex (top-level, or within one list
 * item), the NIK's date part must agree with them. Pure: the server and both browser apps call it.
 */
export function nikAgreementErrors(data: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  checkObject(data, '', errors);
  return errors;
}
