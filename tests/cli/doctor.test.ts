import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAlur } from '../../engine/cli/main.ts';
import { calendarCoverage } from '../../engine/doctor/calendarCoverage.ts';
import { checkAddress } from '../../engine/doctor/doctorChecks.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { migrateToLatest } from '../../engine/storage/migrate.ts';

async function doctor(env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runAlur(
    ['doctor'],
    { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (out += t) } },
    env,
  );
  return { code, out };
}

describe('alur doctor', () => {
  it('a configured office: database migrated, https public address, backups, no demo accounts → exit 0', async () => {
    const work = mkdtempSync(join(tmpdir(), 'issue-14-doctor-'));
    const dataDir = join(work, 'pglite');
    const db = openDatabase({ kind: 'pglite', dataDir });
    await migrateToLatest(db);
    await db.destroy();
    const result = await doctor({
      ALUR_DATA_DIR: dataDir,
      HOST: '0.0.0.0',
      ALUR_PUBLIC_URL: 'https://alur.dinsos.example.go.id',
      ALUR_BACKUP_DIR: join(work, 'cadangan'),
      ALUR_DEMO_USERS: '0',
    });
    expect(result.out).toMatch(/\[OK {8}\] Basis data: PGlite .* semua \d+ migrasi sudah dijalankan/);
    expect(result.out).toMatch(/\[OK {8}\] TLS: HTTPS diakhiri proxy/);
    expect(result.out).toMatch(/\[OK {8}\] Cadangan: Cadangan harian ke .*cadangan, 7 berkas/);
    expect(result.out).toMatch(/\[OK {8}\] Akun demo/);
    expect(result.out).toMatch(/\[OK {8}\] Kalender kerja: Tahun \d{4}: \d+ hari libur dimuat/);
    expect(result.out).toMatch(/Ruang disk: [\d.]+ GB kosong/);
    expect(result.out).not.toContain('MASALAH');
    expect(result.code).toBe(0);
  }, 120_000);

  it('an unreachable database and half a TLS configuration block, each with how to fix it', async () => {
    const result = await doctor({
      DATABASE_URL: 'postgres://alur@127.0.0.1:1/alur',
      ALUR_TLS_CERT: '/etc/ssl/alur.pem',
    });
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/\[MASALAH {3}\] Basis data: PostgreSQL 127\.0\.0\.1:1\/alur tidak terjangkau/);
    expect(result.out).toMatch(/Cara memperbaiki: Periksa DATABASE_URL/);
    expect(result.out).toMatch(/\[MASALAH {3}\] Alamat dan TLS: ALUR_TLS_CERT dan ALUR_TLS_KEY harus diisi keduanya/);
    expect(result.out).toMatch(/\[PERINGATAN\] Cadangan: ALUR_BACKUP_DIR belum diatur/);
    // On a PostgreSQL server demo accounts are off unless ALUR_DEMO_USERS=1.
    expect(result.out).toMatch(/\[OK {8}\] Akun demo/);
    expect(result.out).toMatch(/2 masalah menghalangi/);
  });

  it('reads a TLS certificate: its expiry date, and an expired one blocks', () => {
    const work = mkdtempSync(join(tmpdir(), 'issue-14-doctor-tls-'));
    const cert = join(work, 'cert.pem');
    const key = join(work, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '90',
        '-subj',
        '/CN=alur',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      {
        stdio: 'ignore',
      },
    );
    const env = { ALUR_TLS_CERT: cert, ALUR_TLS_KEY: key, HOST: '0.0.0.0' };
    const now = checkAddress(env).find((f) => f.topic === 'TLS');
    expect(now).toMatchObject({
      level: 'ok',
      message: expect.stringMatching(/sertifikat berlaku sampai \d{4}-\d{2}-\d{2}/) as unknown,
    });
    const later = checkAddress(env, new Date(Date.now() + 100 * 86_400_000)).find((f) => f.topic === 'TLS');
    expect(later?.level).toBe('problem');
    expect(later?.message).toMatch(/kedaluwarsa/);
  });

  it('the calendar check counts the holidays the working calendar knows for a year', () => {
    const thisYear = calendarCoverage(new Date().getFullYear());
    expect(thisYear.loaded).toBe(true);
    expect(thisYear.holidays).toBeGreaterThanOrEqual(10);
    expect(calendarCoverage(1800).loaded).toBe(false);
  });
});
