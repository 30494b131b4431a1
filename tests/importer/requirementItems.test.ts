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

  it('reads an unnumbered list one item per line, as before', () => {
    expect(requirementItems('KTP\nKK;\n-')).toEqual(['KTP', 'KK']);
  });
});
