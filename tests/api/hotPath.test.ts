import { describe, expect, it } from 'vitest';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import type { CaseEvent } from '../../engine/core/events.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { serverWithStatementLog } from '../support/statementLog.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';
import { grantPlt, userIdOf } from '../support/delegations.ts';

// A step completion authorises and loads its case in one read, and a Plt's completion takes the
// delegations the session already read instead of querying them again.
describe(`the step-completion hot path (${databaseLabel})`, () => {
  const logged = serverWithStatementLog();
  const statementsOf = <T>(request: () => Promise<T>) => logged.statementsOf(request);
  const as = (role: string) => logged.test.as('kutai-kartanegara', role);

  const readsCaseRow = (sql: string) => /\bcases\b/i.test(sql) && /"?\b(tc|c)"?\.(\*|state\b)/.test(sql);

  it('a completion reads the task’s case once (with the scope check) and does not query delegations', async () => {
    const staff = await as('staf-rehsos');
    const opened = await staff.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: kutaiApplicant,
    });
    const task = opened.body.tasks.find((t) => t.status === 'open')!;
    const { result, sql } = await statementsOf(() =>
      staff.post<{ tasks: TaskState[] }>(`/api/tasks/${task.id}/complete`, { checklist: permakananFirstStepChecklist }),
    );
    expect(result.status).toBe(200);
    expect(sql.filter(readsCaseRow)).toHaveLength(1);
    expect(sql.filter((s) => /exists/i.test(s) && /\bfrom tasks x\b/i.test(s))).toHaveLength(1);
    expect(sql.filter((s) => /delegations/.test(s) && !/profile_delegations/.test(s))).toEqual([]);
  });

  it('a Plt completes the head’s task on behalf of the head without a second delegation query', async () => {
    const staff = await as('staf-rehsos');
    const kadis = await as('kepala-dinas');
    const sekretaris = await as('sekretaris');
    const opened = await staff.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: kutaiApplicant,
    });
    const first = await staff.post<{ tasks: TaskState[] }>(`/api/tasks/${opened.body.tasks[0]!.id}/complete`, {
      checklist: permakananFirstStepChecklist,
    });
    const disposisi = first.body.tasks.find((t) => t.status === 'open')!;
    await grantPlt(kadis, 'kutai-kartanegara.sekretaris');
    const { result, sql } = await statementsOf(() =>
      sekretaris.post(`/api/tasks/${disposisi.id}/complete`, { checklist: { 'berkas-permohonan': true } }),
    );
    expect(result.status).toBe(200);
    expect(sql.filter((s) => /delegations/.test(s) && !/profile_delegations/.test(s))).toEqual([]);
    const timeline = await sekretaris.get<{ events: CaseEvent[] }>(`/api/cases/${opened.body.id}/timeline`);
    const completed = timeline.body.events.find((e) => e.type === 'task.completed' && e.taskId === disposisi.id)!;
    expect(completed.by).toMatchObject({
      userId: await userIdOf(kadis, 'kutai-kartanegara.sekretaris'),
      onBehalfOf: { userId: await userIdOf(kadis, 'kutai-kartanegara.kepala-dinas') },
    });
  });
});
