import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../engine/cli/runCli.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    streams: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('alur import-sop', () => {
  it('writes one draft per SOP and prints steps and inferred parts of each', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'alur-import-'));
    dirs.push(out);
    const io = capture();
    const code = await runCli(
      [
        'import-sop',
        'tests/fixtures/seeds/kutai-kartanegara-sop-2025.md',
        '--regency',
        'kutai-kartanegara',
        '--out',
        out,
      ],
      io.streams,
    );
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(out)).toHaveLength(12);
    expect(io.out()).toContain(
      'layanan-kepesertaan-jaminan-kesehatan-nasional.yaml  7 langkah, 7 bagian ditafsirkan  (Layanan Kepesertaan Jaminan Kesehatan Nasional)',
    );
    expect(io.out()).toContain(`12 draf ditulis ke ${out}.`);
    expect(readFileSync(path.join(out, 'layanan-kepesertaan-jaminan-kesehatan-nasional.yaml'), 'utf8')).toContain(
      'status: draft',
    );
  });

  it('shows the progress of a scan page by page on stderr', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'alur-import-'));
    dirs.push(out);
    const io = capture();
    await runCli(
      [
        'import-sop',
        'tests/fixtures/importer/halaman-pindaian.scan.pdf',
        '--regency',
        'kutai-kartanegara',
        '--out',
        out,
      ],
      io.streams,
    );
    expect(io.err()).toContain('OCR halaman 1 dari 1 selesai\n');
  }, 120_000);

  it('says in Indonesian when the file is missing or the regency unknown', async () => {
    const missing = capture();
    expect(await runCli(['import-sop', 'tidak-ada.md', '--regency', 'bangkalan', '--out', 'x'], missing.streams)).toBe(
      2,
    );
    expect(missing.err()).toBe('Berkas "tidak-ada.md" tidak ditemukan. Periksa nama dan foldernya.\n');
    const unknown = capture();
    expect(await runCli(['import-sop', 'README.md', '--regency', 'kutai', '--out', 'x'], unknown.streams)).toBe(2);
    expect(unknown.err()).toContain('Kabupaten "kutai" tidak dikenal');
    expect(unknown.err()).toContain('Pilih salah satu: bangkalan, bengkayang, kutai-kartanegara.');
    const usage = capture();
    expect(await runCli(['import-sop', 'README.md'], usage.streams)).toBe(2);
    expect(usage.err()).toContain('Sebutkan berkas, --regency dan --out.');
  });

  it('exits 1 when the document holds no SOP it recognises', async () => {
    const io = capture();
    expect(await runCli(['import-sop', 'SECURITY.md', '--regency', 'bangkalan', '--out', 'x'], io.streams)).toBe(1);
    expect(io.err()).toContain('Tidak ada SOP yang dikenali di "SECURITY.md"');
  });
});
