import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import type { CaseEvent } from '../../engine/core/events.ts';
import { ApiClient } from '../support/apiClient.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';
import { grantPlt, userIdOf } from '../support/delegations.ts';

const checklist = permakananFirstStepChecklist;
type ErrorBody = {
  error: {
    code: string;
    message: string;
    path?: string;
    details?: Array<{ path: string; message: string }>;
    reason?: string;
  };
};

describe(`delegation and the API's error statuses (${databaseLabel})`, () => {
  let test: TestServer;
  let disposisiTask: TaskState;
  let caseId: string;
  beforeAll(async () => {
    test = await startTestServer();
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const opened = await staff.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: kutaiApplicant,
    });
    caseId = opened.body.id;
    const done = await staff.post<{ tasks: TaskState[] }>(`/api/tasks/${opened.body.tasks[0]!.id}/complete`, {
      checklist,
    });
    disposisiTask = done.body.tasks.find((t) => t.status === 'open')!;
  }, 120_000);
  afterAll(async () => test?.stop());

  it('a Plt acting for the Kepala Dinas completes the head’s task; the event records both names', async () => {
    const kadis = await test.as('kutai-kartanegara', 'kepala-dinas');
    const sekretaris = await test.as('kutai-kartanegara', 'sekretaris');
    const before = await sekretaris.post<ErrorBody>(`/api/tasks/${disposisiTask.id}/complete`, {
      checklist: { 'berkas-permohonan': true },
    });
    expect(before.status).toBe(403);
    const kadisId = await userIdOf(kadis, 'kutai-kartanegara.kepala-dinas');
    await grantPlt(kadis, 'kutai-kartanegara.sekretaris');
    const me = await sekretaris.get<{ actingFor: Array<{ userId: string }> }>('/api/auth/me');
    expect(me.body.actingFor.map((a) => a.userId)).toEqual([kadisId]);
    const inbox = await sekretaris.get<{ items: Array<{ taskId: string }> }>('/api/tasks/inbox');
    expect(inbox.body.items.map((i) => i.taskId)).toContain(disposisiTask.id);
    const done = await sekretaris.post(`/api/tasks/${disposisiTask.id}/complete`, {
      checklist: { 'berkas-permohonan': true },
    });
    expect(done.status).toBe(200);
    const timeline = await sekretaris.get<{ events: CaseEvent[] }>(`/api/cases/${caseId}/timeline`);
    const completed = timeline.body.events.find((e) => e.type === 'task.completed' && e.taskId === disposisiTask.id)!;
    expect(completed.by.userId).toBe(await userIdOf(kadis, 'kutai-kartanegara.sekretaris'));
    expect(completed.by.onBehalfOf?.userId).toBe(kadisId);
  });

  it('400: malformed JSON and invalid fields, with field paths', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const malformed = await staff.request<ErrorBody>('POST', '/api/cases', '{"sopId": ', {
      contentType: 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('BAD_REQUEST');
    const missing = await staff.post<ErrorBody>('/api/cases', { sopId: 'bantuan-permakanan' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.path).toBe('/data');
    const badNik = await staff.post<ErrorBody>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: { ...kutaiApplicant, nik: '123' },
    });
    expect(badNik.status).toBe(400);
    expect(badNik.body.error.reason).toBe('FORM_INVALID');
    expect(badNik.body.error.details).toContainEqual({
      path: '/nik',
      message: 'NIK: harus terdiri dari 16 digit angka',
    });
  });

  it('401 without a session, 403 without the CSRF header or the role, 404 for unknown routes', async () => {
    const anonymous = new ApiClient(test.server.url);
    expect((await anonymous.get<ErrorBody>('/api/tasks/inbox')).status).toBe(401);
    const wrongPassword = await anonymous.request<ErrorBody>('POST', '/api/auth/login', {
      username: 'kutai-kartanegara.staf-rehsos',
      password: 'salah',
    });
    expect(wrongPassword.status).toBe(401);
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const noCsrf = await staff.request<ErrorBody>(
      'POST',
      '/api/cases',
      { sopId: 'bantuan-permakanan', data: kutaiApplicant },
      { csrf: false },
    );
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('CSRF_FAILED');
    expect((await staff.post<ErrorBody>(`/api/cases/${caseId}/reject`, { reason: 'uji' })).status).toBe(403);
    const unknown = await staff.get<ErrorBody>('/api/tidak-ada');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
  });

  it('409 on a finished task, 413 on oversized bodies, 415 on non-scan uploads, 422 on missing requirements', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const opened = await staff.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: kutaiApplicant,
    });
    const task = opened.body.tasks[0]!;
    const incomplete = await staff.post<ErrorBody>(`/api/tasks/${task.id}/complete`, { checklist: { 'ktp-kk': true } });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.message).toMatch(/Kelengkapan belum ada: Surat Permohonan/);
    expect((await staff.post(`/api/tasks/${task.id}/complete`, { checklist })).status).toBe(200);
    expect((await staff.post<ErrorBody>(`/api/tasks/${task.id}/complete`, { checklist })).status).toBe(409);
    const huge = await staff.post<ErrorBody>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: { ...kutaiApplicant, notes: 'x'.repeat(400_000) },
    });
    expect(huge.status).toBe(413);
    const exe = await staff.request<ErrorBody>(
      'POST',
      `/api/cases/${opened.body.id}/attachments?doc=ktp-kk&name=ktp.jpg`,
      undefined,
      { raw: new TextEncoder().encode('MZ this is not an image'), contentType: 'image/jpeg' },
    );
    expect(exe.status).toBe(415);
  });

  it('serves an OpenAPI 3.1 document describing every route', async () => {
    const doc = await new ApiClient(test.server.url).get<{ openapi: string; paths: Record<string, unknown> }>(
      '/api/openapi.json',
    );
    expect(doc.body.openapi).toBe('3.1.0');
    for (const path of [
      '/api/health',
      '/api/auth/login',
      '/api/cases',
      '/api/cases/{caseId}/timeline',
      '/api/tasks/inbox',
      '/api/tasks/{taskId}/complete',
      '/api/definitions/{sopId}/publish',
      '/api/cases/{caseId}/attachments',
      '/api/attachments/{attachmentId}',
      '/api/delegations',
    ]) {
      expect(doc.body.paths, path).toHaveProperty([path]);
    }
  });
});
