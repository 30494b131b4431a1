import { describe, expect, it } from 'vitest';
import { identityErrors } from '../../engine/core/identity/identityErrors.ts';
import { nikAgreementErrors, nikBirth } from '../../engine/core/identity/nikAgreement.ts';
import type { DataSchema } from '../../engine/definition/sopTypes.ts';
import { withAgreeingNik } from '../../engine/simulation/agreeingNik.ts';
import { createNoEvalValidator } from '../../ui-shared/forms/noEvalValidator.ts';

const now = new Date('2026-12-07T00:00:00Z');
const schema: DataSchema = {
  type: 'object',
  properties: {
    nik: { type: 'string', title: 'NIK' },
    birthDate: { type: 'string', format: 'date', title: 'Tanggal lahir' },
    gender: { type: 'string', title: 'Jenis kelamin', enum: ['Laki-laki', 'Perempuan'] },
    members: {
      type: 'array',
      title: 'Anggota',
      items: {
        type: 'object',
        properties: {
          nik: { type: 'string', title: 'NIK anggota' },
          birthDate: { type: 'string', format: 'date', title: 'Tanggal lahir anggota' },
        },
      },
    },
  },
};

describe('NIK against the same person’s birth date and sex', () => {
  it('reads the date part, day + 40 for women', () => {
    expect(nikBirth('6402010102500001')).toEqual({ date: '50-02-01', female: false });
    expect(nikBirth('6402014512560001')).toEqual({ date: '56-12-05', female: true });
  });

  it('agreeing values pass, top level and in each list item', () => {
    expect(
      nikAgreementErrors({
        nik: '6402014512560001',
        birthDate: '1956-12-05',
        gender: 'Perempuan',
        members: [{ nik: '6402010102500001', birthDate: '1950-02-01' }],
      }),
    ).toEqual([]);
  });

  it('a NIK whose date or sex disagrees is reported at the NIK, also inside one list item', () => {
    const data = {
      nik: '6402010102500001',
      birthDate: '1950-02-02',
      gender: 'Perempuan',
      members: [
        { nik: '6402010102500001', birthDate: '1950-02-01' },
        { nik: '6402010102500002', birthDate: '1951-02-01' },
      ],
    };
    expect(nikAgreementErrors(data).map((e) => [e.keyword, e.path])).toEqual([
      ['nikBirthDate', '/nik'],
      ['nikSex', '/nik'],
      ['nikBirthDate', '/members/1/nik'],
    ]);
    // The server's message names the field and says what disagrees and what to do.
    const server = identityErrors(schema, data, now, undefined);
    expect(server.map((e) => e.path).sort()).toEqual(['/members/1/nik', '/nik']);
    expect(server.find((e) => e.path === '/members/1/nik')!.message).toBe(
      'NIK anggota: angka ke-7 sampai ke-12 NIK (tanggal, bulan, tahun lahir) tidak sama dengan tanggal lahir yang diisi. Periksa NIK dan tanggal lahir pada KTP/KK, lalu perbaiki yang salah.',
    );
    // The browser's validator says the same, at the same field.
    const browser = createNoEvalValidator('id').validateFormData(data, schema as never);
    const nikErrors = browser.errors.filter((e) => e.name === 'nikBirthDate' || e.name === 'nikSex');
    expect(nikErrors.map((e) => [e.name, e.property])).toEqual([
      ['nikBirthDate', '.nik'],
      ['nikSex', '.nik'],
      ['nikBirthDate', '.members.1.nik'],
    ]);
    expect(nikErrors[1]!.message).toContain('NIK ini milik laki-laki');
    expect(`NIK anggota: ${nikErrors[2]!.message}.`).toBe(server.find((e) => e.path === '/members/1/nik')!.message);
  });

  it('simulation samples get a NIK that agrees with their own birth date and sex', () => {
    const sample = withAgreeingNik({ nik: '6402010101010001', birthDate: '1956-12-05', gender: 'Perempuan' });
    expect(sample.nik).toBe('6402014512560001');
    expect(nikAgreementErrors(sample)).toEqual([]);
  });
});
