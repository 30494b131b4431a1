import type { Knex } from 'knex';
import { buildWorkingCalendar } from '../../calendar/workingCalendar.ts';
import type { Scenario } from '../../simulation/planScenarios.ts';
import { simulateWalk, type SimulationResult } from './simulateWalk.ts';
import { currentRegency, definitionInvalid, validateSource } from './validateDraft.ts';

/**
 * Simulates a draft on the server (the browser's strict Content-Security-Policy forbids the code
 * generation the engine's form validators use): checks the text, then walks it on the regency calendar.
 */
export async function simulateSource(
  db: Knex,
  regencyId: string,
  source: string,
  input: { caseData: Record<string, unknown>; scenario?: Scenario; start?: string },
): Promise<SimulationResult> {
  const regency = await currentRegency(db, regencyId);
  const load = validateSource(regency, source, 'simulasi.yaml');
  if (!load.definition) throw definitionInvalid(load.errors);
  return simulateWalk(load.definition, buildWorkingCalendar(regency.calendar, regency.id), {
    caseData: input.caseData,
    ...(input.scenario ? { scenario: input.scenario } : {}),
    ...(input.start ? { start: new Date(input.start) } : {}),
  });
}
