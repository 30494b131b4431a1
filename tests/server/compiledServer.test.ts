import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../engine/server/projectRoot.ts';
import { buildServerIfNeeded } from '../../tools/buildServer.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

// `npm start` runs the compiled bundle (dist/server/start.mjs), whose own folder is dist/server: data
// shipped beside engine modules (national calendar, region codes, password list, letter fonts) must still
// be found from there. The test suites otherwise run the TypeScript sources, where it always is.
describe('the compiled server finds the data shipped with the sources', () => {
  const root = projectRoot();
  const dataDir = mkdtempSync(join(tmpdir(), 'alur-compiled-'));
  let server: ChildProcess | undefined;
  let base = '';

  beforeAll(async () => {
    await buildServerIfNeeded(root);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [join(root, 'dist/server/start.mjs')], {
      cwd: root,
      // `npm start` on a fresh machine: the embedded database, whatever the suite itself runs on.
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.includes('DATABASE'))),
        PORT: String(port),
        HOST: '127.0.0.1',
        ALUR_DATA_DIR: dataDir,
        ALUR_DEMO_USERS: '1',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      server!.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Alur berjalan di')) resolve();
      });
      server!.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
  }, 180_000);
  afterAll(() => {
    server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a step completion computes its next deadline with the national calendar', async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'kutai-kartanegara.staf-rehsos', password: 'alur-demo' }),
    });
    expect(login.status).toBe(200);
    const headers = {
      'content-type': 'application/json',
      cookie: login.headers.get('set-cookie')!.split(';')[0]!,
      'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken,
    };
    const opened = await fetch(`${base}/api/cases`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ sopId: 'bantuan-permakanan', data: kutaiApplicant }),
    });
    expect(opened.status).toBe(201);
    const kase = (await opened.json()) as { tasks: Array<{ id: string; status: string }> };
    const task = kase.tasks.find((t) => t.status === 'open')!;
    const done = await fetch(`${base}/api/tasks/${task.id}/complete`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ checklist: permakananFirstStepChecklist }),
    });
    const body = (await done.json()) as { tasks: Array<{ status: string; dueAt: string | null }> };
    expect(done.status, JSON.stringify(body)).toBe(200);
    expect(body.tasks.find((t) => t.status === 'open')?.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
