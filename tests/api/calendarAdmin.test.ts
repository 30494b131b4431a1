import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalCalendarStatus, nationalHolidayName } from '../../engine/calendar/nationalCalendar.ts';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import type { CaseEvent } from '../../engine/core/events.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const WITA = 8 * 60 * 60_000;
const localDate = (iso: string): string => new Date(Date.parse(iso) + WITA).toISOString().slice(0, 10);

describe(`admins change the holiday calendar in the app (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  it('drafters see which years in use are provisional ("Kalender … belum ditetapkan")', async () => {
    const drafter = await test.as('kutai-kartanegara', 'penyusun-sop');
    const res = await drafter.get<{ years: Array<{ year: number; status: string }>; provisional: number[] }>(
      '/api/calendar/status',
    );
    expect(res.status).toBe(200);
    const year = new Date().getUTCFullYear();
    expect(res.body.years.map((y) => y.year)).toEqual([year, year + 1]);
    expect(res.body.provisional).toEqual(
      [year, year + 1].filter((y) => nationalCalendarStatus(y).status === 'provisional'),
    );
  });

  it('only admins may change it; staff are refused', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const res = await staff.post('/api/admin/calendar/changes', {
      scope: 'regional',
      year: 2030,
      decree: 'Perbup uji',
      days: [{ date: '2030-01-02', name: 'Uji' }],
    });
    expect(res.status).toBe(403);
  });

  it.each([
    [
      { scope: 'regional', year: 2030, decree: 'Perbup uji', days: [{ date: '2030-02-30', name: 'x' }] },
      '/days/0/date',
    ],
    [
      { scope: 'regional', year: 2030, decree: 'Perbup uji', days: [{ date: '2031-01-02', name: 'x' }] },
      '/days/0/date',
    ],
    [{ scope: 'year', year: 2026, decree: 'SKB uji', days: [{ date: '2026-01-01', name: 'x' }] }, '/scope'],
    [{ scope: 'amendment', year: 2030, decree: '', days: [{ date: '2030-01-02', name: 'x' }] }, '/decree'],
    [{ scope: 'amendment', year: 2030, decree: 'SKB uji', days: [{ date: '2030-01-02' }] }, '/days/0/name'],
  ])('refuses bad input %j with an Indonesian message at %s, and stores nothing', async (body, path) => {
    const admin = await test.as('kutai-kartanegara', 'admin');
    const res = await admin.post<{ error: { path?: string; message: string } }>('/api/admin/calendar/changes', body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(path);
    const list = await admin.get<{ changes: unknown[] }>('/api/admin/calendar');
    expect(list.body.changes).toEqual([]);
  });

  it('a year entered by an admin becomes official at once, without a restart', async () => {
    const admin = await test.as('kutai-kartanegara', 'admin');
    expect(nationalCalendarStatus(2030).status).toBe('provisional');
    const res = await admin.post('/api/admin/calendar/changes', {
      scope: 'year',
      year: 2030,
      decree: 'SKB uji Nomor 1 Tahun 2029',
      days: [{ date: '2030-03-04', name: 'Hari libur uji', kind: 'libur-nasional' }],
    });
    expect(res.status).toBe(201);
    expect(nationalCalendarStatus(2030).status).toBe('official');
    expect(nationalHolidayName('2030-03-04')).toBe('Hari libur uji');
    const list = await admin.get<{ changes: Array<{ action: string; createdByName: string; decree: string }> }>(
      '/api/admin/calendar',
    );
    expect(list.body.changes.map((c) => c.action)).toEqual(['year', 'add']);
    expect(list.body.changes[0]!.decree).toBe('SKB uji Nomor 1 Tahun 2029');
    expect(list.body.changes[0]!.createdByName.length).toBeGreaterThan(0);
  });

  it('a regional holiday on an open task’s due day moves that due time and records why', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const opened = await staff.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: kutaiApplicant,
    });
    expect(opened.status).toBe(201);
    // The proposal step has no time of its own; the Kepala Dinas disposition after it has "5 menit".
    const first = opened.body.tasks.find((t) => t.status === 'open')!;
    const done = await staff.post<{ tasks: TaskState[] }>(`/api/tasks/${first.id}/complete`, {
      checklist: permakananFirstStepChecklist,
    });
    expect(done.status).toBe(200);
    const task = done.body.tasks.find((t) => t.status === 'open' && t.dueAt !== undefined)!;
    expect(task.dueAt).toBeDefined();
    const day = localDate(task.dueAt!);
    const admin = await test.as('kutai-kartanegara', 'admin');
    const res = await admin.post<{ recomputedCases: number }>('/api/admin/calendar/changes', {
      scope: 'regional',
      year: Number(day.slice(0, 4)),
      decree: 'Keputusan Bupati uji',
      days: [{ date: day, name: 'Libur daerah uji' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.recomputedCases).toBeGreaterThanOrEqual(1);
    const after = await admin.get<{ tasks: TaskState[] }>(`/api/cases/${opened.body.id}`);
    const moved = after.body.tasks.find((t) => t.id === task.id)!;
    expect(localDate(moved.dueAt!) > day).toBe(true);
    const events = await staff.get<{ events: CaseEvent[] }>(`/api/cases/${opened.body.id}/timeline`);
    const recomputed = events.body.events.find((e) => e.type === 'deadlines.recomputed');
    expect(recomputed?.payload).toMatchObject({
      reason: 'Kalender diubah: Keputusan Bupati uji',
      tasks: [{ taskId: task.id, from: task.dueAt, to: moved.dueAt }],
    });
    const owner = await test.as('kutai-kartanegara', task.role);
    const inbox = await owner.get<{ items: Array<{ taskId: string; dueAt: string }> }>('/api/tasks/inbox?limit=50');
    expect(inbox.body.items.find((i) => i.taskId === task.id)?.dueAt).toBe(moved.dueAt);
  });
});
