import { describe, expect, it } from 'vitest';
import { checkKk, checkNik } from '../../engine/core/identity/checkIdentityNumber.ts';
import { identityErrors } from '../../engine/core/identity/identityErrors.ts';
import { regionsOf } from '../../engine/regions/regionData.ts';

const now = new Date('2026-12-06T12:00:00Z');
const regions = regionsOf('kutai-kartanegara')!;

describe('NIK and KK numbers are checked for their structure, in Indonesian', () => {
  it("accepts sound numbers, a woman's day + 40, and other regencies by their province", () => {
    expect(checkNik('6402010101010001', { now, regions })).toBeUndefined();
    expect(checkNik('6402014512560001', { now, regions })).toBeUndefined(); // 5 Dec 1956, perempuan
    expect(checkNik('3526010101010001', { now, regions })).toBeUndefined();
    expect(checkKk('6402011203150002', { now, regions })).toBeUndefined();
  });

  it.each([
    ['6402013201900001', 'tanggal lahir'], // day 32
    ['6402010113900001', 'tanggal lahir'], // month 13
    ['6402017201900001', 'tanggal lahir'], // day 72 (woman + 40 = 32)
    ['0000000101900001', 'kode provinsi 00'],
    ['6400000101900001', 'kode kabupaten/kota 00'],
    ['6402990101900001', 'kode kecamatan 99 tidak ada di'],
    ['6402013112260001', 'belum terjadi'], // 31 Dec 2026, after "now"
    ['6402010101900000', '0000'],
  ])('refuses %s (%s)', (nik, words) => {
    expect(checkNik(nik, { now, regions })).toContain(words);
  });

  it('a KK issued in the future is refused', () => {
    expect(checkKk('6402013112260002', { now, regions })).toContain('tanggal penerbitan');
  });

  it('form fields named like NIK and KK are checked, birth dates may not be in the future', () => {
    const schema = {
      type: 'object' as const,
      properties: {
        nik: { type: 'string' },
        spouseNik: { type: 'string' },
        kkNumber: { type: 'string' },
        birthDate: { type: 'string', format: 'date' },
        phone: { type: 'string' },
      },
    };
    expect(
      identityErrors(
        schema,
        {
          nik: '6402013201900001',
          spouseNik: '12',
          kkNumber: '6402010101100001',
          birthDate: '2030-01-01',
          phone: '0000000000000000',
        },
        now,
        regions,
      ),
    ).toEqual([
      { path: '/nik', message: expect.stringContaining('NIK tidak sah') as string },
      { path: '/birthDate', message: 'Tanggal lahir tidak boleh di masa depan.' },
    ]);
  });
});
