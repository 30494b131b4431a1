import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState, TaskState } from '../../engine/core/caseTypes.ts';
import type { CaseEvent } from '../../engine/core/events.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import { planScenarios } from '../../engine/simulation/planScenarios.ts';
import { runScenario } from '../../engine/simulation/runScenario.ts';
import { ApiClient } from '../support/apiClient.ts';
import { apiDriver } from '../support/apiDriver.ts';
import { kutaiApplicant } from '../support/kutaiApplicant.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { definitionsDir, startTestServer, type TestServer } from '../support/testServer.ts';

type Opened = CaseState & { id: string; trackingCode: string; tasks: TaskState[] };
type ErrorBody = { error: { code: string; message: string; path?: string } };

const bangkalan = loadDefinitionPaths([definitionsDir], definitionsDir)
  .folders.flatMap((f) => f.sops.map((s) => s.definition))
  .find((d) => d?.regency === 'bangkalan' && d.id === 'pengantar-lansia-bpstw')!;
const bangkalanStarter = bangkalan.actors.find((a) => a.id === bangkalan.steps[0]!.actors[0])!.performerRole;

describe(`the lifecycle actions and searches of the work surface (${databaseLabel})`, () => {
  let test: TestServer;
  let opened: Opened;
  beforeAll(async () => {
    test = await startTestServer();
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    opened = (
      await staff.post<Opened>('/api/cases', {
        sopId: 'bantuan-permakanan',
        data: { ...kutaiApplicant, fullName: 'Siti Aminah Lestari' },
      })
    ).body;
  }, 120_000);
  afterAll(async () => test?.stop());

  it('claim, then unclaim: the task goes back to the role queue and the timeline says who let it go', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const task = opened.tasks.find((t) => t.status === 'open')!;
    const notClaimed = await staff.post<ErrorBody>(`/api/tasks/${task.id}/unclaim`, {});
    expect(notClaimed.status).toBe(409);
    expect(notClaimed.body.error.message).toMatch(/belum diambil/);
    expect((await staff.post(`/api/tasks/${task.id}/claim`, {})).status).toBe(200);
    const released = await staff.post<Opened>(`/api/tasks/${task.id}/unclaim`, { reason: 'cuti besok' });
    expect(released.status).toBe(200);
    expect(released.body.tasks.find((t) => t.id === task.id)!.assignee).toBeNull();
    const timeline = await staff.get<{ events: CaseEvent[] }>(`/api/cases/${opened.id}/timeline`);
    const event = timeline.body.events.find((e) => e.type === 'task.released');
    expect(event).toMatchObject({ taskId: task.id, payload: { reason: 'cuti besok' } });
  });

  it('the inbox finds a task by part of the name, the tracking code and the NIK suffix, and nothing for a stranger', async () => {
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const ids = async (q: string) =>
      (
        await staff.get<{ items: Array<{ caseId: string }> }>(`/api/tasks/inbox?q=${encodeURIComponent(q)}`)
      ).body.items.map((i) => i.caseId);
    expect(await ids('aminah')).toContain(opened.id);
    expect(await ids(opened.trackingCode.toLowerCase())).toContain(opened.id);
    expect(await ids(kutaiApplicant.nik.slice(-6))).toContain(opened.id);
    expect(await ids('Bukan Siapa Pun')).not.toContain(opened.id);
    const tooLong = await staff.get<ErrorBody>(`/api/tasks/inbox?q=${'a'.repeat(101)}`);
    expect(tooLong.status).toBe(400);
  });

  it('the catalogue offers only services whose first step is one of my roles', async () => {
    type Catalogue = { units: Array<{ services: Array<{ sopId: string; starterRole: string }> }> };
    const services = async (role: string) =>
      (await (await test.as('kutai-kartanegara', role)).get<Catalogue>('/api/catalogue')).body.units.flatMap(
        (u) => u.services,
      );
    const rehsos = await services('staf-rehsos');
    expect(rehsos.map((s) => s.sopId)).toContain('bantuan-permakanan');
    expect(rehsos.every((s) => s.starterRole === 'staf-rehsos')).toBe(true);
    expect(await services('auditor')).toEqual([]);
  });

  it('the inbox and dashboard filters list every published service (scope=all); another scope is refused', async () => {
    type Catalogue = { units: Array<{ services: Array<{ sopId: string }> }> };
    const kadis = await test.as('kutai-kartanegara', 'kepala-dinas');
    const count = async (path: string) =>
      (await kadis.get<Catalogue>(path)).body.units.flatMap((u) => u.services.map((s) => s.sopId)).length;
    const startable = await count('/api/catalogue');
    const all = await count('/api/catalogue?scope=all');
    expect(all).toBeGreaterThan(startable);
    expect(all).toBeGreaterThanOrEqual(10);
    const bad = await kadis.get<ErrorBody>('/api/catalogue?scope=semua');
    expect(bad.status).toBe(400);
    expect(bad.body.error.path).toBe('/query/scope');
  });

  it('a Kepala Dinas ends a delegation early with a reason; the delegate no longer acts for anyone', async () => {
    const kadis = await test.as('kutai-kartanegara', 'kepala-dinas');
    const sekretaris = await test.as('kutai-kartanegara', 'sekretaris');
    const staff = await test.as('kutai-kartanegara', 'staf-rehsos');
    const users = (await kadis.get<{ users: Array<{ id: string; username: string }> }>('/api/users')).body.users;
    const id = (u: string) => users.find((x) => x.username === `kutai-kartanegara.${u}`)!.id;
    const created = await kadis.post<{ id: number }>('/api/delegations', {
      toUserId: id('sekretaris'),
      kind: 'plh',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(created.status).toBe(201);
    expect((await sekretaris.get<{ actingFor: unknown[] }>('/api/auth/me')).body.actingFor).toHaveLength(1);
    const foreign = await staff.post<ErrorBody>(`/api/delegations/${created.body.id}/end`, { reason: 'iseng' });
    expect(foreign.status).toBe(403);
    const noReason = await kadis.post<ErrorBody>(`/api/delegations/${created.body.id}/end`, {});
    expect(noReason.status).toBe(400);
    expect((await kadis.post(`/api/delegations/${created.body.id}/end`, { reason: 'Kembali dari dinas' })).status).toBe(
      200,
    );
    expect((await sekretaris.get<{ actingFor: unknown[] }>('/api/auth/me')).body.actingFor).toHaveLength(0);
    const list = await kadis.get<{ delegations: Array<Record<string, unknown>> }>('/api/delegations');
    const ended = list.body.delegations.find((d) => Number(d.id) === created.body.id)!;
    expect(ended).toMatchObject({ end_reason: 'Kembali dari dinas', ended_by: id('kepala-dinas') });
    expect(typeof ended.from_name).toBe('string');
    expect(typeof ended.to_name).toBe('string');
    const again = await kadis.post<ErrorBody>(`/api/delegations/${created.body.id}/end`, { reason: 'lagi' });
    expect(again.status).toBe(404);
  });

  it('a rejected application shows its reason and the complaint channels on the public status page', async () => {
    const scenario = planScenarios(bangkalan)[0]!;
    const driver = apiDriver('bangkalan', bangkalan.id, bangkalanStarter, test.as);
    const run = await runScenario(bangkalan, driver, { ...scenario, visits: scenario.visits.slice(0, 1) });
    const kabid = await test.as('bangkalan', 'kabid-rehsos');
    const rejected = await kabid.post(`/api/cases/${driver.caseId()}/reject`, {
      reason: 'Pemohon masih memiliki keluarga yang merawat',
    });
    expect(rejected.status).toBe(200);
    const code = (run.state as CaseState & { trackingCode: string }).trackingCode;
    const status = await new ApiClient(test.server.url).get<Record<string, unknown>>(`/api/public/status/${code}`);
    expect(status.body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Pemohon masih memiliki keluarga yang merawat',
      timeZone: 'Asia/Jakarta',
    });
    expect(status.body.complaints).toEqual(expect.arrayContaining([expect.stringMatching(/lapor\.go\.id/)]));
  });

  it('the published Standar Pelayanan of each regency can be read without signing in, without internal SOPs', async () => {
    const anyone = new ApiClient(test.server.url);
    const regencies = await anyone.get<{ regencies: Array<{ id: string; services: number }> }>('/api/public/standards');
    expect(regencies.status).toBe(200);
    expect(regencies.body.regencies.find((r) => r.id === 'bangkalan')!.services).toBeGreaterThan(5);
    const standards = await anyone.get<{
      services: Array<{ sopId: string; requirements: string[]; procedure: string[]; complaints: string[] }>;
    }>('/api/public/standards/bangkalan');
    const lansia = standards.body.services.find((s) => s.sopId === 'pengantar-lansia-bpstw')!;
    expect(lansia.requirements.length).toBeGreaterThan(0);
    expect(lansia.procedure.length).toBeGreaterThan(0);
    expect(lansia.complaints.length).toBeGreaterThan(0);
    expect(JSON.stringify(standards.body)).not.toMatch(/"actors"|"steps"|"schema"/);
    expect((await anyone.get('/api/public/standards/tidak-ada')).status).toBe(404);
  });
});
