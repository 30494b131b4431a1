import { describe, expect, it } from 'vitest';
import { requirementItems } from '../../engine/importer/parse/requirementItems.ts';

describe('requirementItems: the Persyaratan of a service standard, one per top-level item', () => {
  it('keeps "1)" and "a)" details inside the lettered item above them', () => {
    const text = [
      'a. Permohonan tertulis memuat informasi:',
      '1) Maksud dan tujuan',
      '2) Identitas lengkap:',
      'a) Nama;',
      'b) Alamat;',
      'b. Salinan KTP dan KK;',
      'c. Rencana Anggaran Biaya.',
    ].join('\n');
    const items = requirementItems(text);
    expect(items).toHaveLength(3);
    expect(items[0]).toBe(
      'Permohonan tertulis memuat informasi: 1) Maksud dan tujuan 2) Identitas lengkap: a) Nama; b) Alamat',
    );
    expect(items[1]).toBe('Salinan KTP dan KK');
    expect(items[2]).toBe('Rencana Anggaran Biaya.');
  });

  it('splits a lettered run written on one line, in letter order only', () => {
    expect(requirementItems('a. Penerima bantuan sosial; b. Memiliki KTP dan KK;')).toEqual([
      'Penerima bantuan sosial',
      'Memiliki KTP dan KK',
    ]);
    // "c." after "a." is not the next item: it stays inside.
    expect(requirementItems('a. Surat sesuai huruf c. di atas; d. Lainnya')).toEqual([
      'Surat sesuai huruf c. di atas; d. Lainnya',
    ]);
  });

  it('splits a lettered run without ";" and reads "a." items across lines in letter order', () => {
    expect(
      requirementItems('a. Hasil penertiban SATPOL PP / Polres b. Hasil binaan Liponsos c. Foto copy KTP/KK'),
    ).toEqual(['Hasil penertiban SATPOL PP / Polres', 'Hasil binaan Liponsos', 'Foto copy KTP/KK']);
    expect(requirementItems('a. Proposal\n1) Surat COTA\n2) Akta\nb. Persyaratan COTA\n1) Umur')).toEqual([
      'Proposal 1) Surat COTA 2) Akta',
      'Persyaratan COTA 1) Umur',
    ]);
  });

  it('reads an unnumbered list one item per line, as before', () => {
    expect(requirementItems('KTP\nKK;\n-')).toEqual(['KTP', 'KK']);
  });

  it('joins a lettered line that only wraps the item above it (Bangkalan 004-16), never one after a finished item', () => {
    expect(
      requirementItems(
        [
          'a. Surat keterangan tidak mampu',
          'b. Poto copy KK dan KTP dari penerima manfaat dan',
          'c. keluarga/wali/penanggungjawab',
          'd. Surat pengantar desa;',
          'e. rekomendasi camat',
        ].join('\n'),
      ),
    ).toEqual([
      'Surat keterangan tidak mampu',
      'Poto copy KK dan KTP dari penerima manfaat dan keluarga/wali/penanggungjawab',
      'Surat pengantar desa',
      'rekomendasi camat',
    ]);
  });
});
