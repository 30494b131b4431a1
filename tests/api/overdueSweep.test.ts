import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../engine/app/jobScheduler.ts';
import { sweepOverdue } from '../../engine/app/overdueSweep.ts';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import type { CaseEvent } from '../../engine/core/events.ts';
import { backgroundJobs } from '../../engine/server/jobs.ts';
import { openDatabase } from '../../engine/storage/database.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';

describe(`overdue sweep in the database job mechanism (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  it('writes each overdue event exactly once, however many sweeps run at the same time', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const opened = await staff.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: kutaiApplicant,
    });
    const done = await staff.post<{ tasks: TaskState[] }>(`/api/tasks/${opened.body.tasks[0]!.id}/complete`, {
      checklist: permakananFirstStepChecklist,
    });
    const disposisi = done.body.tasks.find((t) => t.status === 'open')!;
    expect(disposisi.dueAt).toBeTruthy();
    const later = new Date(Date.now() + 5 * 86_400_000);
    // Several "processes": the server's pool plus extra connections on PostgreSQL.
    const target = test.target;
    const extra = target.kind === 'postgres' ? [openDatabase(target), openDatabase(target)] : [];
    try {
      const results = await Promise.all(
        [test.server.db, test.server.db, ...extra].map((db) => sweepOverdue(db, later)),
      );
      expect(results.reduce((n, r) => n + r.overdueTasks, 0)).toBeGreaterThanOrEqual(1);
      await sweepOverdue(test.server.db, new Date(later.getTime() + 60_000));
    } finally {
      await Promise.all(extra.map((db) => db.destroy()));
    }
    const timeline = await staff.get<{ events: CaseEvent[] }>(`/api/cases/${opened.body.id}/timeline`);
    expect(timeline.body.events.filter((e) => e.type === 'task.overdue' && e.taskId === disposisi.id)).toHaveLength(1);
    const kadis = await test.as('kutai-kartanegara', 'kepala-dinas');
    const inbox = await kadis.get<{ items: Array<{ taskId: string; escalated: boolean }> }>('/api/tasks/inbox');
    expect(inbox.body.items.find((i) => i.taskId === disposisi.id)?.escalated).toBe(true);
  });

  it('a job runs once per turn even when several runners poll at once', async () => {
    const now = new Date(Date.now() + 10 * 86_400_000);
    const ran = await Promise.all(
      ['a', 'b', 'c'].map((runner) => runDueJobs(test.server.db, backgroundJobs, runner, now)),
    );
    // Each background job ran exactly once across the three runners.
    expect(ran.flat().sort()).toEqual(backgroundJobs.map((j) => j.name).sort());
    const again = await runDueJobs(test.server.db, backgroundJobs, 'd', new Date(now.getTime() + 1000));
    expect(again).toEqual([]);
  });
});
