import { describe, expect, it } from 'vitest';
import { runCli } from '../../engine/cli/runCli.ts';

/** Runs the CLI with captured output (the command reads sop-definitions/ from the project root). */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('alur deadline', () => {
  it('Bangkalan LKS: Tue 17 Mar 2026 09:00 + "4 (empat) hari kerja" is Mon 30 Mar 09:00 WIB', async () => {
    expect(
      await run('deadline', '--regency', 'bangkalan', '--from', '2026-03-17T09:00', '--time', '4 (empat) hari kerja'),
    ).toEqual({
      code: 0,
      stdout: '2026-03-30T09:00:00+07:00\n',
      stderr: '',
    });
  });

  it('prints the regency’s own offset (WITA) and runs round the clock with --clock calendar', async () => {
    const office = await run(
      'deadline',
      '--regency',
      'kutai-kartanegara',
      '--from',
      '2026-03-07T22:00',
      '--time',
      '30 menit',
    );
    expect(office.stdout).toBe('2026-03-09T08:30:00+08:00\n');
    const calendar = await run(
      'deadline',
      '--regency',
      'kutai-kartanegara',
      '--from',
      '2026-03-07T22:00',
      '--time',
      '30 menit',
      '--clock',
      'calendar',
    );
    expect(calendar.stdout).toBe('2026-03-07T22:30:00+08:00\n');
  });

  it('"1 x 24 jam" is 24 hours and months clamp to the month end', async () => {
    expect(
      (await run('deadline', '--regency', 'bengkayang', '--from', '2026-03-06T15:00', '--time', '1 x 24 jam')).stdout,
    ).toBe('2026-03-07T15:00:00+07:00\n');
    expect(
      (await run('deadline', '--regency', 'bengkayang', '--from', '2025-01-31T09:00', '--time', '1 bulan')).stdout,
    ).toBe('2025-02-28T09:00:00+07:00\n');
  });

  it('labels a deadline in a year without a decree as provisional, still printing it', async () => {
    const r = await run('deadline', '--regency', 'bangkalan', '--from', '2028-03-01T09:00', '--time', '1 hari kerja');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('2028-03-02T09:00:00+07:00\n');
    expect(r.stderr).toContain('Kalender 2028 belum ditetapkan');
  });

  it.each([
    [
      ['--regency', 'antah-berantah', '--from', '2026-03-17T09:00', '--time', '1 hari'],
      'kabupaten "antah-berantah" tidak ditemukan',
    ],
    [['--regency', 'bangkalan', '--from', '2026-02-30T09:00', '--time', '1 hari'], 'bukan waktu yang sah'],
    [['--regency', 'bangkalan', '--from', '17-03-2026 09:00', '--time', '1 hari'], 'bukan waktu yang sah'],
    [['--regency', 'bangkalan', '--from', '2026-03-17T09:00', '--time', 'segera'], 'tidak dapat dibaca'],
    [
      ['--regency', 'bangkalan', '--from', '2026-03-17T09:00', '--time', '30 menit / 1 hari'],
      'bagian "1 hari" (kolom 12)',
    ],
    [['--regency', 'bangkalan', '--from', '2026-03-17T09:00', '--time', 'N/A'], 'tanpa batas waktu'],
    [
      ['--regency', 'bangkalan', '--from', '2026-03-17T09:00', '--time', '1 hari', '--clock', 'malam'],
      '--clock "malam" tidak dikenal',
    ],
    [['--regency', 'bangkalan', '--time', '1 hari'], 'wajib diisi'],
  ])('refuses %j with an Indonesian error and exit 1', async (args, message) => {
    const r = await run('deadline', ...args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Galat: /);
    expect(r.stderr).toContain(message);
  });
});
