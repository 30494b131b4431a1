import { describe, expect, it } from 'vitest';
import { letteredItems } from '../../engine/importer/parse/letteredItems.ts';

describe('letteredItems: the top-level items of an "a. … b. …" list', () => {
  it('splits a run on one line with or without ";" (Bangkalan 004-14, 004-21)', () => {
    expect(
      letteredItems(
        'a. Form Penerimaan, Laporan Sosial; b. Buku Undang-Undang Sistem Peradilan Pidana Anak c. Alat tulis',
      ),
    ).toEqual([
      'a. Form Penerimaan, Laporan Sosial;',
      'b. Buku Undang-Undang Sistem Peradilan Pidana Anak',
      'c. Alat tulis',
    ]);
    expect(letteredItems('a. Fotocopy KTP b. Fotocopy KK/ Kartu Keluarga')).toHaveLength(2);
  });

  it('keeps a nested lettered list inside its item and goes on with the outer letters (004-11)', () => {
    const text =
      'a. Pengaduan melalui mekanisme: a. Online melalui : - Email b. Offline melalui : - kotak saran; ' +
      'b. Fasilitator melakukan verifikasi; c. Hasil survey diverifikasi supervisor;';
    expect(letteredItems(text)).toEqual([
      'a. Pengaduan melalui mekanisme: a. Online melalui : - Email b. Offline melalui : - kotak saran;',
      'b. Fasilitator melakukan verifikasi;',
      'c. Hasil survey diverifikasi supervisor;',
    ]);
  });

  it('does not split at a letter out of order, a reference or a lower-case word without punctuation', () => {
    expect(letteredItems('a. Surat sesuai huruf b. di atas')).toHaveLength(1);
    expect(letteredItems('a. Surat lain; c. bukan butir berikut')).toHaveLength(1);
    expect(letteredItems('a. Rumah tipe b. kecil')).toHaveLength(1);
  });

  it('takes a letter out of order as an item when it starts its own line, and reads lines as items', () => {
    expect(letteredItems('a. KTP\nb. KK\nd. Akta')).toEqual(['a. KTP', 'b. KK', 'd. Akta']);
  });

  it('gives text that does not start with "a." back as one item', () => {
    expect(letteredItems('Fotocopy KTP b. Fotocopy KK')).toEqual(['Fotocopy KTP b. Fotocopy KK']);
  });
});
