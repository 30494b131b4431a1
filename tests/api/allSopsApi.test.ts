import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import { planScenarios } from '../../engine/simulation/planScenarios.ts';
import { runScenario } from '../../engine/simulation/runScenario.ts';
import { apiDriver } from '../support/apiDriver.ts';
import { databaseLabel } from '../support/testDatabase.ts';
import { definitionsDir, startTestServer, type TestServer } from '../support/testServer.ts';

const loaded = loadDefinitionPaths([definitionsDir], definitionsDir);
const published = loaded.folders.flatMap((f) =>
  f.sops.map((s) => s.definition).filter((d) => d !== undefined && d.status === 'published'),
);

describe(`every published SOP runs end to end through the API (${databaseLabel})`, () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  }, 120_000);
  afterAll(async () => test?.stop());

  it('loaded every published SOP as a version', () => {
    expect(test.server.sync.published.length).toBe(published.length);
    expect(test.server.sync.errors).toEqual([]);
  });

  describe.each(published.map((d) => [`${d!.regency}/${d!.id}`, d!] as const))('%s', (_name, definition) => {
    const firstRole = definition.actors.find((a) => a.id === definition.steps[0]!.actors[0])!.performerRole;
    it.each(planScenarios(definition).map((s) => [s.name, s] as const))('%s', async (_scenario, scenario) => {
      const driver = apiDriver(definition.regency, definition.id, firstRole, test.as);
      const run = await runScenario(definition, driver, scenario);
      expect(run.state.status).toBe(
        { selesai: 'completed', ditolak: 'rejected', dirujuk: 'referred' }[scenario.ending],
      );
      expect(run.branchesTaken).toEqual(scenario.visits.filter((v) => v.branch !== undefined).map((v) => v.branch));
      const events = await driver.events();
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    });
  });
});
