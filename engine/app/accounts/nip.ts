/** Why a NIP was refused, in Indonesian, without any pattern syntax in the message. */
export interface NipProblem {
  code: 'NIP_INVALID';
  message: string;
}

/**
 * Normalises a NIP (Nomor Induk Pegawai, 18 digits: birth date YYYYMMDD, appointment YYYYMM, gender 1/2,
 * serial) written as printed — `19630824 199403 1 007` — to its 18 digits. Spaces, dots and dashes are
 * layout only; anything else is refused with a message saying what a NIP looks like.
 */
export function normalizeNip(input: string): { nip: string } | { problem: NipProblem } {
  const compact = input.replace(/[\s.-]/g, '');
  const example = 'Contoh: 19630824 199403 1 007 (spasi boleh, seperti tercetak).';
  if (!/^\d+$/.test(compact))
    return {
      problem: { code: 'NIP_INVALID', message: `NIP hanya berisi angka (dan spasi pemisah). ${example}` },
    };
  if (compact.length !== 18)
    return {
      problem: {
        code: 'NIP_INVALID',
        message: `NIP terdiri atas 18 angka, yang diisi ${compact.length} angka. ${example}`,
      },
    };
  const birthMonth = Number(compact.slice(4, 6));
  const birthDay = Number(compact.slice(6, 8));
  const appointmentMonth = Number(compact.slice(12, 14));
  if (birthMonth < 1 || birthMonth > 12 || birthDay < 1 || birthDay > 31)
    return {
      problem: {
        code: 'NIP_INVALID',
        message: `8 angka pertama NIP adalah tanggal lahir (tahun, bulan, tanggal); ${compact.slice(0, 8)} bukan tanggal. ${example}`,
      },
    };
  if (appointmentMonth < 1 || appointmentMonth > 12)
    return {
      problem: {
        code: 'NIP_INVALID',
        message: `Angka ke-9 sampai ke-14 NIP adalah tahun dan bulan pengangkatan; ${compact.slice(8, 14)} bukan bulan yang sah. ${example}`,
      },
    };
  if (compact[14] !== '1' && compact[14] !== '2')
    return {
      problem: {
        code: 'NIP_INVALID',
        message: `Angka ke-15 NIP adalah jenis kelamin (1 atau 2), yang diisi ${compact[14]}. ${example}`,
      },
    };
  return { nip: compact };
}

/** A stored NIP shown as printed: `19630824 199403 1 007`. */
export function formatNip(nip: string): string {
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}
