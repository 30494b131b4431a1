import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import { definitionsDir, startTestServer, type TestServer } from '../support/testServer.ts';

type Inbox = {
  items: Array<{
    taskId: string;
    caseId: string;
    stepId: string;
    activity: string;
    dueAt: string | null;
    assignee: string | null;
  }>;
  next: string | null;
};

describe(`inbox keyset paging over role and assigned tasks (${databaseLabel})`, () => {
  let test: TestServer;
  const opened: string[] = [];
  let assignedTask = '';

  beforeAll(async () => {
    test = await startTestServer();
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    for (let i = 0; i < 7; i++) {
      const res = await staff.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
        sopId: 'bantuan-permakanan',
        data: { ...kutaiApplicant, fullName: `Pemohon ${i}` },
      });
      expect(res.status).toBe(201);
      opened.push(res.body.id);
    }
    // One task taken out of the shared role queue by assigning it to the same staff member.
    const me = await staff.get<{ user: { id: string } }>('/api/auth/me');
    const first = await staff.get<{ tasks: TaskState[] }>(`/api/cases/${opened[3]!}`);
    assignedTask = first.body.tasks.find((t) => t.status === 'open')!.id;
    expect(
      (
        await staff.post(`/api/tasks/${assignedTask}/reassign`, {
          toUserId: me.body.user.id,
          reason: 'Ditangani langsung',
        })
      ).status,
    ).toBe(200);
  }, 120_000);
  afterAll(async () => test?.stop());

  it('pages of 3 return every open task once, soonest due first, the assigned one included', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const seen: Inbox['items'] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/api/tasks/inbox?limit=3${cursor ? `&after=${encodeURIComponent(cursor)}` : ''}`;
      const page = await staff.get<Inbox>(path);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items);
      cursor = page.body.next;
      pages++;
    } while (cursor && pages < 10);
    expect(new Set(seen.map((i) => i.taskId)).size).toBe(seen.length);
    expect(new Set(seen.map((i) => i.caseId))).toEqual(new Set(opened));
    expect(pages).toBe(3);
    // Ties on the due time are ordered by id in the database's collation, so only the due times are compared here.
    const dues = seen.map((i) => i.dueAt ?? '~');
    expect(dues).toEqual([...dues].sort());
    expect(seen.find((i) => i.taskId === assignedTask)?.assignee).not.toBeNull();
    // Each row names the step's activity as the SOP writes it, not only its id.
    const definition = loadDefinitionPaths([definitionsDir], definitionsDir)
      .folders.flatMap((f) => f.sops.map((x) => x.definition))
      .find((d) => d?.regency === 'kutai-kartanegara' && d.id === 'bantuan-permakanan')!;
    for (const item of seen)
      expect(item.activity).toBe(definition.steps.find((step) => step.id === item.stepId)!.activity);
  });

  it('filters: only assigned to me, due on or before a date (bad dates refused with the field)', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const assigned = await staff.get<Inbox>('/api/tasks/inbox?assigned=true');
    expect(assigned.body.items.map((i) => i.taskId)).toEqual([assignedTask]);
    // Two cases move on to the Kepala Dinas's disposition, a step with a standard time (a due date).
    const moved = opened.slice(5, 7);
    for (const caseId of moved) {
      const task = (await staff.get<{ tasks: TaskState[] }>(`/api/cases/${caseId}`)).body.tasks.find(
        (t) => t.status === 'open',
      )!;
      expect(
        (await staff.post(`/api/tasks/${task.id}/complete`, { checklist: permakananFirstStepChecklist })).status,
      ).toBe(200);
    }
    const kadis = await test.as('kutai-kartanegara', 'kepala-dinas');
    const mine = async (query: string) =>
      (await kadis.get<Inbox>(`/api/tasks/inbox?limit=200${query}`)).body.items.filter((i) => moved.includes(i.caseId));
    const dues = (await mine('')).map((i) => i.dueAt!).sort();
    expect(dues).toHaveLength(2);
    // The day before the earliest due date in the regency's zone (WITA, UTC+8) keeps nothing; the last one's day keeps both.
    const localDay = (iso: string, shiftDays = 0): string =>
      new Date(Date.parse(iso) + 8 * 3_600_000 + shiftDays * 86_400_000).toISOString().slice(0, 10);
    expect(await mine(`&dueBy=${localDay(dues[0]!, -1)}`)).toEqual([]);
    expect(await mine(`&dueBy=${localDay(dues[1]!)}`)).toHaveLength(2);
    const bad = await staff.get<{ error: { code: string; path: string } }>('/api/tasks/inbox?dueBy=besok');
    expect([bad.status, bad.body.error.code, bad.body.error.path]).toEqual([400, 'VALIDATION_FAILED', '/dueBy']);
  });

  it('another unit sees none of them', async () => {
    const other = await test.as('kutai-kartanegara', 'staf-dayasos');
    const inbox = await other.get<Inbox>('/api/tasks/inbox?limit=200');
    expect(inbox.body.items.filter((i) => opened.includes(i.caseId))).toEqual([]);
  });
});
