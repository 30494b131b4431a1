import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildWorkingCalendar, type WorkingCalendar } from '../../engine/calendar/workingCalendar.ts';
import { compileSop, type ExecutableSop } from '../../engine/core/compileSop.ts';
import type { RawRegency, SopDefinition } from '../../engine/definition/sopTypes.ts';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';

/** The repository root (bench/lib/ → ../../). */
export const repoRoot = join(import.meta.dirname, '../..');

/** The regency whose real regency.yaml the benchmark SOP runs in. */
export const BENCH_REGENCY = 'kutai-kartanegara';

/** Id of the eight-step benchmark SOP (bench/fixtures/bench-delapan-langkah.yaml). */
export const BENCH_SOP_ID = 'bench-delapan-langkah';

/** The benchmark SOP, loaded and compiled the way the server does it. */
export interface BenchSop {
  /** A definitions folder holding kutai-kartanegara/regency.yaml and the benchmark SOP (what the API servers load). */
  definitionsDir: string;
  definition: SopDefinition;
  regency: RawRegency;
  exe: ExecutableSop;
  calendar: WorkingCalendar;
}

/** Writes the benchmark definitions folder under `tmpDir` and loads the SOP from it. */
export function prepareBenchSop(tmpDir: string): BenchSop {
  const definitionsDir = join(tmpDir, 'definitions');
  const folder = join(definitionsDir, BENCH_REGENCY);
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(repoRoot, 'sop-definitions', BENCH_REGENCY, 'regency.yaml'), join(folder, 'regency.yaml'));
  copyFileSync(join(repoRoot, 'bench', 'fixtures', `${BENCH_SOP_ID}.yaml`), join(folder, `${BENCH_SOP_ID}.yaml`));
  const loaded = loadDefinitionPaths([definitionsDir], definitionsDir);
  if (loaded.errors.length > 0)
    throw new Error(
      `benchmark SOP is invalid: ${loaded.errors.map((e) => `${e.file}:${e.line} ${e.code}`).join('; ')}`,
    );
  const regencyFolder = loaded.folders[0]!;
  const definition = regencyFolder.sops.find((s) => s.definition?.id === BENCH_SOP_ID)?.definition;
  if (!definition || !regencyFolder.regency) throw new Error('benchmark SOP did not load');
  return {
    definitionsDir,
    definition,
    regency: regencyFolder.regency,
    exe: compileSop(definition),
    calendar: buildWorkingCalendar(regencyFolder.regency.calendar, regencyFolder.regency.id),
  };
}
