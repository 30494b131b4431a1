import { readFileSync } from 'node:fs';
import { shippedPath } from '../../server/projectRoot.ts';

/** The shortest password accepted (OWASP ASVS 5.0 V6.2.1). */
export const MIN_PASSWORD_LENGTH = 8;
/** The longest password accepted: well above the 64 characters ASVS asks to allow (V6.2.9). */
export const MAX_PASSWORD_LENGTH = 128;

let common: ReadonlySet<string> | undefined;

/** The shipped common-password list (data/README.md cites its source), read once. */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(shippedPath('engine/app/accounts/data/common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0),
  );
  return common;
}

/** Why a new password is refused: a code for tools and an Indonesian message saying what to do. */
export interface PasswordProblem {
  code: 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_COMMON' | 'PASSWORD_IS_USERNAME';
  message: string;
}

/**
 * Checks a new password against OWASP ASVS 5.0 V6.2: length only (no composition rules), not on the
 * common-password list, not the username. Returns undefined when acceptable. The password is used as
 * typed (no trimming or case change), as V6.2.8 asks.
 */
export function passwordProblem(password: string, context: { username?: string } = {}): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    return {
      code: 'PASSWORD_TOO_SHORT',
      message: `Kata sandi terlalu pendek (${length} karakter). Gunakan paling sedikit ${MIN_PASSWORD_LENGTH} karakter; kalimat pendek yang mudah Anda ingat paling baik.`,
    };
  if (length > MAX_PASSWORD_LENGTH)
    return {
      code: 'PASSWORD_TOO_LONG',
      message: `Kata sandi terlalu panjang (${length} karakter). Gunakan paling banyak ${MAX_PASSWORD_LENGTH} karakter.`,
    };
  const lower = password.toLowerCase();
  if (context.username !== undefined && lower === context.username.toLowerCase())
    return {
      code: 'PASSWORD_IS_USERNAME',
      message: 'Kata sandi tidak boleh sama dengan nama pengguna. Pilih kata sandi lain.',
    };
  if (commonPasswords().has(lower))
    return {
      code: 'PASSWORD_COMMON',
      message:
        'Kata sandi ini termasuk daftar kata sandi yang paling sering dipakai dan mudah ditebak. Pilih kata sandi lain, misalnya beberapa kata yang tidak berhubungan.',
    };
  return undefined;
}
