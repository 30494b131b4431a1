import { buildWorkingCalendar, type WorkingCalendar } from '../calendar/workingCalendar.ts';
import { compileSop, type ExecutableSop } from '../core/compileSop.ts';
import type { DefinitionVersion } from '../storage/definitionRepository.ts';

const MAX_ENTRIES = 500;

/** Compiled definitions and calendars by immutable version id: safe to cache because versions never change. */
const cache = new Map<number, { exe: ExecutableSop; calendar: WorkingCalendar }>();

/** The executable form and calendar of a published version, compiled once per process. */
export function executableOf(version: DefinitionVersion): { exe: ExecutableSop; calendar: WorkingCalendar } {
  let entry = cache.get(version.id);
  if (!entry) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    entry = { exe: compileSop(version.definition), calendar: buildWorkingCalendar(version.regencySnapshot.calendar) };
    cache.set(version.id, entry);
  }
  return entry;
}
