import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefinitionPaths } from '../../engine/files/loadDefinitionFiles.ts';

describe('valid fixture', () => {
  it('loads the minimal SOP with resolved forms, refs and flow', () => {
    const root = join(import.meta.dirname, '../fixtures/valid');
    const loaded = loadDefinitionPaths([join(root, 'testkab')], root);
    expect(loaded.errors).toEqual([]);
    const sop = loaded.folders[0]!.sops[0]!.definition!;
    expect(Object.keys(sop.caseData.schema.properties)).toEqual(['nik', 'fullName', 'age']);
    expect(sop.steps.map((s) => s.next ?? s.decision?.mode)).toEqual(['verifikasi', 'rule', 'selesai']);
    expect(sop.steps[0]!.requirements).toEqual([
      { doc: 'ktp', label: 'KTP', required: true },
      { doc: 'kk', label: 'Kartu Keluarga', required: false },
    ]);
    expect(sop.steps[1]!.time).toMatchObject({ min: 30, max: 30, unit: 'minutes' });
    expect(sop.steps[2]!.outputs[0]!.template?.title).toBe('SURAT REKOMENDASI');
    expect(sop.actors[0]).toEqual({ id: 'pemohon', name: 'Pemohon', external: true, performerRole: 'petugas' });
  });
});
