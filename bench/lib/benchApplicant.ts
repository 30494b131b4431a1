import { nikBirth } from '../../engine/core/identity/nikAgreement.ts';
import { withAgreeingNik } from '../../engine/simulation/agreeingNik.ts';

/**
 * Case data for a bench applicant with this name and NIK. The engine refuses a NIK that disagrees with
 * the applicant's birth date or sex, so the birth date is set from the NIK (born 19YY) and, where the
 * sample's sex differs from the NIK's, the NIK's day gets the +40 that marks women (the serial stays).
 */
export function benchApplicant(
  caseData: Record<string, unknown>,
  fullName: string,
  nik: string,
): Record<string, unknown> {
  const data: Record<string, unknown> = { ...caseData, fullName, nik };
  const written = nikBirth(nik);
  if (written && typeof data.birthDate === 'string') data.birthDate = `19${written.date}`;
  return withAgreeingNik(data);
}
