import type { DataSchema } from '../../definition/sopTypes.ts';
import type { RegencyRegions } from '../../regions/regionData.ts';
import { fieldErrorMessage, fieldTitle } from '../formErrorMessages.ts';
import { checkKk, checkNik } from './checkIdentityNumber.ts';
import { nikAgreementErrors } from './nikAgreement.ts';

const NIK_FIELD = /^(nik|[a-z][A-Za-z]*Nik)$/;
const KK_FIELD = /^(kk|kkNumber|[a-z][A-Za-z]*KkNumber)$/;

/**
 * Structure errors of the NIK and KK fields of a form (named `nik`, `…Nik`, `kkNumber`, `…KkNumber`)
 * and birth dates in the future. Paths are JSON pointers like the form validator's.
 */
export function identityErrors(
  schema: DataSchema,
  data: Record<string, unknown>,
  now: Date,
  regions: RegencyRegions | undefined,
): Array<{ path: string; message: string }> {
  const errors: Array<{ path: string; message: string }> = [];
  const text = (key: string): string | undefined => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  for (const key of Object.keys(schema.properties)) {
    const value = text(key);
    // Values that are not 16 digits are the form schema's to report (its pattern), not repeated here.
    if (value === undefined || value === '') continue;
    if ((NIK_FIELD.test(key) || KK_FIELD.test(key)) && !/^\d{16}$/.test(value)) continue;
    let message: string | undefined;
    if (NIK_FIELD.test(key)) message = checkNik(value, { now, ...(regions ? { regions } : {}) });
    else if (KK_FIELD.test(key)) message = checkKk(value, { now, ...(regions ? { regions } : {}) });
    else if (
      /birthDate$/i.test(key) &&
      /^\d{4}-\d{2}-\d{2}$/.test(value) &&
      Date.parse(`${value}T00:00:00Z`) > now.getTime()
    )
      message = 'Tanggal lahir tidak boleh di masa depan.';
    if (message) errors.push({ path: `/${key}`, message });
  }
  // NIK against the same person's birth date and sex, worded by the shared form-error wording.
  for (const e of nikAgreementErrors(data))
    if (!errors.some((x) => x.path === e.path))
      errors.push({ path: e.path, message: `${fieldTitle(schema, e.path)}: ${fieldErrorMessage(e, 'id')}.` });
  return errors;
}
