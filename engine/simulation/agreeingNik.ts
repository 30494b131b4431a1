import { nikAgreementErrors } from '../core/identity/nikAgreement.ts';

function setAt(data: Record<string, unknown>, path: string, fix: (nik: string) => string): void {
  const keys = path.split('/').filter(Boolean);
  const last = keys.pop()!;
  const parent = keys.reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], data) as Record<
    string,
    unknown
  >;
  parent[last] = fix(parent[last] as string);
}

/**
 * Sample data whose NIKs say the same birth date and sex as the sample's own fields: the date part
 * (DDMMYY, day + 40 for women) is rewritten from them, so simulated cases pass the NIK check.
 */
export function withAgreeingNik(data: Record<string, unknown>): Record<string, unknown> {
  for (const error of nikAgreementErrors(data)) {
    const keys = error.path.split('/').filter(Boolean);
    const leaf = keys.at(-1)!;
    const owner = keys.slice(0, -1).reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], data) as Record<
      string,
      unknown
    >;
    const prefix = leaf === 'nik' ? '' : leaf.slice(0, -'Nik'.length);
    const name = (n: string) => (prefix ? `${prefix}${n[0]!.toUpperCase()}${n.slice(1)}` : n);
    const birth = owner[name('birthDate')];
    const sex = owner[name('gender')] ?? owner[name('sex')];
    setAt(data, error.path, (nik) => {
      const [yyyy, mm, dd] =
        typeof birth === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(birth)
          ? birth.split('-')
          : ['20' + nik.slice(10, 12), nik.slice(8, 10), nik.slice(6, 8)];
      const female = typeof sex === 'string' ? /^(perempuan|wanita)$/i.test(sex) : Number(nik.slice(6, 8)) > 40;
      const day = (Number(dd) % 40) + (female ? 40 : 0);
      return `${nik.slice(0, 6)}${String(day).padStart(2, '0')}${mm}${yyyy!.slice(2)}${nik.slice(12)}`;
    });
  }
  return data;
}
