import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../../engine/calendar/workingCalendar.ts';
import { loadRegencySource, loadSopSource } from '../../engine/definition/loadDefinitionSource.ts';
import { planScenarios } from '../../engine/simulation/planScenarios.ts';
import { formDataFor, wantedFactsFrom } from '../../engine/simulation/scenarioData.ts';
import { simulateWalk } from '../../engine/app/designer/simulateWalk.ts';

const dir = join(import.meta.dirname, '../../sop-definitions/kutai-kartanegara');
const regency = loadRegencySource(
  readFileSync(join(dir, 'regency.yaml')),
  'regency.yaml',
  'kutai-kartanegara',
).regency!;
const definition = loadSopSource(readFileSync(join(dir, 'alat-bantu-aksesibilitas.yaml')), 'x.yaml', {
  regency,
  folderName: regency.id,
}).definition!;
const calendar = buildWorkingCalendar(regency.calendar);
const start = new Date('2025-03-03T01:00:00Z');

describe('simulateWalk', () => {
  it('walks every planned scenario to its ending and explains rule decisions', async () => {
    for (const scenario of planScenarios(definition)) {
      const caseData = formDataFor(definition.caseData.schema, wantedFactsFrom(definition, scenario, 0, start));
      const result = await simulateWalk(definition, calendar, { caseData, scenario, start });
      expect(result.error, scenario.name).toBeNull();
      expect(result.outcome, scenario.name).toBe(scenario.ending);
      expect(result.visits.map((v) => v.stepId)).toEqual(scenario.visits.map((v) => v.stepId));
    }
    const happy = planScenarios(definition)[0]!;
    const result = await simulateWalk(definition, calendar, {
      caseData: formDataFor(definition.caseData.schema, wantedFactsFrom(definition, happy, 0, start)),
      scenario: happy,
      start,
    });
    const rule = result.visits.find((v) => v.decision?.mode === 'rule')!.decision!;
    expect(rule.branches[0]!.explanations.join(' ')).toMatch(/terpenuhi/);
    // Each step takes its full Baku Mutu time, on working days only.
    for (const visit of result.visits.filter((v) => v.dueAt))
      expect([0, 6]).not.toContain(new Date(Date.parse(visit.dueAt!) + 8 * 3600_000).getUTCDay());
  });

  it('reports invalid case data instead of walking', async () => {
    const result = await simulateWalk(definition, calendar, { caseData: { nik: '1' }, start });
    expect(result.error).toMatch(/Data kasus belum benar/);
    expect(result.visits).toEqual([]);
  });
});
