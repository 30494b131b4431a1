import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRegencySource } from '../../engine/definition/loadDefinitionSource.ts';
import type { RawRegency, RawSop } from '../../engine/definition/sopTypes.ts';
import type { DocumentText } from '../../engine/importer/documentText.ts';
import { ImportError } from '../../engine/importer/importError.ts';
import { draftsOf } from '../../engine/importer/draftsOf.ts';
import { importSopDocument } from '../../engine/importer/importSopDocument.ts';

function regency(id: string): RawRegency {
  const loaded = loadRegencySource(readFileSync(`sop-definitions/${id}/regency.yaml`), 'regency.yaml', id);
  if (!loaded.regency) throw new Error(id);
  return loaded.regency;
}

async function importSeed(file: string, regencyId: string) {
  return importSopDocument(
    { name: file, bytes: readFileSync(`tests/fixtures/seeds/${file}`) },
    { regencyId, regency: regency(regencyId) },
  );
}

describe('importSopDocument on the Kutai Kartanegara seed text', () => {
  it('finds all 12 SOPs and every draft validates with the project loader', async () => {
    const { drafts } = await importSeed('kutai-kartanegara-sop-2025.md', 'kutai-kartanegara');
    expect(drafts).toHaveLength(12);
    for (const draft of drafts) expect(draft.warnings.filter((w) => w.code === 'DRAFT_INVALID')).toEqual([]);
    const first = parse(drafts[0]?.yaml ?? '') as RawSop;
    expect(first.status).toBe('draft');
    expect(first.number).toBe('P-164/DINSOS/LINJAMSOS/000.9.3.3/08/2025');
    expect(first.dates).toEqual({ created: '2025-08-13', effective: '2025-08-13' });
    expect(first.unit).toBe('linjamsos');
    expect(first.legalBasis).toHaveLength(7);
    expect(first.source?.fields?.number).toEqual({ page: 1, line: 10 });
  });

  it('reads "Pt." as "Plt." and keeps the printed text in the provenance note', async () => {
    const { drafts } = await importSeed('kutai-kartanegara-sop-2025.md', 'kutai-kartanegara');
    const first = parse(drafts[0]?.yaml ?? '') as RawSop;
    expect(first.approvedBy).toEqual({
      title: 'Plt. Kepala Dinas Sosial',
      name: 'Drs. Yuliandris Suherdian',
      nip: '196807081994031013',
    });
    expect(first.source?.fields?.approvedBy?.confidence).toBe(0.9);
    expect(first.source?.fields?.approvedBy?.note).toContain('Pt. Kepala Dinas Sosial');
  });

  it('gives each step its source line and marks actors read from the activity text as inferred', async () => {
    const { drafts } = await importSeed('kutai-kartanegara-sop-2025.md', 'kutai-kartanegara');
    const jkn = parse(drafts[0]?.yaml ?? '') as RawSop;
    expect(jkn.steps[0]?.provenance).toMatchObject({ page: 1, line: 29, inferred: ['actor'] });
    expect(jkn.steps[0]?.actor).toBe('pemohon');
    expect(jkn.steps[4]?.time).toBe('5 Menit / orang');
    // The row with "Tidak" under Staf Bidang Rehsos and "Ya" under Kepala Dinas becomes a decision.
    const alatBantu = parse(drafts[1]?.yaml ?? '') as RawSop;
    const row6 = alatBantu.steps[5];
    expect(row6?.decision?.branches.map((b) => b.goto)).toEqual([alatBantu.steps[6]?.id, alatBantu.steps[4]?.id]);
    expect(row6?.provenance?.inferred).toEqual(['actor', 'decision']);
  });

  it('writes a commented YAML naming the source row above each step', async () => {
    const { drafts } = await importSeed('kutai-kartanegara-sop-2025.md', 'kutai-kartanegara');
    expect(drafts[0]?.yaml).toMatch(/^# Draf hasil impor dari kutai-kartanegara-sop-2025\.md/);
    expect(drafts[0]?.yaml).toContain('# Baris tabel 1 (halaman 1, baris 29); ditafsirkan: actor');
  });
});

describe('importSopDocument on the other layouts', () => {
  it('turns Bengkayang names and scope into drafts whose every step is inferred', async () => {
    const { drafts } = await importSeed('bengkayang-sop-pjrs-2026.md', 'bengkayang');
    expect(drafts).toHaveLength(9);
    const first = parse(drafts[0]?.yaml ?? '') as RawSop;
    expect(first.source?.detail).toBe('name-and-scope');
    expect(first.number).toBe('SOP-PJRS-01/2026');
    expect(first.steps.map((s) => s.activity)[0]).toBe('Penerimaan laporan/permohonan');
    for (const step of first.steps) expect(step.provenance?.inferred).toContain('step');
    for (const draft of drafts) expect(draft.warnings.filter((w) => w.code === 'DRAFT_INVALID')).toEqual([]);
  });

  it('reads the 21 Bangkalan service standards with their Jangka Waktu and fee', async () => {
    const { drafts } = await importSeed('bangkalan-standar-pelayanan-2025.md', 'bangkalan');
    expect(drafts).toHaveLength(21);
    const lks = parse(drafts[0]?.yaml ?? '') as RawSop;
    expect(lks.kind).toBe('service-standard');
    expect(lks.serviceStandard?.duration).toBe('4 (empat) hari kerja');
    expect(lks.serviceStandard?.fee).toMatchObject({ amount: 0 });
    expect(lks.steps.map((s) => s.activity)[0]).toBe(
      'Pemohon datang ke Ruang Pelayanan Dinas Sosial untuk menyerahkan berkas permohonan',
    );
    for (const draft of drafts) expect(draft.warnings.filter((w) => w.code === 'DRAFT_INVALID')).toEqual([]);
  });

  it('reads the 46 names of the Bangkalan decree list, lines wrapped by OCR joined', async () => {
    const { drafts } = await importSeed('bangkalan-daftar-sop-2025.txt', 'bangkalan');
    expect(drafts).toHaveLength(46);
    expect(drafts[0]?.name).toBe('Penyiapan spp up/GUITU/LS Gaji Dan LS Barang Dan Jasa');
    expect(drafts.every((d) => d.detail === 'name-only')).toBe(true);
  });

  it('maps cells by position (PDF/OCR) and adds a wrapped row to the row above by column', () => {
    const cell = (text: string, x: number, right: number, confidence?: number) =>
      confidence === undefined ? { text, x, right } : { text, x, right, confidence };
    const document: DocumentText = {
      fileName: 'scan.pdf',
      format: 'scan',
      pages: [
        {
          page: 2,
          lines: [
            { line: 1, cells: [cell('Nomor SOP', 0.05, 0.2), cell('P-1/2025', 0.3, 0.5)], tableRow: true },
            { line: 2, cells: [cell('Nama SOP', 0.05, 0.2), cell('Contoh Layanan', 0.3, 0.6)], tableRow: true },
            {
              line: 3,
              cells: [
                cell('No', 0.02, 0.05),
                cell('Uraian Kegiatan', 0.1, 0.3),
                cell('Pelaksana', 0.45, 0.55),
                cell('Mutu Baku', 0.7, 0.8),
                cell('Keterangan', 0.9, 0.98),
              ],
              tableRow: true,
            },
            {
              line: 4,
              cells: [
                cell('Staf Bidang Linjamsos', 0.35, 0.45),
                cell('Kabid Linjamsos', 0.5, 0.6),
                cell('Kelengkapan', 0.65, 0.72),
                cell('Waktu', 0.74, 0.79),
                cell('Output', 0.81, 0.87),
              ],
              tableRow: true,
            },
            {
              line: 5,
              cells: [
                cell('1', 0.02, 0.03),
                cell('Menerima berkas', 0.08, 0.3),
                cell('●', 0.39, 0.41),
                cell('KTP', 0.65, 0.7),
                cell('1 hari', 0.74, 0.78, 0.7),
                cell('Tanda', 0.81, 0.86),
              ],
              tableRow: true,
            },
            { line: 6, cells: [cell('permohonan', 0.08, 0.2), cell('terima', 0.81, 0.86)] },
            {
              line: 7,
              cells: [
                cell('2', 0.02, 0.03),
                cell('Menyetujui', 0.08, 0.2),
                cell('●', 0.54, 0.56),
                cell('5 menit', 0.74, 0.79),
              ],
              tableRow: true,
            },
          ],
        },
      ],
    };
    const [draft] = draftsOf(document, { regencyId: 'kutai-kartanegara', regency: regency('kutai-kartanegara') });
    const sop = parse(draft?.yaml ?? '') as RawSop;
    expect(sop.steps.map((s) => [s.activity, s.actor, s.time, s.output])).toEqual([
      ['Menerima berkas permohonan', 'staf-linjamsos', '1 hari', 'Tanda terima'],
      ['Menyetujui', 'kabid-linjamsos', '5 menit', undefined],
    ]);
    expect(sop.steps[0]?.provenance).toEqual({ page: 2, line: 5, confidence: 0.7 });
    expect(draft?.warnings.filter((w) => w.code === 'DRAFT_INVALID')).toEqual([]);
  });

  it('refuses a file kind it cannot read, in Indonesian, naming the kinds it can', async () => {
    const failure = importSopDocument(
      { name: 'sop.xls', bytes: new Uint8Array([1, 2]) },
      { regencyId: 'bangkalan', regency: regency('bangkalan') },
    );
    await expect(failure).rejects.toBeInstanceOf(ImportError);
    await expect(failure).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', path: 'sop.xls' });
    await expect(failure).rejects.toThrow(/Jenis berkas "xls" belum bisa dibaca\. Gunakan salah satu: \.txt/);
  });
});
