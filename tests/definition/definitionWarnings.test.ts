import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../engine/cli/runCli.ts';
import { loadRegencySource, loadSopSource } from '../../engine/definition/loadDefinitionSource.ts';
import { definitionWarnings } from '../../engine/definition/warnings/definitionWarnings.ts';

const fixtures = join(import.meta.dirname, '../fixtures/valid/testkab');
const regency = loadRegencySource(readFileSync(join(fixtures, 'regency.yaml')), 'regency.yaml', 'testkab').regency;

/** Loads an SOP text (it must be valid) and returns its positioned warnings. */
function warningsOf(text: string) {
  const load = loadSopSource(new TextEncoder().encode(text), 'uji.yaml', { regency, folderName: 'testkab' });
  expect(load.errors).toEqual([]);
  return definitionWarnings(text, 'uji.yaml', load.definition!);
}

const head = `id: uji
regency: testkab
status: draft
name: Layanan Uji
unit: umum
actors:
  - { id: loket, name: Petugas Loket, role: petugas }
  - { id: kabid, name: Kabid, role: kabid }
steps:
`;

const letter = (id: string, body: string) =>
  `{ id: ${id}, name: Surat ${id}, template: { title: SURAT, body: "${body}" } }`;

describe('validator warnings with positions for what a valid SOP reads silently', () => {
  it('a time with a trailing part the deadline ignores names that part, its line and column', () => {
    const text = `${head}  - id: asesmen
    activity: Asesmen
    actor: loket
    time: 1 hari kerja
  - id: laporan
    activity: Melaporkan hasil asesmen
    actor: kabid
    time: 2 hari setelah asesmen
`;
    const [warning, ...rest] = warningsOf(text);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ code: 'TIME_TRAILING_IGNORED', path: '/steps/1/time', line: 17, column: 18 });
    expect(text.split('\n')[16]!.slice(17)).toBe('setelah asesmen');
    expect(warning!.message).toBe(
      'Waktu `2 hari setelah asesmen`: bagian `setelah asesmen` (kolom 8) tidak ikut dihitung; batas waktu dihitung ' +
        'sejak langkah ini dimulai. Bila waktu memang dihitung dari kejadian lain, jadikan kejadian itu langkah ' +
        'tersendiri; bila hanya keterangan, pindahkan ke `notes`.',
    );
    expect(warning!.messageEn).toContain('the part `setelah asesmen` (column 8) is not counted');
  });

  it('a remark after the unit warns; a qualifier before the number and a plain time do not', () => {
    const text = `${head}  - id: a
    activity: Pertama
    actor: loket
    time: 14 hari kerja sejak berkas lengkap
  - id: b
    activity: Kedua
    actor: loket
    time: paling lama 3 hari kerja
  - id: c
    activity: Ketiga
    actor: kabid
    time: 30 menit
`;
    const warnings = warningsOf(text);
    expect(warnings.map((w) => [w.code, w.path, w.params.part])).toEqual([
      ['TIME_TRAILING_IGNORED', '/steps/0/time', 'sejak berkas lengkap'],
    ]);
    expect(warnings[0]).toMatchObject({ line: 13, column: 25 });
  });

  it('a letter placeholder filled only on a step the case can bypass has no sure source', () => {
    const flow = (survey: string) => `${head}  - id: periksa
    activity: Memeriksa
    actor: loket
    decision:
      branches:
        - { label: Perlu survei, goto: survei }
        - { label: Tidak perlu, otherwise: true, goto: ${survey} }
  - id: survei
    activity: Survei lapangan
    actor: loket
    form:
      schema: { type: object, properties: { surveyNote: { type: string, title: Catatan survei } } }
  - id: tetapkan
    activity: Menetapkan
    actor: kabid
    output: ${letter('rekomendasi', 'Hasil survei: {{surveyNote}}.')}
`;
    const text = flow('tetapkan');
    const warnings = warningsOf(text);
    expect(warnings.map((w) => [w.code, w.path, w.line])).toEqual([
      ['LETTER_PLACEHOLDER_MAY_BE_EMPTY', '/steps/2/output', 25],
    ]);
    expect(warnings[0]!.message).toContain('isian `surveyNote` yang hanya diisi pada langkah survei');
    // When every case passes the survey (both answers lead there), the placeholder always has its source.
    expect(warningsOf(flow('survei'))).toEqual([]);
  });

  it('two letters printing a field both their steps write warn at the second letter', () => {
    const flow = (second: string) => `${head}  - id: rekomendasi
    activity: Membuat rekomendasi
    actor: loket
    form:
      schema: { type: object, properties: { letterDate: { type: string, title: Tanggal surat } } }
    output: ${letter('rekomendasi', 'Tanggal {{letterDate}}.')}
  - id: keputusan
    activity: Membuat keputusan
    actor: kabid
    form:
      schema: { type: object, properties: { letterDate: { type: string, title: Tanggal surat } } }
    output: ${letter('keputusan', second)}
`;
    const warnings = warningsOf(flow('Tanggal {{letterDate}}.'));
    expect(warnings.map((w) => [w.code, w.line, w.params.field, w.params.first, w.params.second])).toEqual([
      ['LETTERS_SHARE_FIELD', 21, 'letterDate', 'rekomendasi', 'keputusan'],
    ]);
    expect(warnings[0]!.message).toContain('Pakai `steps.keputusan.letterDate`');
    expect(warningsOf(flow('Tanggal {{steps.keputusan.letterDate}}.'))).toEqual([]);
  });

  it('alur validate prints them as file:line:col  PERINGATAN  CODE  message and still exits 0', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'alur-warn-')), 'testkab');
    mkdirSync(folder);
    copyFileSync(join(fixtures, 'regency.yaml'), join(folder, 'regency.yaml'));
    const file = join(folder, 'uji.yaml');
    writeFileSync(
      file,
      `${head}  - id: laporan\n    activity: Melaporkan\n    actor: kabid\n    time: 2 hari setelah asesmen\n`,
    );
    let stdout = '';
    const code = await runCli(['validate', file], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stdout += t) },
    });
    expect(code).toBe(0);
    const [line, summary] = stdout.trimEnd().split('\n');
    expect(line).toMatch(
      /uji\.yaml:13:18 {2}PERINGATAN {2}TIME_TRAILING_IGNORED {2}Waktu `2 hari setelah asesmen`: bagian/,
    );
    expect(summary).toBe('2 berkas diperiksa, 0 kesalahan, 1 peringatan.');
  });
});
