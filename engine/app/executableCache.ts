import type { Sql } from '../storage/sql.ts';
import { buildWorkingCalendar, type WorkingCalendar } from '../calendar/workingCalendar.ts';
import { compileSop, type ExecutableSop } from '../core/compileSop.ts';
import { type DefinitionVersion, getVersionById } from '../storage/definitionRepository.ts';

const MAX_ENTRIES = 500;

interface CompiledVersion {
  regencyId: string;
  exe: ExecutableSop;
  calendar: WorkingCalendar;
}

/** Compiled definitions and calendars by immutable version id: safe to cache because versions never change. */
const cache = new Map<number, CompiledVersion>();

/** The executable form and calendar of a published version, compiled once per process. */
export function executableOf(version: DefinitionVersion): { exe: ExecutableSop; calendar: WorkingCalendar } {
  let entry = cache.get(version.id);
  if (!entry) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    entry = {
      regencyId: version.regencyId,
      exe: compileSop(version.definition),
      calendar: buildWorkingCalendar(version.regencySnapshot.calendar, version.regencySnapshot.id),
    };
    cache.set(version.id, entry);
  }
  return entry;
}

/**
 * The executable form of a version by id, reading the version row (about 27 KB of JSON) only the
 * first time in this process. The regency is checked on every hit, so a cached entry never crosses tenants.
 */
export async function executableOfVersionId(
  sql: Sql,
  regencyId: string,
  versionId: number,
): Promise<{ exe: ExecutableSop; calendar: WorkingCalendar } | undefined> {
  const cached = cache.get(versionId);
  if (cached) return cached.regencyId === regencyId ? cached : undefined;
  const version = await getVersionById(sql, regencyId, versionId);
  return version ? executableOf(version) : undefined;
}
