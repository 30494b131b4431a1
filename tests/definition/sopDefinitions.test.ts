import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';

const root = join(import.meta.dirname, '../../sop-definitions');

describe('sop-definitions/', () => {
  const loaded = loadDefinitionPaths([root], root);
  const sops = loaded.folders.flatMap((f) => f.sops);

  it('every file validates without errors', () => {
    expect(loaded.errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.code} ${e.message}`)).toEqual([]);
  });

  it('every regency folder has a regency.yaml and SOPs', () => {
    for (const folder of loaded.folders) {
      expect(folder.regency, folder.folder).toBeDefined();
      expect(folder.sops.length, folder.folder).toBeGreaterThan(0);
    }
  });

  it('has at least two realistic SOPs from the seeds', () => {
    const fromSeeds = sops.filter(
      (s) => s.definition?.source?.detail === 'full-steps' || s.definition?.source?.detail === 'service-standard',
    );
    expect(fromSeeds.length).toBeGreaterThanOrEqual(2);
  });

  it.each(sops.map((s) => [s.file, s]))('%s normalises to an executable definition', (_file, sop) => {
    const definition = sop.definition!;
    expect(definition).toBeDefined();
    for (const step of definition.steps) {
      expect(step.actors.length).toBeGreaterThan(0);
      expect(
        step.end !== undefined ||
          step.decision !== undefined ||
          step.next !== undefined ||
          step.parallel !== undefined ||
          step.forEach !== undefined,
      ).toBe(true);
      if (step.timeText !== undefined && !/^(n\/a|-)$/i.test(step.timeText.trim()))
        expect(step.time, `${step.id}: ${step.timeText}`).toBeDefined();
    }
    for (const actor of definition.actors) expect(actor.performerRole.length).toBeGreaterThan(0);
  });
});
