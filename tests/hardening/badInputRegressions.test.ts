import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystemScope } from '../../engine/storage/regencyScope.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { applicant, openCase, writtenRows, type ErrorBody } from '../security/support/securityFixture.ts';

/** Half an emoji: a high surrogate without its low partner (JSON escapes can carry it, UTF-8 cannot). */
const LONE = '\\ud83d';

describe(`the five bad inputs the outside battery answered with 500 now get a clear 4xx (${databaseLabel})`, () => {
  let test: TestServer;
  let caseId: string;
  let taskId: string;
  beforeAll(async () => {
    test = await startTestServer();
    const opened = await openCase(test);
    caseId = opened.id;
    taskId = opened.tasks[0]!.id;
  }, 120_000);
  afterAll(async () => test?.stop());

  async function expectNothingWritten(run: () => Promise<void>): Promise<void> {
    const before = await writtenRows(test.server.db);
    await run();
    expect(await writtenRows(test.server.db)).toEqual(before);
  }

  it('a lone UTF-16 surrogate in a name, reason, note or archive request is refused with an Indonesian 400', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const raw = (method: string, path: string, json: string) =>
      staff.request<ErrorBody>(method, path, json, { contentType: 'application/json' });
    await expectNothingWritten(async () => {
      const attempts = [
        await raw(
          'POST',
          '/api/cases',
          `{"sopId":"bantuan-permakanan","data":${JSON.stringify(applicant).replace('"Siti Aminah"', `"Siti ${LONE} Aminah"`)}}`,
        ),
        await raw('POST', `/api/cases/${caseId}/cancel`, `{"reason":"salah input ${LONE}"}`),
        await raw(
          'POST',
          `/api/cases/${caseId}/archive-requests`,
          `{"kind":"copy","reason":"rujukan ke RSUD ${LONE}","recipient":"RSUD"}`,
        ),
        await raw(
          'POST',
          `/api/cases/${caseId}/archive-requests`,
          `{"kind":"copy","reason":"rujukan ke RSUD","recipient":"RSUD ${LONE}"}`,
        ),
        await raw('POST', '/api/cases', `{"sopId":"bantuan-permakanan","data":{"${LONE}":1}}`),
        await raw('POST', `/api/tasks/${taskId}/complete`, `{"note":"catatan ${LONE}"}`),
      ];
      for (const response of attempts) {
        expect(response.status, response.text).toBe(400);
        expect(response.body.error.code).toBe('BAD_REQUEST');
        expect(response.body.error.message).toMatch(/karakter/);
        expect(response.body.error.path).toMatch(/^\/body\/(data|reason|recipient|note)/);
      }
    });
    // A complete emoji (both halves) is ordinary text and is stored as sent.
    const fine = await staff.post<{ id: string }>(`/api/cases/${caseId}/archive-requests`, {
      kind: 'copy',
      reason: 'rujukan ke RSUD 😊',
      recipient: 'RSUD',
    });
    expect(fine.status).toBe(201);
  });

  it('a lone surrogate in a query or path is refused too', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    // %ED%A0%BD is a UTF-8-encoded surrogate, which decoding turns into U+FFFD or refuses.
    expect((await staff.get<ErrorBody>('/api/cases?q=%ED%A0%BD')).status).toBeLessThan(500);
    expect((await staff.get<ErrorBody>('/api/cases/%ED%A0%BD')).status).toBeLessThan(500);
  });

  it('an empty "" key in case data is refused with a 400 naming the field', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    await expectNothingWritten(async () => {
      const response = await staff.post<ErrorBody>('/api/cases', {
        sopId: 'bantuan-permakanan',
        data: { ...applicant, '': 'kosong' },
      });
      expect(response.status, response.text).toBe(400);
      expect(response.body.error.message).toMatch(/nama isian/i);
    });
  });

  it('GET /api/definitions/{sopId}/versions/abc is a 400, not a 500', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    for (const version of ['abc', '1.5', '-1', '99999999999', '1e3', '%20']) {
      const response = await staff.get<ErrorBody>(`/api/definitions/bantuan-permakanan/versions/${version}`);
      expect(response.status, version).toBe(400);
      expect(response.body.error.path).toBe('/path/version');
    }
    expect((await staff.get('/api/definitions/bantuan-permakanan/versions/1')).status).toBe(200);
  });

  it('GET /api/tasks/inbox?after=abc is a 400, not a 500', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    for (const after of [
      'abc',
      'x|y',
      '2026-01-01|',
      '|abc',
      '9999-99-99T00:00:00Z|00000000-0000-0000-0000-000000000000',
    ]) {
      const response = await staff.get<ErrorBody>(`/api/tasks/inbox?after=${encodeURIComponent(after)}`);
      expect(response.status, after).toBe(400);
      expect(response.body.error.path).toBe('/after');
    }
    for (const limit of ['abc', '-5', '1e309']) {
      const response = await staff.get<ErrorBody>(`/api/tasks/inbox?limit=${limit}`);
      expect(response.status, limit).toBeLessThan(500);
    }
    const first = await staff.get<{ tasks: unknown[]; next?: string }>('/api/tasks/inbox?limit=1');
    expect(first.status).toBe(200);
  });

  it('an integer beyond int4 on the designer revert route is a 400 naming the field', async () => {
    const drafter = await test.as('kutai-kartanegara', 'penyusun-sop');
    await expectNothingWritten(async () => {
      for (const body of [
        { version: 2_147_483_648, baseRevision: 0 },
        { version: 1e20, baseRevision: 0 },
        { version: 1, baseRevision: 9_007_199_254_740_993 },
      ]) {
        const response = await drafter.post<ErrorBody>('/api/designer/sops/bantuan-permakanan/revert', body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect(response.body.error.path).toMatch(/^\/(version|baseRevision)$/);
      }
    });
    const none = await withSystemScope(test.server.db, (trx) => trx('cases').count('* as n').first());
    expect(none).toBeDefined();
  });
});
