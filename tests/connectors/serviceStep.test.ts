import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNotifier } from '../../engine/app/notifications/notificationJob.ts';
import type { NotifierSettings } from '../../engine/app/notifications/notifierSettings.ts';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import { isEventOf, type CaseEvent } from '../../engine/core/events.ts';
import type { ApiClient } from '../support/apiClient.ts';
import { startHttpStandIn } from '../support/notificationStandIns.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { definitionsDir, startTestServer, type TestServer } from '../support/testServer.ts';

const REGENCY = 'bengkayang';
type CaseBody = { id: string; status: string; data: Record<string, unknown>; tasks: TaskState[] };

describe(`a service step calls SIKS-NG through its connector, with manual fallback (${databaseLabel})`, () => {
  let test: TestServer;
  let dtsen: Awaited<ReturnType<typeof startHttpStandIn>>;
  let definitions: string;
  let settings: NotifierSettings;
  let clock = Date.now();
  const tick = (): Date => new Date((clock += 3_600_000));

  beforeAll(async () => {
    dtsen = await startHttpStandIn((r) => {
      const body = JSON.parse(r.body) as { nik?: string };
      if (
        r.path !== '/dtsen/cek' ||
        r.headers.authorization !== 'Bearer token-dtsen' ||
        !/^\d{16}$/.test(body.nik ?? '')
      )
        return { status: 400, body: { error: 'kontrak tidak dipenuhi' } };
      return { status: 200, body: { terdaftar: true, desil: 2 } };
    });
    const answer = dtsen.url;
    definitions = mkdtempSync(join(tmpdir(), 'issue-20-defs-'));
    cpSync(join(definitionsDir, REGENCY), join(definitions, REGENCY), { recursive: true });
    const regencyFile = join(definitions, REGENCY, 'regency.yaml');
    writeFileSync(regencyFile, readFileSync(regencyFile, 'utf8').replace('timeoutMs: 10000', 'timeoutMs: 400'));
    test = await startTestServer({ definitionsDir: definitions });
    settings = {
      publicUrl: 'https://alur.example.go.id',
      mailFrom: 'Alur <no-reply@example.go.id>',
      maxAttempts: 5,
      retrySeconds: 60,
      secrets: { ALUR_BENGKAYANG_DTSEN_URL: answer, ALUR_BENGKAYANG_DTSEN_TOKEN: 'token-dtsen' },
      timeoutMs: 2000,
    };
  }, 120_000);
  afterAll(async () => {
    await test?.stop();
    await dtsen?.close();
    if (definitions) rmSync(definitions, { recursive: true, force: true });
  });

  const as = (role: string): Promise<ApiClient> => test.as(REGENCY, role);

  async function caseAtServiceStep(nik: string): Promise<{ caseId: string; task: TaskState }> {
    const front = await as('petugas-pelayanan');
    const opened = await front.post<CaseBody>('/api/cases', {
      sopId: 'pbi-jaminan-kesehatan-dtsen',
      data: {
        nik,
        kkNumber: '6107010101010002',
        fullName: 'Maria',
        birthDate: '2001-01-01',
        village: 'Bumi Emas',
        district: 'Bengkayang',
        requestType: 'Pendaftaran baru PBI JK',
      },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    let state = opened.body;
    const docs = { ktp: true, kk: true, 'surat-pengantar-desa': true };
    state = (await front.post<CaseBody>(`/api/tasks/${state.tasks[0]!.id}/complete`, { checklist: docs })).body;
    const received = await front.post<CaseBody>(
      `/api/tasks/${state.tasks.find((t) => t.status === 'open')!.id}/complete`,
      {
        checklist: { ...docs, 'register-layanan': true },
        formData: { receivedDate: '2026-12-07', registerNumber: 'REG-1' },
      },
    );
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    const task = received.body.tasks.find((t) => t.status === 'open')!;
    expect(task.stepId).toBe('cek-dtsen');
    return { caseId: received.body.id, task };
  }

  it('the connector answers: the step completes itself and its reply is mapped into the case', async () => {
    const { caseId, task } = await caseAtServiceStep('6107010101010001');
    // The role is not bothered with a "new task" for a step the system does.
    const bell = await (
      await as('petugas-data')
    ).get<{ items: Array<{ kind: string; taskId: string | null }> }>('/api/notifications');
    expect(bell.body.items.filter((i) => i.taskId === task.id)).toEqual([]);
    await runNotifier(test.server.db, tick(), settings);
    expect(dtsen.requests).toHaveLength(1);
    expect(JSON.parse(dtsen.requests[0]!.body)).toEqual({ nik: '6107010101010001' });
    const data = await as('petugas-data');
    const after = await data.get<CaseBody>(`/api/cases/${caseId}`);
    expect(after.body.tasks.find((t) => t.id === task.id)?.status).toBe('completed');
    expect(after.body.data).toMatchObject({ registeredInDtsen: true, dtsenDecile: 2 });
    const timeline = await data.get<{ events: CaseEvent[] }>(`/api/cases/${caseId}/timeline`);
    const done = timeline.body.events.filter(isEventOf('task.completed')).find((e) => e.taskId === task.id)!;
    expect(done.payload.via).toBe('connector');
    expect(done.by.name).toContain('SIKS-NG');
  });

  it('a connector timeout becomes an incident; staff retry, then complete by hand with a reason (audited)', async () => {
    // An address where nothing answers within the 400 ms timeout: a server that accepts and never replies.
    const hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', () => resolve()));
    const port = (hanging.address() as { port: number }).port;
    const slowSettings = {
      ...settings,
      secrets: { ...settings.secrets, ALUR_BENGKAYANG_DTSEN_URL: `http://127.0.0.1:${port}` },
    };
    try {
      const { caseId, task } = await caseAtServiceStep('6107010101010003');
      for (let i = 0; i < 3; i++) await runNotifier(test.server.db, tick(), slowSettings);
      const [delivery] = (await test.server
        .db('notification_deliveries')
        .where({ channel: 'connector', address: task.id })) as Array<{
        status: string;
        attempts: number;
        last_error: string;
      }>;
      expect(delivery).toMatchObject({ status: 'dead', attempts: 3 });
      expect(delivery!.last_error).toContain('TimeoutError');
      const data = await as('petugas-data');
      const bell = await data.get<{ items: Array<{ kind: string; title: string; taskId: string | null }> }>(
        '/api/notifications',
      );
      const incident = bell.body.items.find((i) => i.kind === 'service.failed' && i.taskId === task.id);
      expect(incident?.title).toContain('gagal');

      expect((await data.post(`/api/tasks/${task.id}/service-retry`)).status).toBe(200);
      await runNotifier(test.server.db, tick(), slowSettings);
      const retried = (await test.server
        .db('notification_deliveries')
        .where({ channel: 'connector', address: task.id })
        .first()) as {
        status: string;
        attempts: number;
      };
      expect(retried).toMatchObject({ status: 'pending', attempts: 1 });

      const noReason = await data.post(`/api/tasks/${task.id}/complete`, { formData: { registeredInDtsen: false } });
      expect(noReason.status).toBe(400);
      expect(JSON.stringify(noReason.body)).toContain('alasan');
      const byHand = await data.post<CaseBody>(`/api/tasks/${task.id}/complete`, {
        formData: { registeredInDtsen: true, dtsenDecile: 3 },
        note: 'SIKS-NG tidak dapat dihubungi; dicek langsung di aplikasi SIKS-NG oleh petugas data',
      });
      expect(byHand.status, JSON.stringify(byHand.body)).toBe(200);
      const timeline = await data.get<{ events: CaseEvent[] }>(`/api/cases/${caseId}/timeline`);
      const done = timeline.body.events.filter(isEventOf('task.completed')).find((e) => e.taskId === task.id)!;
      expect(done.payload.via).toBe('manual');
      expect(String(done.payload.note)).toContain('tidak dapat dihubungi');
      expect(done.by.userId).not.toBe('sistem');
      // The pending call finds the task done and stands down without calling again.
      await runNotifier(test.server.db, tick(), slowSettings);
      const last = (await test.server
        .db('notification_deliveries')
        .where({ channel: 'connector', address: task.id })
        .first()) as {
        status: string;
      };
      expect(last.status).toBe('sent');
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
  }, 60_000);
});
