import { join } from 'node:path';
import { buildWorkingCalendar } from '../../../engine/calendar/workingCalendar.ts';
import type { EngineContext } from '../../../engine/core/caseTypes.ts';
import { compileSop } from '../../../engine/core/compileSop.ts';
import { loadDefinitionPaths } from '../../../engine/files/loadDefinitionFiles.ts';

const root = join(import.meta.dirname, '../../fixtures/blocks');
const folder = loadDefinitionPaths([join(root, 'testkab')], root).folders[0]!;

/** The test SOP with a parallel verification (desa and puskesmas at once) and an assessment per disaster victim. */
export const blocksDefinition = folder.sops.find((s) => s.definition?.id === 'bantuan-per-penerima')!.definition!;
/** Compiled once for every test. */
export const blocksExe = compileSop(blocksDefinition);
const calendar = buildWorkingCalendar(folder.regency!.calendar);

/** An engine context of one officer at a time, with the roles given. */
export function blocksContext(at: string, roles: string[], name: string): EngineContext {
  return { now: new Date(at), calendar, by: { userId: name.toLowerCase(), name, roles } };
}
