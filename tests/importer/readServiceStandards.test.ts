import { describe, expect, it } from 'vitest';
import { flatLines } from '../../engine/importer/parse/flatLines.ts';
import { readServiceStandards } from '../../engine/importer/parse/readServiceStandards.ts';
import { readText } from '../../engine/importer/readers/readText.ts';

function standards(rows: string[], name = 'a. Contoh Layanan', read: 'typed' | 'ocr' = 'typed') {
  const text = [name, '', '1. Service Delivery', '', 'NO.\tKOMPONEN\tURAIAN', ...rows].join('\n');
  const lines = flatLines(readText('contoh.md', text));
  // OCR'd text carries a confidence on its cells; the reader accepts misread letters only there.
  return readServiceStandards(
    read === 'ocr' ? lines.map((l) => ({ ...l, cells: l.cells.map((c) => ({ ...c, confidence: 0.9 })) })) : lines,
  );
}

describe('readServiceStandards: cells the PermenPANRB 15/2014 table splits or letters', () => {
  it('adds a row with only its URAIAN cell to the component above it (Bangkalan 004-13, line 517)', () => {
    const [service] = standards([
      '1.\tPersyaratan\t<p>a. Proposal</p> <ol><li>1) Surat COTA</li></ol>',
      '',
      '\t\t<p>b. Persyaratan COTA</p> <ol><li>1) Umur</li></ol>',
      '2.\tSistem, Mekanisme dan Prosedur pelayanan\t1. Datang; 2. Menyerahkan berkas; 3. Memperoleh surat',
      '--\t--\t---',
      '\t\t4. Baris di bawah garis bukan bagian prosedur',
    ]);
    expect(service?.serviceStandard?.requirements?.value).toEqual([
      'Proposal 1) Surat COTA',
      'Persyaratan COTA 1) Umur',
    ]);
    expect(service?.serviceStandard?.requirements?.at.line).toBe(6);
    expect(service?.rows).toHaveLength(3);
  });

  it('reads a Prosedur lettered instead of numbered as one step per top-level letter (004-11)', () => {
    const [service] = standards([
      '1.\tPersyaratan\ta. Fotocopy KTP b. Fotocopy KK',
      '2.\tSistem, Mekanisme dan Prosedur pelayanan\ta. Pengaduan melalui mekanisme: a. Online melalui : - Email ' +
        'b. Offline melalui : - kotak saran; b. Fasilitator melakukan verifikasi ke lapangan; c. Hasil survey diverifikasi;',
    ]);
    expect(service?.serviceStandard?.requirements?.value).toEqual(['Fotocopy KTP', 'Fotocopy KK']);
    expect(service?.rows.map((r) => r.activity)).toEqual([
      'Pengaduan melalui mekanisme',
      'Fasilitator melakukan verifikasi ke lapangan',
      'Hasil survey diverifikasi',
    ]);
    expect(service?.rows[0]?.notes).toBe('a. Online melalui : - Email b. Offline melalui : - kotak saran;');
  });

  it('reads a service name and Prosedur numbers as OCR misread them (scan of 004-03: "Cc.", "1,")', () => {
    const [service] = standards(
      [
        '1\tPersyaratan\t<p>a. Masyarakat miskin:</p><p>b. Memiliki KTP:</p>',
        '2:\tSistem, Mekanisme dan Prosedur pelayanan\t<p>1, Pemohon datang:</p><p>2. Pemohon menyerahkan berkas:</p><p>3. Pemohon memperoleh Rekomendasi</p>',
      ],
      'Cc. Penerbitan Rekomendasi KUBE',
      'ocr',
    );
    expect(service?.cover.name?.value).toBe('Penerbitan Rekomendasi KUBE');
    expect(service?.rows.map((r) => r.activity)).toEqual([
      'Pemohon datang',
      'Pemohon menyerahkan berkas',
      'Pemohon memperoleh Rekomendasi',
    ]);
  });

  it('keeps lettered sub-items after a ";" in the step notes, not in its activity (004-08 step 3)', () => {
    const [service] = standards([
      '1.\tPersyaratan\ta. Fotocopy KTP',
      '2.\tSistem, Mekanisme dan Prosedur pelayanan\t1. Pemohon datang; 2. Menyerahkan berkas: a. jika tidak lengkap; ' +
        'b. jika lengkap; 3. Operator mengecek data pemohon; a. jika data ada, petugas mencetak; b. Petugas menyerahkan.',
    ]);
    expect(service?.rows.map((r) => [r.activity, r.notes])).toEqual([
      ['Pemohon datang', ''],
      ['Menyerahkan berkas', 'a. jika tidak lengkap; b. jika lengkap;'],
      ['Operator mengecek data pemohon', 'a. jika data ada, petugas mencetak; b. Petugas menyerahkan.'],
    ]);
  });
});
