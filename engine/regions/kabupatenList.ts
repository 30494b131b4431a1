import list from './data/_kabupaten-kota.json' with { type: 'json' };

/** A kabupaten or kota with its two-part Kemendagri code (data/README.md cites the decree). */
export interface Kabupaten {
  code: string;
  name: string;
  province: string;
}

const byCode = new Map<string, Kabupaten>(list.regencies.map((k) => [k.code, k]));

/** Every kabupaten and kota of Indonesia (514), in code order. */
export function allKabupaten(): readonly Kabupaten[] {
  return list.regencies;
}

/** The kabupaten or kota of a code such as `64.01`, if the Kemendagri list has it. */
export function kabupatenByCode(code: string): Kabupaten | undefined {
  return byCode.get(code);
}
