import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNotifier } from '../../engine/app/notifications/notificationJob.ts';
import { notifierSettingsFromEnv } from '../../engine/app/notifications/notifierSettings.ts';
import { writeScheduledNotifications } from '../../engine/app/notifications/scheduledNotifications.ts';
import { sweepOverdue } from '../../engine/app/overdueSweep.ts';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import { withSystemScope } from '../../engine/storage/regencyScope.ts';
import type { ApiClient } from '../support/apiClient.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const REGENCY = 'kutai-kartanegara';
type Bell = {
  unread: number;
  items: Array<{ id: number; kind: string; title: string; body: string; taskId: string | null }>;
};

describe(`staff notifications from the clock: due tomorrow, overdue, escalation, delegation, digest (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  const as = (role: string): Promise<ApiClient> => test.as(REGENCY, role);
  const bell = async (role: string): Promise<Bell> => (await (await as(role)).get<Bell>('/api/notifications')).body;
  const schedule = (now: Date): Promise<number> =>
    withSystemScope(test.server.db, (trx) => writeScheduledNotifications(trx, now));
  const notify = (now: Date): ReturnType<typeof runNotifier> =>
    runNotifier(test.server.db, now, { ...notifierSettingsFromEnv({}), secrets: {} });

  it('reminds of a task due within a day once, then tells the role and its head of unit when it is overdue', async () => {
    const staff = await as('staf-rehsos');
    let state = (
      await staff.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
        sopId: 'bantuan-permakanan',
        data: kutaiApplicant,
      })
    ).body;
    const step = async (role: string, input: Record<string, unknown>): Promise<void> => {
      for (const task of state.tasks.filter((t) => t.status === 'open' && t.role === role)) {
        const r = await (
          await as(role)
        ).post<{ id: string; tasks: TaskState[] }>(`/api/tasks/${task.id}/complete`, input);
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        state = r.body;
      }
    };
    await step('staf-rehsos', { checklist: permakananFirstStepChecklist });
    await step('kepala-dinas', { checklist: { 'berkas-permohonan': true } });
    const asesmen = state.tasks.find((t) => t.status === 'open' && t.role === 'staf-rehsos')!;
    expect(asesmen.stepId).toBe('asesmen');
    // Within 24 hours of the deadline: one reminder, however often the schedule runs.
    const beforeDue = new Date(new Date(asesmen.dueAt!).getTime() - 3_600_000);
    await schedule(beforeDue);
    await schedule(beforeDue);
    const reminders = (await bell('staf-rehsos')).items.filter(
      (i) => i.kind === 'task.dueTomorrow' && i.taskId === asesmen.id,
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.title).toBe(
      'Batas waktu besok: Asesmen oleh petugas Bidang Rehsos dibantu dengan TKSK setempat',
    );

    const late = new Date(new Date(asesmen.dueAt!).getTime() + 3_600_000);
    await sweepOverdue(test.server.db, late);
    await notify(late);
    expect(
      (await bell('staf-rehsos')).items.filter((i) => i.kind === 'task.overdue' && i.taskId === asesmen.id),
    ).toHaveLength(1);
    const head = await bell('kabid-rehsos');
    const escalations = head.items.filter((i) => i.kind === 'case.escalated');
    expect(escalations.length).toBeGreaterThanOrEqual(1);
    expect(escalations[0]!.body).toContain('dieskalasikan kepada Anda');
    // The head of another unit hears nothing of it.
    expect((await bell('kabid-dayasos')).items.filter((i) => i.kind === 'case.escalated')).toHaveLength(0);
  });

  it('tells both officials when a delegation starts and when it ends, once each', async () => {
    const kadis = await as('kepala-dinas');
    const users = (await kadis.get<{ users: Array<{ id: string; username: string }> }>('/api/users')).body.users;
    const sekretaris = users.find((u) => u.username === `${REGENCY}.sekretaris`)!;
    const start = new Date(Date.now() - 60_000);
    const end = new Date(Date.now() + 2 * 86_400_000);
    const created = await kadis.post('/api/delegations', {
      toUserId: sekretaris.id,
      kind: 'plh',
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
    });
    expect(created.status).toBe(201);
    await schedule(new Date());
    await schedule(new Date());
    for (const role of ['kepala-dinas', 'sekretaris'])
      expect((await bell(role)).items.filter((i) => i.kind === 'delegation.started')).toHaveLength(1);
    const after = new Date(end.getTime() + 3_600_000);
    await schedule(after);
    await schedule(after);
    const ended = (await bell('sekretaris')).items.filter((i) => i.kind === 'delegation.ended');
    expect(ended).toHaveLength(1);
    expect(ended[0]!.title).toBe('Pelimpahan Plh berakhir');
  });

  it('sends each head of unit one daily digest from 07:00 local time', async () => {
    // 2027-03-01 06:30 in Asia/Makassar (UTC+8) is 22:30 UTC the day before: too early.
    await schedule(new Date('2027-02-28T22:30:00Z'));
    const ofDay = (b: Bell): Bell['items'] =>
      b.items.filter((i) => i.kind === 'digest.daily' && i.title.endsWith('2027-03-01'));
    expect(ofDay(await bell('kabid-rehsos'))).toHaveLength(0);
    await schedule(new Date('2027-02-28T23:05:00Z'));
    await schedule(new Date('2027-03-01T03:00:00Z'));
    const digests = ofDay(await bell('kabid-rehsos'));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.title).toBe(
      'Ringkasan harian Bidang Rehabilitasi Sosial dan Penanganan Warga Negara Migran Korban Tindak Kekerasan 2027-03-01',
    );
    expect(digests[0]!.body).toMatch(/Tugas terbuka: \d+\. Terlambat: \d+\./);
    expect((await bell('staf-rehsos')).items.filter((i) => i.kind === 'digest.daily')).toHaveLength(0);
  });
});
