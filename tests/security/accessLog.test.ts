import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystemScope } from '../../engine/storage/regencyScope.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { caseFixture, writtenRows, type CaseFixture, type ErrorBody } from './support/securityFixture.ts';

type Entry = {
  userId: string;
  userName: string;
  caseId: string | null;
  trackingCode: string | null;
  action: string;
  resource: string | null;
  reason: string | null;
  detail: Record<string, unknown> | null;
  route: string;
  at: string;
};
type Report = { entries: Entry[]; next: number | null };

describe(`access log: every view, download, print and export of personal data is recorded (${databaseLabel})`, () => {
  let test: TestServer;
  let fixture: CaseFixture;
  beforeAll(async () => {
    test = await startTestServer();
    fixture = await caseFixture(test);
  }, 120_000);
  afterAll(async () => test?.stop());

  it('records who viewed, downloaded, printed and exported a case — and why, for exports', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    expect((await staff.get(`/api/cases/${fixture.caseId}`)).status).toBe(200);
    expect((await staff.get(`/api/cases/${fixture.caseId}/timeline`)).status).toBe(200);
    expect((await staff.get(`/api/cases/${fixture.caseId}/attachments`)).status).toBe(200);
    expect((await staff.get(`/api/attachments/${fixture.attachmentId}`)).status).toBe(200);
    expect((await staff.get(`/api/documents/${fixture.documentId}`)).status).toBe(200);
    const pdf = await staff.get(`/api/documents/${fixture.documentId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const exported = await staff.post(`/api/cases/${fixture.caseId}/export`, {
      reason: 'Rujukan ke RSUD AM Parikesit untuk pemeriksaan',
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''kasus-ALR-/);
    expect((exported.body as unknown as { reason: string }).reason).toBe(
      'Rujukan ke RSUD AM Parikesit untuk pemeriksaan',
    );

    const auditor = await test.as('kutai-kartanegara', 'auditor');
    const report = await auditor.get<Report>(`/api/audit/cases/${fixture.caseId}/access`);
    expect(report.status).toBe(200);
    const mine = report.body.entries.filter((e) => e.userId === fixture.staffUserId).reverse();
    // The first record is the opening of the case by the fixture (its reply carries the applicant's data).
    expect(mine.map((e) => e.action)).toEqual([
      'view',
      'view',
      'timeline',
      'attachments',
      'download',
      'document',
      'print',
      'export',
    ]);
    expect(mine.every((e) => e.caseId === fixture.caseId && e.trackingCode === fixture.trackingCode)).toBe(true);
    expect(mine.find((e) => e.action === 'download')!.resource).toBe(fixture.attachmentId);
    expect(mine.find((e) => e.action === 'print')!.resource).toBe(fixture.documentId);
    expect(mine.find((e) => e.action === 'export')!.reason).toBe('Rujukan ke RSUD AM Parikesit untuk pemeriksaan');
    expect(mine.filter((e) => e.action === 'view').map((e) => e.route)).toEqual([
      'POST /api/cases',
      'GET /api/cases/{caseId}',
    ]);
  });

  it('an export without a reason is refused and leaves no record', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const before = await writtenRows(test.server.db);
    for (const body of [{}, { reason: '' }, { reason: 'singkat' }]) {
      const refused = await staff.post<ErrorBody>(`/api/cases/${fixture.caseId}/export`, body);
      expect(refused.status).toBe(400);
    }
    const regExport = await staff.get<ErrorBody>('/api/exports/register.csv');
    expect(regExport.status).toBe(400);
    expect(await writtenRows(test.server.db)).toEqual(before);
  });

  it('searches are recorded with the NIK masked; a refused or failed read records nothing', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    expect((await staff.get('/api/cases?q=6402010102500001')).status).toBe(200);
    const other = await test.as('kutai-kartanegara', 'staf-dayasos');
    const before = await writtenRows(test.server.db);
    expect((await other.get(`/api/cases/${fixture.caseId}`)).status).toBe(403);
    expect((await staff.get('/api/cases/tidak-ada')).status).toBe(404);
    expect((await staff.get('/api/attachments/tidak-ada')).status).toBe(404);
    expect(await writtenRows(test.server.db)).toEqual(before);
    const auditor = await test.as('kutai-kartanegara', 'auditor');
    const byUser = await auditor.get<Report>(`/api/audit/users/${fixture.staffUserId}/access`);
    const search = byUser.body.entries.find((e) => e.action === 'search')!;
    expect(search.caseId).toBeNull();
    expect(search.detail).toMatchObject({ q: '••••••••••••0001', shown: 1 });
    expect(JSON.stringify(byUser.body)).not.toContain('6402010102500001');
  });

  it('reports per user page newest first and the auditor’s own reading is recorded too', async () => {
    const auditor = await test.as('kutai-kartanegara', 'auditor');
    const first = await auditor.get<Report>(`/api/audit/users/${fixture.staffUserId}/access?limit=2`);
    expect(first.body.entries).toHaveLength(2);
    expect(first.body.next).not.toBeNull();
    const second = await auditor.get<Report>(
      `/api/audit/users/${fixture.staffUserId}/access?limit=2&before=${first.body.next}`,
    );
    expect(second.body.entries[0]!.at <= first.body.entries[1]!.at).toBe(true);
    const audits = await withSystemScope(test.server.db, (trx) =>
      trx('access_log').where({ action: 'audit' }).count('* as n').first(),
    );
    expect(Number((audits as { n: string }).n)).toBeGreaterThanOrEqual(3);
  });

  it('only auditors (and the Kepala Dinas) read the access log; another regency’s auditor finds nothing', async () => {
    for (const role of ['staf-rehsos', 'kabid-rehsos', 'admin', 'sekretaris']) {
      const client = await test.as('kutai-kartanegara', role);
      expect((await client.get<ErrorBody>(`/api/audit/cases/${fixture.caseId}/access`)).status, role).toBe(403);
    }
    expect(
      (await (await test.as('kutai-kartanegara', 'kepala-dinas')).get(`/api/audit/cases/${fixture.caseId}/access`))
        .status,
    ).toBe(200);
    const outsider = await test.as('bangkalan', 'auditor');
    expect((await outsider.get(`/api/audit/cases/${fixture.caseId}/access`)).status).toBe(404);
    expect((await outsider.get(`/api/audit/users/${fixture.staffUserId}/access`)).status).toBe(404);
  });
});
