import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../../engine/calendar/workingCalendar.ts';
import { compileSop } from '../../engine/core/compileSop.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';
import { planScenarios } from '../../engine/simulation/planScenarios.ts';
import { memoryDriver } from '../../engine/simulation/memoryDriver.ts';
import { runScenario } from '../../engine/simulation/runScenario.ts';

const root = join(import.meta.dirname, '../../sop-definitions');
const loaded = loadDefinitionPaths([root], root);
const cases = loaded.folders.flatMap((folder) =>
  folder.sops
    .filter((s) => s.definition)
    .map((s) => ({
      file: s.file,
      definition: s.definition!,
      calendar: buildWorkingCalendar(folder.regency!.calendar),
    })),
);

describe('every SOP runs to an end state along every branch (pure engine)', () => {
  it('found SOPs to run', () => expect(cases.length).toBeGreaterThan(0));

  describe.each(cases.map((c) => [c.file, c] as const))('%s', (_file, { definition, calendar }) => {
    const exe = compileSop(definition);
    const scenarios = planScenarios(definition);
    const decisions = definition.steps.filter((s) => s.decision);

    it('has a scenario for the happy path and for every decision branch', () => {
      const branchCount = decisions.reduce((n, s) => n + s.decision!.branches.length, 0);
      expect(scenarios.length).toBe(1 + branchCount);
    });

    it.each(scenarios.map((s) => [s.name, s] as const))(
      'scenario %s reaches its planned ending with the planned branches',
      async (_name, scenario) => {
        const driver = memoryDriver(exe, calendar);
        const run = await runScenario(definition, driver, scenario);
        const expectedStatus = { selesai: 'completed', ditolak: 'rejected', dirujuk: 'referred' }[scenario.ending];
        expect(run.state.status).toBe(expectedStatus);
        expect(run.branchesTaken).toEqual(scenario.visits.filter((v) => v.branch !== undefined).map((v) => v.branch));
        expect(run.state.tasks.filter((t) => t.status === 'open')).toEqual([]);
        const events = await driver.events();
        expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      },
    );

    const sendBackSteps = definition.steps.filter((s) => s.sendBack);
    it.each(sendBackSteps.map((s) => [s.id, s] as const))(
      'send-back at %s pauses the service clock and resumes it',
      async (stepId) => {
        const scenario = scenarios.find((s) => s.visits.some((v) => v.stepId === stepId));
        if (!scenario) throw new Error(`no scenario passes ${stepId}`);
        const driver = memoryDriver(exe, calendar);
        const run = await runScenario(definition, driver, scenario, { sendBackAt: stepId });
        const types = (await driver.events()).map((e) => e.type);
        expect(types).toContain('case.sentBack');
        expect(types.indexOf('clock.paused')).toBeLessThan(types.indexOf('clock.resumed'));
        expect(run.state.status).not.toBe('open');
      },
    );
  });
});
