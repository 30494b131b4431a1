import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseState } from '../../engine/core/caseTypes.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import { planScenarios } from '../../engine/simulation/planScenarios.ts';
import { runScenario } from '../../engine/simulation/runScenario.ts';
import { ApiClient } from '../support/apiClient.ts';
import { apiDriver } from '../support/apiDriver.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { definitionsDir, startTestServer, type TestServer } from '../support/testServer.ts';

type InboxItem = {
  caseId: string;
  dueAt: string | null;
  caseDueAt: string | null;
  caseWorkingMinutesLeft: number | null;
  provisional: boolean;
};

// A Bangkalan standard: its steps have no time of their own; its Jangka Waktu counts from the file check.
const definition = loadDefinitionPaths([definitionsDir], definitionsDir)
  .folders.flatMap((f) => f.sops.map((s) => s.definition))
  .find((d) => d?.regency === 'bangkalan' && d.id === 'pengantar-lansia-bpstw')!;
const firstRole = definition.actors.find((a) => a.id === definition.steps[0]!.actors[0])!.performerRole;

describe(`case deadline beside the step's, and from the complete file (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  async function inboxItem(caseId: string, role: string): Promise<InboxItem | undefined> {
    const client = await test.as('bangkalan', role);
    const res = await client.get<{ items: InboxItem[] }>('/api/tasks/inbox?limit=50');
    expect(res.status).toBe(200);
    return res.body.items.find((i) => i.caseId === caseId);
  }

  it('before the file check: no deadline anywhere ("Tanpa batas"), the public page says it counts from the complete file', async () => {
    const scenario = planScenarios(definition)[0]!;
    const driver = apiDriver('bangkalan', definition.id, firstRole, test.as);
    const run = await runScenario(definition, driver, { ...scenario, visits: scenario.visits.slice(0, 1) });
    expect(run.state.dueAt ?? null).toBeNull();
    const role = run.state.tasks.find((t) => t.status === 'open')!.role;
    expect(await inboxItem(driver.caseId(), role)).toMatchObject({ dueAt: null, caseDueAt: null });
    const code = (run.state as CaseState & { trackingCode: string }).trackingCode;
    const status = await new ApiClient(test.server.url).get<Record<string, unknown>>(`/api/public/status/${code}`);
    expect(status.body).toMatchObject({ expectedCompletion: null, clockWaitsForCompleteFile: true });
  });

  it('after the file check: the case deadline runs and shows in the inbox beside the step and on the public page', async () => {
    const scenario = planScenarios(definition)[0]!;
    const driver = apiDriver('bangkalan', definition.id, firstRole, test.as);
    const checkAt = scenario.visits.findIndex((v) => v.stepId === 'pemeriksaan-berkas');
    const run = await runScenario(definition, driver, { ...scenario, visits: scenario.visits.slice(0, checkAt + 1) });
    expect(run.state.dueAt).toBeDefined();
    const role = run.state.tasks.find((t) => t.status === 'open')!.role;
    const item = await inboxItem(driver.caseId(), role);
    expect(item).toMatchObject({ dueAt: null, caseDueAt: run.state.dueAt });
    expect(item!.caseWorkingMinutesLeft).toBeGreaterThan(0);
    const code = (run.state as CaseState & { trackingCode: string }).trackingCode;
    const status = await new ApiClient(test.server.url).get<Record<string, unknown>>(`/api/public/status/${code}`);
    expect(status.body).toMatchObject({ expectedCompletion: run.state.dueAt, clockWaitsForCompleteFile: false });
  });
});
