import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import type { ApiClient } from '../support/apiClient.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { kutaiApplicant } from '../support/kutaiApplicant.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe(`tenancy: a user of one regency sees nothing of another (${databaseLabel})`, () => {
  let test: TestServer;
  let kutai: ApiClient;
  let outsider: ApiClient;
  let caseId: string;
  let taskId: string;
  let attachmentId: string;
  beforeAll(async () => {
    test = await startTestServer();
    kutai = await test.as('kutai-kartanegara', 'staf-rehsos');
    const opened = await kutai.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: kutaiApplicant,
    });
    caseId = opened.body.id;
    taskId = opened.body.tasks[0]!.id;
    const upload = await kutai.request<{ id: string }>(
      'POST',
      `/api/cases/${caseId}/attachments?doc=ktp-kk&name=ktp.png`,
      undefined,
      { raw: PNG, contentType: 'image/png' },
    );
    expect(upload.status).toBe(201);
    attachmentId = upload.body.id;
    const otherRegency = test.server.sync.regencies.find((r) => r !== 'kutai-kartanegara')!;
    const regencyRow = (await test.server.db('regencies').where({ id: otherRegency }).first('config')) as {
      config: { roles: Array<{ id: string; kind?: string }> };
    };
    // An all-powerful role of the other regency: admin sees everything in its own regency, nothing elsewhere.
    outsider = await test.as(otherRegency, regencyRow.config.roles.find((r) => r.kind === 'admin')!.id);
  }, 120_000);
  afterAll(async () => test?.stop());

  const probes: Array<[string, string, string, unknown?]> = [
    ['GET', 'case', '/api/cases/{case}'],
    ['GET', 'timeline', '/api/cases/{case}/timeline'],
    ['GET', 'attachments list', '/api/cases/{case}/attachments'],
    ['GET', 'attachment download', '/api/attachments/{attachment}'],
    ['POST', 'complete task', '/api/tasks/{task}/complete', {}],
    ['POST', 'send back', '/api/tasks/{task}/send-back', { reason: 'x' }],
    ['POST', 'claim', '/api/tasks/{task}/claim', {}],
    ['POST', 'cancel', '/api/cases/{case}/cancel', { reason: 'x' }],
    ['POST', 'reject', '/api/cases/{case}/reject', { reason: 'x' }],
    ['POST', 'close', '/api/cases/{case}/close', { reason: 'x' }],
    ['GET', 'definition', '/api/definitions/bantuan-permakanan'],
    ['GET', 'definition versions', '/api/definitions/bantuan-permakanan/versions'],
    ['GET', 'definition version', '/api/definitions/bantuan-permakanan/versions/1'],
  ];

  it.each(probes)('%s %s of another regency → 404', async (method, _what, template, body) => {
    const path = template.replace('{case}', caseId).replace('{task}', taskId).replace('{attachment}', attachmentId);
    const response = await outsider.request<{ error: { code: string } }>(method, path, body);
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('uploads to a case of another regency → 404', async () => {
    const response = await outsider.request('POST', `/api/cases/${caseId}/attachments?doc=ktp&name=a.png`, undefined, {
      raw: PNG,
      contentType: 'image/png',
    });
    expect(response.status).toBe(404);
  });

  it('opening a case of another regency’s SOP → 404', async () => {
    const response = await outsider.post('/api/cases', { sopId: 'bantuan-permakanan', data: kutaiApplicant });
    expect(response.status).toBe(404);
  });

  it('search and inbox never list another regency’s cases', async () => {
    const search = await outsider.get<{ items: Array<{ id: string }> }>('/api/cases?q=Siti');
    expect(search.body.items.map((i) => i.id)).not.toContain(caseId);
    const inbox = await outsider.get<{ items: Array<{ caseId: string }> }>('/api/tasks/inbox');
    expect(inbox.body.items.map((i) => i.caseId)).not.toContain(caseId);
    const own = await kutai.get<{ items: Array<{ id: string; applicantNik: string }> }>('/api/cases?q=Siti');
    expect(own.body.items.map((i) => i.id)).toContain(caseId);
    expect(own.body.items[0]!.applicantNik).toBe('••••••••••••0001');
  });

  it('the case is untouched by all those attempts', async () => {
    const timeline = await kutai.get<{ events: Array<{ type: string }> }>(`/api/cases/${caseId}/timeline`);
    expect(timeline.body.events.map((e) => e.type)).toEqual(['case.started', 'eligibility.evaluated', 'step.entered']);
  });
});
