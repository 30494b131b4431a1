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

  it('takes the letters OCR misread ("C.", "f,", "f£.") only where the list expects them, as printed', () => {
    // From the scanned Bangkalan excerpt (004-02), where ";" was also read as ":".
    expect(
      letteredItems('a. Rekening:\nb. Salinan rekening: C. Salinan KTP:\nd. SKTM:\ne. Tanah:\nf£. Surat:\ng. RAB.'),
    ).toEqual([
      'a. Rekening:',
      'b. Salinan rekening:',
      'c. Salinan KTP:',
      'd. SKTM:',
      'e. Tanah:',
      'f. Surat:',
      'g. RAB.',
    ]);
    expect(letteredItems('a. Program: f, Rekomendasi')).toHaveLength(1);
    expect(letteredItems('a. Surat dari Dr. B. Santoso')).toHaveLength(1);
  });

  it('gives text that does not start with "a." back as one item', () => {
    expect(letteredItems('Fotocopy KTP b. Fotocopy KK')).toEqual(['Fotocopy KTP b. Fotocopy KK']);
  });
});
