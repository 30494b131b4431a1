import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { patchYaml } from '../../engine/definition/patchYaml.ts';

const SEED = readFileSync(
  join(import.meta.dirname, '../../sop-definitions/kutai-kartanegara/bantuan-permakanan.yaml'),
  'utf8',
);

function roundTrip(text: string, change: (value: Record<string, unknown>) => void): string {
  const value = parse(text) as Record<string, unknown>;
  change(value);
  const out = patchYaml(text, value);
  expect(parse(out)).toEqual(value);
  return out;
}

describe('patchYaml', () => {
  it('changes a value in place and keeps comments and flow style elsewhere', () => {
    const out = roundTrip(SEED, (v) => {
      v.name = 'Nama baru, dengan koma';
    });
    expect(out.split('\n')[0]).toBe(SEED.split('\n')[0]);
    expect(out).toContain('name: "Nama baru, dengan koma"');
    expect(out.split('\n').length).toBe(SEED.split('\n').length);
  });

  it('edits inside flow collections and nested step fields', () => {
    const out = roundTrip(SEED, (v) => {
      const steps = v.steps as Array<Record<string, unknown>>;
      steps[0]!.requirements = ['surat-permohonan', 'ktp-kk'];
      steps[1]!.notes = 'Catatan baru';
      delete steps[1]!.time;
    });
    expect(out).toContain('requirements: [surat-permohonan, ktp-kk]');
    expect(out).toContain('notes: Catatan baru');
  });

  it('appends and removes list items and top-level keys', () => {
    roundTrip(SEED, (v) => {
      const steps = v.steps as unknown[];
      steps.push({ id: 'langkah-baru', activity: 'Kegiatan baru', actor: 'kadis', end: 'selesai' });
      v.equipment = ['Komputer'];
    });
    roundTrip(SEED, (v) => {
      (v.steps as unknown[]).splice(2, 1);
      delete v.warnings;
    });
    roundTrip('a: 1\nb: [x, y]\n', (v) => {
      v.b = ['x', 'y', 'z'];
      v.c = { d: 'e' };
    });
  });

  it('replaces unreadable text with the new value', () => {
    expect(parse(patchYaml('a: [', { a: 1 }))).toEqual({ a: 1 });
  });
});
