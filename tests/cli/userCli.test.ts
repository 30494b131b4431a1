import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../engine/cli/runCli.ts';
import { lockPath } from '../../engine/backup/serverLock.ts';
import { startServer, type RunningServer } from '../../engine/server/startServer.ts';
import { ApiClient } from '../support/apiClient.ts';
import { freshDatabase } from '../support/testDatabase.ts';
import { definitionsDir } from '../support/testServer.ts';

const repo = join(import.meta.dirname, '../..');

/** Runs `alur …` in this process with an environment and a standard input. */
async function alur(
  env: NodeJS.ProcessEnv,
  stdin: string,
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } },
    { env, readStdin: () => Promise.resolve(stdin) },
  );
  return { code, stdout, stderr };
}

/** Runs a process to its end, feeding it standard input, without blocking this process's event loop. */
function runProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  input: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repo, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

async function loginStatus(url: string, username: string, password: string): Promise<number> {
  const client = new ApiClient(url);
  return (await client.request('POST', '/api/auth/login', { username, password })).status;
}

function serverOn(dataDir: string): Promise<RunningServer> {
  return startServer({
    target: { kind: 'pglite', dataDir },
    port: 0,
    definitionsDir,
    demoUsers: false,
    jobPollMs: 3_600_000,
    logger: pino({ level: 'silent' }),
  });
}

describe('alur user on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'issue-16-cli-'));
  const env = { ALUR_DATA_DIR: dataDir };
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await serverOn(dataDir);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes its control token in a lock file only the server user can read', () => {
    const file = lockPath(dataDir);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('creates a user through the running server (real stdin); the user logs in at once', async () => {
    // Spawned without blocking: the server answering the channel runs in this very process.
    const result = await runProcess(
      process.execPath,
      [
        join(repo, 'bin/alur.js'),
        'user',
        'create',
        '--regency',
        'kutai-kartanegara',
        '--username',
        'siti.admin',
        '--name',
        'Siti Rahmawati',
        '--role',
        'admin',
        '--role',
        'kepala-dinas',
        '--nip',
        '19630824 199403 2 007',
        '--password-stdin',
      ],
      { ...process.env, ...env, DATABASE_URL: '' },
      'kopi tubruk pagi hari\n',
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('Pengguna siti.admin dibuat di kutai-kartanegara; dapat langsung masuk.\n');
    expect(result.status).toBe(0);
  }, 60_000);

  it('the created user signs in through /api/auth/login with the password from stdin (line break not part of it)', async () => {
    expect(await loginStatus(server!.url, 'siti.admin', 'kopi tubruk pagi hari')).toBe(200);
    expect(await loginStatus(server!.url, 'siti.admin', 'kopi tubruk pagi hari\n')).toBe(401);
    const row = (await server!.db('users').where({ username: 'siti.admin' }).first('nip', 'roles')) as {
      nip: string;
      roles: string[];
    };
    expect(row).toEqual({ nip: '196308241994032007', roles: ['admin', 'kepala-dinas'] });
  });

  it('refuses a common password, a short one, an unknown role and a taken username, with exit code 1', async () => {
    const base = ['user', 'create', '--regency', 'kutai-kartanegara', '--name', 'Budi', '--role', 'admin'];
    const common = await alur(env, 'password123\n', ...base, '--username', 'budi', '--password-stdin');
    expect(common.code).toBe(1);
    expect(common.stderr).toContain('daftar kata sandi yang paling sering dipakai');
    const short = await alur(env, 'pendek\n', ...base, '--username', 'budi', '--password-stdin');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('paling sedikit 8 karakter');
    const role = await alur(
      env,
      'kopi tubruk sore\n',
      ...base.slice(0, -1),
      'tidak-ada',
      '--username',
      'budi',
      '--password-stdin',
    );
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('Peran "tidak-ada" tidak ada di');
    const taken = await alur(env, 'kopi tubruk sore\n', ...base, '--username', 'siti.admin', '--password-stdin');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('sudah dipakai');
    expect(await server!.db('users').where({ username: 'budi' }).first('id')).toBeUndefined();
  });

  it('refuses a command line without --password-stdin or --regency (exit 2), naming what is missing', async () => {
    const noStdin = await alur(env, '', 'user', 'create', '--regency', 'x', '--username', 'a', '--name', 'A');
    expect(noStdin.code).toBe(2);
    expect(noStdin.stderr).toContain('--password-stdin');
    const noRegency = await alur(env, '', 'user', 'list');
    expect(noRegency.code).toBe(2);
    expect(noRegency.stderr).toContain('--regency wajib diisi');
  });

  it('lists, disables and resets through the server; each change is an account event', async () => {
    const list = await alur(env, '', 'user', 'list', '--regency', 'kutai-kartanegara');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^siti\.admin +Siti Rahmawati +admin,kepala-dinas +aktif\n1 pengguna\.\n$/);
    const disabled = await alur(env, '', 'user', 'disable', 'siti.admin');
    expect(disabled.code).toBe(0);
    expect(await loginStatus(server!.url, 'siti.admin', 'kopi tubruk pagi hari')).toBe(401);
    expect((await alur(env, '', 'user', 'list', '--regency', 'kutai-kartanegara')).stdout).toContain('nonaktif');
    expect((await alur(env, '', 'user', 'enable', 'siti.admin')).code).toBe(0);
    const reset = await alur(
      env,
      'teh manis hangat sekali\n',
      'user',
      'reset-password',
      'siti.admin',
      '--password-stdin',
    );
    expect(reset.code).toBe(0);
    expect(await loginStatus(server!.url, 'siti.admin', 'kopi tubruk pagi hari')).toBe(401);
    expect(await loginStatus(server!.url, 'siti.admin', 'teh manis hangat sekali')).toBe(200);
    const events = (await server!.db('account_events').where({ username: 'siti.admin' }).orderBy('id')) as Array<{
      action: string;
      actor_id: string;
      detail: unknown;
    }>;
    expect(events.map((e) => e.action)).toEqual(['created', 'disabled', 'enabled', 'password_reset']);
    expect(events.every((e) => e.actor_id === 'cli')).toBe(true);
    expect(JSON.stringify(events)).not.toContain('teh manis');
    const missing = await alur(env, '', 'user', 'disable', 'tidak.ada');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Ditolak: Pengguna "tidak.ada" tidak ada.\n');
  });

  it('a wrong control token is refused, and no account is listed', async () => {
    const response = await fetch(`${server!.url}/api/system/user`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-alur-control-token': 'salah' },
      body: JSON.stringify({ command: 'list', regencyId: 'kutai-kartanegara' }),
    });
    expect(response.status).toBe(403);
    expect(JSON.stringify(await response.json())).not.toContain('siti.admin');
  });

  it('with no server holding the folder, opens it directly; a server started later sees the user', async () => {
    await server!.close();
    server = undefined;
    expect(existsSync(lockPath(dataDir))).toBe(false);
    const created = await alur(
      env,
      'jalan kaki ke kantor\n',
      'user',
      'create',
      '--regency',
      'bangkalan',
      '--username',
      'ahmad.bkl',
      '--name',
      'Ahmad',
      '--role',
      'kepala-dinas',
      '--password-stdin',
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    server = await serverOn(dataDir);
    expect(await loginStatus(server.url, 'ahmad.bkl', 'jalan kaki ke kantor')).toBe(200);
  }, 180_000);
});

const postgresUrl = process.env.DATABASE_URL;
if (postgresUrl)
  describe('alur user on PostgreSQL (DATABASE_URL)', () => {
    let server: RunningServer;
    let database: Awaited<ReturnType<typeof freshDatabase>>;
    beforeAll(async () => {
      database = await freshDatabase();
      server = await startServer({
        target: database.target,
        port: 0,
        definitionsDir,
        demoUsers: false,
        jobPollMs: 3_600_000,
        logger: pino({ level: 'silent' }),
      });
    }, 180_000);
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it('creates a user directly on the database; the running server lets them in at once', async () => {
      if (database.target.kind !== 'postgres') throw new Error('expected PostgreSQL');
      const env = { DATABASE_URL: database.target.url };
      const created = await alur(
        env,
        'kopi tubruk pagi hari\n',
        'user',
        'create',
        '--regency',
        'kutai-kartanegara',
        '--username',
        'siti.pg',
        '--name',
        'Siti',
        '--role',
        'admin',
        '--password-stdin',
      );
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      expect(await loginStatus(server.url, 'siti.pg', 'kopi tubruk pagi hari')).toBe(200);
      expect((await alur(env, '', 'user', 'disable', 'siti.pg')).code).toBe(0);
      expect(await loginStatus(server.url, 'siti.pg', 'kopi tubruk pagi hari')).toBe(401);
    }, 60_000);
  });
