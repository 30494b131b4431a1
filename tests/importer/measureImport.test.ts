import { describe, expect, it } from 'vitest';
import { totalsOf } from '../../tools/importer/importReport.ts';
import { measureFormat } from '../../tools/importer/measureFormat.ts';

describe('measured import of the seed text', () => {
  it('reproduces the published Kutai Kartanegara steps, times and outputs, and reads ≥ 95 % of actors', async () => {
    const measure = await measureFormat('text');
    const kukar = measure.sops.filter((s) => s.score);
    expect(kukar).toHaveLength(12);
    for (const sop of kukar) {
      const score = sop.score;
      if (!score) continue;
      // Steps: every printed row found, none added by the published definition.
      expect(score.stepsFound, sop.name).toBe(score.stepsSource);
      expect(score.addedInReference, sop.name).toEqual([]);
      expect(score.activities, sop.name).toBe(score.compared);
      expect(score.times, sop.name).toBe(score.compared);
      // An output the published definition adds where the printed cell is empty is reported, not counted.
      expect(score.outputs, sop.name).toBe(score.compared - score.outputsAddedInReference.length);
    }
    const totals = totalsOf(kukar);
    expect(totals.stepsFound).toBe(87);
    expect(totals.actors / totals.compared).toBeGreaterThanOrEqual(0.95);
    expect(measure.notFound).toEqual([]);
    expect(measure.sops.every((s) => s.valid)).toBe(true);
    expect(measure.sops).toHaveLength(88);
    // The hand-checked Bangkalan service standards are compared too: all 21 found their service, every part right.
    const standards = measure.sops.filter((s) => s.standard);
    expect(standards.map((s) => s.catalogId).sort()).toEqual(
      Array.from({ length: 21 }, (_v, i) => `004-${String(i + 1).padStart(2, '0')}`),
    );
    for (const { standard: c, catalogId } of standards) {
      if (!c) continue;
      expect([c.procedureSteps.found, c.requirements.found, c.duration, c.product], catalogId).toEqual([
        c.procedureSteps.expected,
        c.requirements.expected,
        true,
        true,
      ]);
    }
  }, 180_000); // 88 drafts validated; slow when the shared machine is busy
});
