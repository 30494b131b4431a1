import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncDefinitionFolder } from '../../engine/app/syncDefinitionFolder.ts';
import type { TaskState } from '../../engine/core/caseTypes.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { definitionsDir, startTestServer, type TestServer } from '../support/testServer.ts';
import { kutaiApplicant, permakananFirstStepChecklist } from '../support/kutaiApplicant.ts';

const fullChecklist = permakananFirstStepChecklist;
const withoutHousePhoto = { 'surat-permohonan': true, 'ktp-kk': true, 'foto-penerima': true };

describe(`versioning and publishing (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  it('loading sop-definitions again publishes nothing new (idempotent)', async () => {
    const again = await syncDefinitionFolder(test.server.db, definitionsDir);
    expect(again.published).toEqual([]);
    expect(again.unchanged).toBe(test.server.sync.published.length);
  });

  it('a running case keeps its version; new cases use the newest; old versions stay readable', async () => {
    const approver = await test.as('kutai-kartanegara', 'pengesah-sop');
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const v1 = await approver.get<{ source: string }>('/api/definitions/bantuan-permakanan/versions/1');
    expect(v1.status).toBe(200);
    const oldCase = await staff.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: kutaiApplicant,
    });

    // Version 2 no longer asks for the house photo at the first step.
    const v2Source = v1.body.source.replace(
      'requirements: [surat-permohonan, ktp-kk, foto-penerima, foto-rumah]',
      'requirements: [surat-permohonan, ktp-kk, foto-penerima]',
    );
    expect(v2Source).not.toBe(v1.body.source);
    const published = await approver.post<{ version: number; created: boolean }>(
      '/api/definitions/bantuan-permakanan/publish',
      { source: v2Source },
    );
    expect(published.status).toBe(201);
    expect(published.body).toEqual({ version: 2, created: true });
    const again = await approver.post<{ version: number; created: boolean }>(
      '/api/definitions/bantuan-permakanan/publish',
      { source: v2Source },
    );
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ version: 2, created: false });

    const refused = await staff.post<{ error: { reason: string } }>(
      `/api/tasks/${oldCase.body.tasks[0]!.id}/complete`,
      { checklist: withoutHousePhoto },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.reason).toBe('REQUIREMENTS_INCOMPLETE');
    expect(
      (await staff.post(`/api/tasks/${oldCase.body.tasks[0]!.id}/complete`, { checklist: fullChecklist })).status,
    ).toBe(200);

    const newCase = await staff.post<{ id: string; tasks: TaskState[] }>('/api/cases', {
      sopId: 'bantuan-permakanan',
      data: kutaiApplicant,
    });
    expect(
      (await staff.post(`/api/tasks/${newCase.body.tasks[0]!.id}/complete`, { checklist: withoutHousePhoto })).status,
    ).toBe(200);

    const versions = await staff.get<{ versions: Array<{ version: number }> }>(
      '/api/definitions/bantuan-permakanan/versions',
    );
    expect(versions.body.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await staff.get('/api/definitions/bantuan-permakanan/versions/1')).status).toBe(200);
  });

  it('only approvers publish, and only valid definitions', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const approver = await test.as('kutai-kartanegara', 'pengesah-sop');
    const source = (await approver.get<{ source: string }>('/api/definitions/bantuan-permakanan/versions/1')).body
      .source;
    expect((await staff.post('/api/definitions/bantuan-permakanan/publish', { source })).status).toBe(403);
    const broken = await approver.post<{ error: { code: string; details: Array<{ message: string }> } }>(
      '/api/definitions/bantuan-permakanan/publish',
      { source: source.replace('actor: kadis', 'actor: kadiss') },
    );
    expect(broken.status).toBe(422);
    expect(broken.body.error.details[0]!.message).toMatch(/^\d+:\d+ Pelaksana `kadiss`/);
  });

  it('validates a draft with positioned Indonesian errors', async () => {
    const staff = await test.as('kutai-kartanegara', 'penyusun-sop');
    const result = await staff.post<{
      valid: boolean;
      errors: Array<{ code: string; line: number; column: number; message: string }>;
    }>('/api/definitions/validate', {
      source: 'id: baru\nregency: kutai-kartanegara\nstatus: draft\nname: Baru\nactors: []\nsteps: []\n',
    });
    expect(result.status).toBe(200);
    expect(result.body.valid).toBe(false);
    expect(result.body.errors.map((e) => `${e.code} ${e.line}:${e.column}`)).toEqual([
      'SCHEMA_LIMIT 5:9',
      'SCHEMA_LIMIT 6:8',
    ]);
  });
});
