import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import { formDataFor } from '../../engine/simulation/scenarioData.ts';
import type { SchemaNode } from '../../engine/simulation/sampleValue.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { definitionsDir, startTestServer, type TestServer } from '../support/testServer.ts';
import { applicant, openCase, type ErrorBody } from './support/securityFixture.ts';
import { grantPlt } from '../support/delegations.ts';

const loaded = loadDefinitionPaths([definitionsDir], definitionsDir);
const confidential = loaded.folders
  .flatMap((f) => f.sops.map((s) => s.definition))
  .find(
    (d) => d?.regency === 'bangkalan' && d.confidential === true && d.unit === 'rehsos' && d.status === 'published',
  )!;

type Search = { items: Array<{ id: string }> };

describe(`who sees which case inside one regency (${databaseLabel})`, () => {
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

  it('staff see their unit’s cases; another unit’s staff and kabid neither read nor find them; drafters cannot search', async () => {
    const get = async (role: string) =>
      (await (await test.as('kutai-kartanegara', role)).get<ErrorBody>(`/api/cases/${caseId}`)).status;
    expect(await get('tksk')).toBe(200);
    expect(await get('kabid-rehsos')).toBe(200);
    expect(await get('staf-dayasos')).toBe(403);
    expect(await get('kabid-dayasos')).toBe(403);
    const find = async (role: string) =>
      (await (await test.as('kutai-kartanegara', role)).get<Search>('/api/cases?q=Siti')).body.items.map((i) => i.id);
    expect(await find('tksk')).toContain(caseId);
    expect(await find('auditor')).toContain(caseId);
    expect(await find('staf-dayasos')).not.toContain(caseId);
    expect(await find('kabid-dayasos')).not.toContain(caseId);
    expect(
      (await (await test.as('kutai-kartanegara', 'penyusun-sop')).get<ErrorBody>('/api/cases?q=Siti')).status,
    ).toBe(403);
  });

  it('a task assigned to someone of another unit lets them see that case (and only through it)', async () => {
    const staffDayasos = await test.as('kutai-kartanegara', 'staf-dayasos');
    const me = await staffDayasos.get<{ user: { id: string } }>('/api/auth/me');
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const reassigned = await staff.post<{ tasks: TaskState[] }>(`/api/tasks/${taskId}/reassign`, {
      toUserId: me.body.user.id,
      reason: 'Bantuan tenaga sementara',
    });
    expect(reassigned.status).toBe(200);
    expect((await staffDayasos.get(`/api/cases/${caseId}`)).status).toBe(200);
    expect((await staffDayasos.get<Search>('/api/cases?q=Siti')).body.items.map((i) => i.id)).toEqual([caseId]);
    expect(
      (await staffDayasos.get<{ items: Array<{ caseId: string }> }>('/api/tasks/inbox')).body.items.map(
        (i) => i.caseId,
      ),
    ).toContain(caseId);
    // Another case of the same SOP stays out of reach.
    const other = await openCase(test, { ...applicant, fullName: 'Budi Santoso' });
    expect((await staffDayasos.get<ErrorBody>(`/api/cases/${other.id}`)).status).toBe(403);
  });

  it('opening a case of another unit’s SOP is refused unless one’s role does its first step', async () => {
    const refused = await (
      await test.as('kutai-kartanegara', 'staf-dayasos')
    ).post<ErrorBody>('/api/cases', { sopId: 'bantuan-permakanan', data: applicant });
    expect([refused.status, refused.body.error.reason]).toEqual([403, 'OUT_OF_SCOPE']);
    expect(
      (
        await (
          await test.as('kutai-kartanegara', 'tksk')
        ).post('/api/cases', { sopId: 'bantuan-permakanan', data: applicant })
      ).status,
    ).toBe(201);
  });

  it(`confidential SOPs (${confidential.id}): only the unit’s kabid, the Kepala Dinas, the auditor and task holders — not the admin, the sekretaris or other unit staff`, async () => {
    const firstRole = confidential.actors.find((a) => a.id === confidential.steps[0]!.actors[0])!.performerRole;
    const data = formDataFor(confidential.caseData.schema as unknown as SchemaNode, {});
    const opened = await (
      await test.as('bangkalan', firstRole)
    ).post<{ id: string; tasks: TaskState[] }>('/api/cases', { sopId: confidential.id, data });
    expect(opened.status).toBe(201);
    const taskRoles = new Set(opened.body.tasks.map((t) => t.role));
    const get = async (role: string) =>
      (await (await test.as('bangkalan', role)).get<ErrorBody>(`/api/cases/${opened.body.id}`)).status;
    for (const role of ['kabid-rehsos', 'kepala-dinas', 'auditor', firstRole]) expect(await get(role), role).toBe(200);
    const unitStaffWithoutTask = ['pekerja-sosial', 'tksk', 'staf-rehsos', 'petugas-verifikasi-rehsos'].find(
      (r) => !taskRoles.has(r),
    )!;
    for (const role of ['admin', 'sekretaris', unitStaffWithoutTask].filter((r) => !taskRoles.has(r)))
      expect(await get(role), role).toBe(403);

    // A Plt for the Kepala Dinas carries the head's reach while the delegation lasts.
    const kadis = await test.as('bangkalan', 'kepala-dinas');
    await grantPlt(kadis, 'bangkalan.sekretaris');
    if (!taskRoles.has('sekretaris')) expect(await get('sekretaris')).toBe(200);
  });
});
