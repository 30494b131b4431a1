import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import type { CaseEvent } from '../../engine/core/events.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';

describe(`optimistic concurrency (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  it('200 parallel completions of one task: exactly one succeeds, 199 get 409, one completion event', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const opened = await staff.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: { ...kutaiApplicant, fullName: 'Siti Aminah' },
    });
    expect(opened.status).toBe(201);
    const task = opened.body.tasks.find((t) => t.status === 'open')!;
    const checklist = permakananFirstStepChecklist;
    const responses = await Promise.all(
      Array.from({ length: 200 }, () =>
        staff.post<{ error?: { code: string; message: string } }>(`/api/tasks/${task.id}/complete`, { checklist }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    for (const r of responses.filter((x) => x.status === 409)) {
      expect(r.body.error?.code).toBe('CONFLICT');
      expect(r.body.error?.message).toMatch(/orang lain|Muat ulang/);
    }
    const timeline = await staff.get<{ events: CaseEvent[] }>(`/api/cases/${opened.body.id}/timeline`);
    expect(timeline.body.events.filter((e) => e.type === 'task.completed' && e.taskId === task.id)).toHaveLength(1);
    expect(timeline.body.events.map((e) => e.seq)).toEqual(timeline.body.events.map((_, i) => i + 1));
  });
});
