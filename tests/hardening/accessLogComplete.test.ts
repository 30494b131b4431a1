import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystemScope } from '../../engine/storage/regencyScope.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';
import { applicant, firstChecklist, openCase } from '../security/support/securityFixture.ts';

type LogRow = { action: string; case_id: string | null; route: string; detail: Record<string, unknown> | null };

describe(`every reply carrying personal data writes its access-log row (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  /** Rows written while `run` ran, oldest first. */
  async function loggedDuring(run: () => Promise<void>): Promise<LogRow[]> {
    const last = await withSystemScope(test.server.db, async (trx) =>
      Number(((await trx('access_log').max('id as m').first()) as { m: string | number | null }).m ?? 0),
    );
    await run();
    return withSystemScope(
      test.server.db,
      async (trx) =>
        (await trx('access_log')
          .where('id', '>', last)
          .orderBy('id')
          .select('action', 'case_id', 'route', 'detail')) as LogRow[],
    );
  }

  it('the inbox (applicant names) records a search with how many tasks were shown', async () => {
    await openCase(test);
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const rows = await loggedDuring(async () => {
      const inbox = await staff.get<{ items: Array<{ applicantName?: string }> }>('/api/tasks/inbox');
      expect(inbox.status).toBe(200);
      expect(inbox.text).toContain(applicant.fullName);
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'search', route: 'GET /api/tasks/inbox', detail: { list: 'inbox' } });
    expect(Number(rows[0]!.detail!.items)).toBeGreaterThan(0);
  });

  it('opening a case (replies with full NIK and KK) records a view; completing a task replies without them and records none', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    let caseId = '';
    const opening = await loggedDuring(async () => {
      caseId = (await openCase(test)).id;
    });
    expect(opening).toEqual([expect.objectContaining({ action: 'view', case_id: caseId, route: 'POST /api/cases' })]);
    const taskId = (await staff.get<{ tasks: Array<{ id: string; status: string }> }>(`/api/cases/${caseId}`)).body
      .tasks[0]!.id;
    const completing = await loggedDuring(async () => {
      const done = await staff.post<{ id: string; status: string; data?: unknown }>(`/api/tasks/${taskId}/complete`, {
        checklist: firstChecklist,
      });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ id: caseId, status: 'open' });
      expect(done.body.data).toBeUndefined();
      for (const value of [applicant.nik, applicant.kkNumber, applicant.fullName])
        expect(done.text).not.toContain(value);
    });
    expect(completing).toEqual([]);
    // The act itself is in the case's own audit trail, with who did it.
    const timeline = await staff.get<{ events: Array<{ type: string; taskId?: string }> }>(
      `/api/cases/${caseId}/timeline`,
    );
    expect(timeline.body.events).toContainEqual(expect.objectContaining({ type: 'task.completed', taskId }));
  });

  it('archive-request lists (per case and the register) record their access', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const { id: caseId } = await openCase(test);
    await staff.post(`/api/cases/${caseId}/archive-requests`, {
      kind: 'copy',
      reason: 'Salinan untuk rujukan ke RSUD',
      recipient: 'RSUD AM Parikesit',
    });
    const kabid = await test.as('kutai-kartanegara', 'kabid-rehsos');
    const rows = await loggedDuring(async () => {
      expect((await staff.get(`/api/cases/${caseId}/archive-requests`)).status).toBe(200);
      expect((await kabid.get('/api/archive-requests')).status).toBe(200);
    });
    expect(rows).toEqual([
      expect.objectContaining({ action: 'view', case_id: caseId, route: 'GET /api/cases/{caseId}/archive-requests' }),
      expect.objectContaining({ action: 'search', route: 'GET /api/archive-requests' }),
    ]);
    expect(rows[1]!.detail).toMatchObject({ list: 'archive-requests' });
  });
});
