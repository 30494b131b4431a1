import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import { runDueJobs } from '../../engine/app/jobScheduler.ts';
import type { BackupStatus } from '../../engine/backup/backupStatus.ts';
import { readBackup } from '../../engine/backup/readBackup.ts';
import { lockPath } from '../../engine/backup/serverLock.ts';
import { runAlur } from '../../engine/cli/main.ts';
import { backgroundJobs, BACKUP_JOB } from '../../engine/server/jobs.ts';
import { startServer, type RunningServer } from '../../engine/server/startServer.ts';
import { PNG, applicant } from '../security/support/securityFixture.ts';
import { ApiClient } from '../support/apiClient.ts';
import { definitionsDir } from '../support/testServer.ts';

/** Runs the CLI with captured output. */
async function alur(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runAlur(
    argv,
    { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } },
    env,
  );
  return { code, out, err };
}

function startOn(dataDir: string): Promise<RunningServer> {
  return startServer({
    target: { kind: 'pglite', dataDir },
    port: 0,
    definitionsDir,
    demoUsers: true,
    jobPollMs: 3_600_000,
    logger: pino({ level: 'silent' }),
    transport: { https: false },
  });
}

describe('alur backup / restore on a PGlite folder, with and without a server holding it', () => {
  const work = mkdtempSync(join(tmpdir(), 'issue-14-cli-'));
  const dataDir = join(work, 'pglite');
  const backupDir = join(work, 'cadangan');
  const env = { ALUR_DATA_DIR: dataDir };
  let server: RunningServer | undefined;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startOn(dataDir);
    const staff = new ApiClient(server.url);
    await staff.login('kutai-kartanegara.staf-rehsos', DEMO_PASSWORD);
    const opened = await staff.post<{ id: string }>('/api/cases', { sopId: 'bantuan-permakanan', data: applicant });
    expect(opened.status).toBe(201);
    const upload = await staff.request(
      'POST',
      `/api/cases/${opened.body.id}/attachments?doc=ktp-kk&name=ktp.png`,
      undefined,
      {
        raw: PNG,
        contentType: 'image/png',
      },
    );
    expect(upload.status).toBe(201);
    admin = new ApiClient(server.url);
    await admin.login('kutai-kartanegara.admin', DEMO_PASSWORD);
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    delete process.env.ALUR_BACKUP_DIR;
    delete process.env.ALUR_BACKUP_KEEP;
  });

  it('while the server runs, the CLI asks it for the backup (it never opens the folder itself)', async () => {
    expect(existsSync(lockPath(dataDir))).toBe(true);
    const file = join(work, 'saat-berjalan.zip');
    const result = await alur(['backup', '--out', file], env);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('cadangan dibuat oleh server itu');
    const backup = readBackup(readFileSync(file), file);
    expect(backup.rows.get('cases')).toHaveLength(1);
    expect(backup.rows.get('attachments')).toHaveLength(1);
  });

  it('refuses a restore and a second server on the folder while the server holds it', async () => {
    const result = await alur(['restore', '--from', join(work, 'saat-berjalan.zip'), '--force'], env);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/FOLDER_IN_USE.*sedang dipakai server Alur lain/);
    await expect(startOn(dataDir)).rejects.toThrow(/sedang dipakai server Alur lain/);
  });

  it('the control endpoint refuses a request without the lock file token', async () => {
    const anyone = new ApiClient(server!.url);
    const answer = await anyone.request(
      'POST',
      '/api/system/backup',
      { out: join(work, 'x.zip') },
      {
        headers: { 'x-alur-control-token': 'tebakan' },
      },
    );
    expect(answer.status).toBe(403);
    expect(existsSync(join(work, 'x.zip'))).toBe(false);
  });

  it('admins see the daily backup status, start one, and only ALUR_BACKUP_KEEP files stay', async () => {
    const unconfigured = await admin.get<BackupStatus>('/api/admin/backups');
    expect(unconfigured.status).toBe(200);
    expect(unconfigured.body.configured).toBe(false);
    const staff = new ApiClient(server!.url);
    await staff.login('kutai-kartanegara.staf-rehsos', DEMO_PASSWORD);
    expect((await staff.get('/api/admin/backups')).status).toBe(403);

    process.env.ALUR_BACKUP_DIR = backupDir;
    process.env.ALUR_BACKUP_KEEP = '2';
    const backupJob = backgroundJobs.filter((j) => j.name === BACKUP_JOB);
    const start = Date.now() + 60_000;
    for (let day = 0; day < 3; day++) {
      const queued = await admin.post<BackupStatus>('/api/admin/backups');
      expect(queued.status).toBe(202);
      const ran = await runDueJobs(server!.db, backupJob, 'uji', new Date(start + day * 86_400_000));
      expect(ran).toEqual([BACKUP_JOB]);
    }
    const status = await admin.get<BackupStatus>('/api/admin/backups');
    expect(status.body.configured).toBe(true);
    expect(status.body.files).toHaveLength(2);
    const last = status.body.lastResult as { file: string; rows: number; removed: string[] };
    expect(last.file).toBe(join(backupDir, status.body.files[0]!.name));
    expect(last.rows).toBeGreaterThan(10);
    expect(last.removed).toHaveLength(1);
  }, 120_000);

  it('with the server stopped, the CLI opens the folder itself; restore goes into an empty folder only', async () => {
    await server!.close();
    server = undefined;
    expect(existsSync(lockPath(dataDir))).toBe(false);
    const file = join(work, 'berhenti.zip');
    const backup = await alur(['backup', '--out', file], env);
    expect(backup.code).toBe(0);
    expect(backup.out).toContain('Mencadangkan PGlite');

    const restoredEnv = { ALUR_DATA_DIR: join(work, 'pulih') };
    const restored = await alur(['restore', '--from', file], restoredEnv);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/Dipulihkan ke PGlite .* tabel, \d+ baris/);

    const again = await alur(['restore', '--from', file], restoredEnv);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/DATABASE_NOT_EMPTY.*--force/);
    expect((await alur(['restore', '--from', file, '--force'], restoredEnv)).code).toBe(0);

    const corrupt = join(work, 'rusak.zip');
    const bytes = readFileSync(file);
    writeFileSync(corrupt, bytes.subarray(0, bytes.length - 100));
    const broken = await alur(['restore', '--from', corrupt, '--force'], restoredEnv);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/BACKUP_CORRUPT.*Berkas cadangan rusak.*Tidak ada data yang diubah/);
    const missing = await alur(['restore', '--from', join(work, 'tidak-ada.zip')], restoredEnv);
    expect(missing.err).toMatch(/tidak dapat dibaca/);
    expect((await alur(['backup'], env)).code).toBe(2);
  }, 240_000);
});
