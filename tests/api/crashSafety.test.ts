import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../engine/app/demoUsers.ts';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import type { CaseEvent } from '../../engine/core/events.ts';
import { ApiClient } from '../support/apiClient.ts';
import { databaseLabel, freshDatabase } from '../support/testDatabase.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';

const root = join(import.meta.dirname, '../..');

function startChild(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'engine/server/start.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'silent', ALUR_DEMO_USERS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /berjalan di (http:\/\/[^\s]+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

describe(`crash safety (${databaseLabel})`, () => {
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const database = await freshDatabase();
    if (database.target.kind === 'postgres') {
      env = { DATABASE_URL: database.target.url };
      cleanup = database.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'alur-crash-'));
      env = { ALUR_DATA_DIR: dir, DATABASE_URL: '' };
      cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
    }
  });
  afterAll(async () => cleanup?.());

  it('a SIGKILL in the middle of a command stream loses no acknowledged step and leaves no partial one', async () => {
    let { child, url } = await startChild(env);
    let client = new ApiClient(url);
    await client.login('kutai-kartanegara.staf-rehsos', DEMO_PASSWORD);
    const caseIds: string[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await client.post<{ id: string }>('/api/cases', {
        sopId: 'bantuan-permakanan',
        data: { ...kutaiApplicant, fullName: `Pemohon ${i}` },
      });
      expect(r.status).toBe(201);
      caseIds.push(r.body.id);
    }
    const acknowledged: string[] = [];
    const checklist = permakananFirstStepChecklist;
    // Four concurrent streams of completions; the process is killed while they run.
    const stream = async (ids: string[]): Promise<void> => {
      for (const id of ids) {
        const c = await client.get<{ tasks: TaskState[] }>(`/api/cases/${id}`).catch(() => undefined);
        const task = c?.body.tasks?.find((t) => t.status === 'open');
        if (!task) continue;
        const r = await client.post(`/api/tasks/${task.id}/complete`, { checklist }).catch(() => undefined);
        if (r?.status === 200) acknowledged.push(task.id);
      }
    };
    const streams = [0, 1, 2, 3].map((k) => stream(caseIds.filter((_, i) => i % 4 === k)));
    // Kill as soon as a few steps are acknowledged, so the kill lands in the middle of the stream.
    while (acknowledged.length < 3) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await Promise.allSettled(streams);
    expect(acknowledged.length).toBeLessThan(caseIds.length);

    ({ child, url } = await startChild(env));
    try {
      client = new ApiClient(url);
      await client.login('kutai-kartanegara.staf-rehsos', DEMO_PASSWORD);
      const completedEvents = new Set<string>();
      for (const id of caseIds) {
        const c = await client.get<{ tasks: TaskState[]; revision: number }>(`/api/cases/${id}`);
        const t = await client.get<{ events: CaseEvent[] }>(`/api/cases/${id}/timeline`);
        expect(c.status).toBe(200);
        const events = t.body.events;
        expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
        for (const e of events.filter((x) => x.type === 'task.completed')) completedEvents.add(e.taskId!);
        // State and events agree: every task the state calls completed has its event, and no more.
        const completedInState = c.body.tasks
          .filter((x) => x.status === 'completed')
          .map((x) => x.id)
          .sort();
        expect(
          events
            .filter((x) => x.type === 'task.completed')
            .map((x) => x.taskId)
            .sort(),
        ).toEqual(completedInState);
      }
      for (const taskId of acknowledged) expect(completedEvents.has(taskId), `acknowledged ${taskId}`).toBe(true);
      // The tasks table agrees with the states: the inbox lists exactly the open first-step tasks.
      const inbox = await client.get<{ items: Array<{ taskId: string; caseId: string }> }>(
        '/api/tasks/inbox?limit=200',
      );
      const openInStates: string[] = [];
      for (const id of caseIds) {
        const c = await client.get<{ tasks: TaskState[] }>(`/api/cases/${id}`);
        openInStates.push(
          ...c.body.tasks.filter((x) => x.status === 'open' && x.role === 'staf-rehsos').map((x) => x.id),
        );
      }
      expect(
        inbox.body.items
          .filter((i) => caseIds.includes(i.caseId))
          .map((i) => i.taskId)
          .sort(),
      ).toEqual(openInStates.sort());
    } finally {
      child.kill('SIGTERM');
    }
  }, 180_000);
});
