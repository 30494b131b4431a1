import { describe, expect, it } from 'vitest';
import { normalizeNip } from '../../engine/app/accounts/nip.ts';
import { passwordProblem } from '../../engine/app/accounts/passwordPolicy.ts';
import { profileFromRoles } from '../../engine/app/permissions/accessProfile.ts';
import { kindsAllow } from '../../engine/app/permissions/actions.ts';
import { scopeOf } from '../../engine/app/permissions/caseScope.ts';
import { areaName, regionsOf, withinAreas } from '../../engine/regions/regionData.ts';

const regency = {
  units: [
    { id: 'linjamsos', parent: undefined },
    { id: 'seksi-pskb', parent: 'linjamsos' },
    { id: 'sekretariat' },
    { id: 'subbag-keuangan', parent: 'sekretariat' },
  ].map(({ id, parent }) => (parent ? { id, parent } : { id })),
  roles: [
    { id: 'kabid-linjamsos', name: 'Kabid', unit: 'linjamsos', kind: 'kabid' as const },
    { id: 'kasi-pskb', name: 'Kasi PSKB', unit: 'seksi-pskb', kind: 'kasi' as const },
    { id: 'kasubbag-keuangan', name: 'Kasubbag Keuangan', unit: 'subbag-keuangan', kind: 'kasubbag' as const },
  ],
};
const user = (roles: string[]) => ({ id: 'u', regencyId: 'r', roles });

describe('nested units and the kasi / kasubbag role kinds', () => {
  it('a kabid heads the Bidang and the Seksi nested under it', () => {
    expect(profileFromRoles(user(['kabid-linjamsos']), [], regency).kabidUnits.sort()).toEqual([
      'linjamsos',
      'seksi-pskb',
    ]);
  });
  it('a kasi heads only their Seksi; a kasubbag only their Subbagian', () => {
    const kasi = profileFromRoles(user(['kasi-pskb']), [], regency);
    expect(kasi.kabidUnits).toEqual(['seksi-pskb']);
    expect([...kasi.kinds]).toEqual(['kasi']);
    expect(profileFromRoles(user(['kasubbag-keuangan']), [], regency).kabidUnits).toEqual(['subbag-keuangan']);
  });
  it('kasi and kasubbag work and decide cases but do not publish SOPs', () => {
    for (const kind of ['kasi', 'kasubbag'] as const) {
      expect(kindsAllow('task.act', new Set([kind]), true)).toBe(true);
      expect(kindsAllow('case.decide', new Set([kind]), true)).toBe(true);
      expect(kindsAllow('definition.publish', new Set([kind]), true)).toBe(false);
      expect(kindsAllow('accounts.manage', new Set([kind]), true)).toBe(false);
    }
  });
  it('a kabid sees the cases of SOPs owned by a Seksi of the Bidang; the Kasi of another Seksi does not', () => {
    const sops = [
      { sopId: 'bantuan-pskb', unit: 'seksi-pskb', confidential: false },
      { sopId: 'gaji', unit: 'subbag-keuangan', confidential: false },
    ];
    expect(scopeOf(profileFromRoles(user(['kabid-linjamsos']), [], regency), sops).sops).toEqual(['bantuan-pskb']);
    expect(scopeOf(profileFromRoles(user(['kasubbag-keuangan']), [], regency), sops).sops).toEqual(['gaji']);
  });
});

describe('NIP as printed', () => {
  it('accepts spaces, dots and dashes and keeps the 18 digits', () => {
    expect(normalizeNip('19630824 199403 1 007')).toEqual({ nip: '196308241994031007' });
    expect(normalizeNip('19630824.199403.1.007')).toEqual({ nip: '196308241994031007' });
  });
  it.each([
    ['1963 0824', 'NIP terdiri atas 18 angka, yang diisi 8 angka'],
    ['19631324 199403 1 007', 'bukan tanggal'],
    ['19630824 199413 1 007', 'bukan bulan yang sah'],
    ['19630824 199403 3 007', 'jenis kelamin (1 atau 2), yang diisi 3'],
    ['NIP 19630824', 'hanya berisi angka'],
  ])('refuses %s in words, without a pattern', (input, message) => {
    const result = normalizeNip(input);
    expect('problem' in result && result.problem.message).toContain(message);
    expect('problem' in result && result.problem.message).not.toMatch(/[\^$[\]{}\\]/);
  });
});

describe('password rules (OWASP ASVS 5.0 V6.2)', () => {
  it('needs 8 characters, counted as characters not bytes, and nothing else', () => {
    expect(passwordProblem('pendek')?.code).toBe('PASSWORD_TOO_SHORT');
    expect(passwordProblem('kucing💤💤')).toBeUndefined();
    expect(passwordProblem('semuahurufkecil tanpa angka')).toBeUndefined();
  });
  it('refuses passwords on the shipped common list, whatever their case, and the username', () => {
    expect(passwordProblem('password123')?.code).toBe('PASSWORD_COMMON');
    expect(passwordProblem('PassWord123')?.code).toBe('PASSWORD_COMMON');
    expect(passwordProblem('siti.rahma', { username: 'Siti.Rahma' })?.code).toBe('PASSWORD_IS_USERNAME');
  });
  it('allows long passphrases up to 128 characters', () => {
    expect(passwordProblem('a'.repeat(64) + ' kalimat')).toBeUndefined();
    expect(passwordProblem('x'.repeat(129))?.code).toBe('PASSWORD_TOO_LONG');
  });
});

describe('Kemendagri region codes of the three regencies', () => {
  it('names kecamatan and desa of a regency and nothing outside it', () => {
    const kutai = regionsOf('kutai-kartanegara')!;
    expect(areaName(kutai, '64.02.06')).toBe('Kecamatan Tenggarong');
    expect(areaName(kutai, '64.02.06.1002')).toBe('Loa Ipuh, Kecamatan Tenggarong');
    expect(areaName(kutai, '64.02.06.9999')).toBeUndefined();
    expect(areaName(kutai, '35.26.01')).toBeUndefined();
    expect(regionsOf('bangkalan')!.code).toBe('35.26');
    expect(regionsOf('bengkayang')!.code).toBe('61.07');
    expect(regionsOf('../secret')).toBeUndefined();
  });
  it('an address lies in an area when it is the area or inside it (two kecamatan apart)', () => {
    const tenggarongOnly = ['64.02.06'];
    expect(withinAreas('64.02.06.1002', tenggarongOnly)).toBe(true);
    expect(withinAreas('64.02.16.2001', tenggarongOnly)).toBe(false);
    expect(withinAreas('64.02.16.2001', ['64.02.06', '64.02.16'])).toBe(true);
    expect(withinAreas('64.02.061', tenggarongOnly)).toBe(false);
  });
});
