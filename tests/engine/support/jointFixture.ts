import { join } from 'node:path';
import { buildWorkingCalendar } from '../../../engine/calendar/workingCalendar.ts';
import type { EngineContext } from '../../../engine/core/caseTypes.ts';
import { compileSop } from '../../../engine/core/compileSop.ts';
import type { SopDefinition } from '../../../engine/definition/sopTypes.ts';
import { loadDefinitionPaths } from '../../../engine/files/loadDefinitionFiles.ts';

const root = join(import.meta.dirname, '../../fixtures/valid');
const folder = loadDefinitionPaths([join(root, 'testkab')], root).folders[0]!;
const base = folder.sops[0]!.definition!;

/**
 * A joint assessment by the front desk and the kabid with an outside party (Panti) recorded by the
 * kabid, decided by the front desk; then a joint decision by hand of kabid and kadis.
 */
export const jointDefinition: SopDefinition = {
  ...base,
  id: 'bersama',
  eligibility: {
    criteria: [
      {
        id: 'usia',
        text: 'Berusia 60 tahun ke atas',
        rule: { fact: 'age', operator: 'greaterThanInclusive', value: 60 },
      },
    ],
  },
  actors: [
    { id: 'pemohon', name: 'Pemohon', external: true, performerRole: 'petugas' },
    { id: 'loket', name: 'Petugas Loket', external: false, performerRole: 'petugas' },
    { id: 'kabid', name: 'Kabid', external: false, performerRole: 'kabid' },
    { id: 'panti', name: 'Panti', external: true, performerRole: 'kabid' },
    { id: 'kadis', name: 'Kepala Dinas', external: false, performerRole: 'kadis' },
  ],
  steps: [
    {
      id: 'pengajuan',
      index: 0,
      activity: 'Pemohon menyerahkan berkas',
      actorMode: 'single',
      actors: ['pemohon'],
      requirements: [
        { doc: 'ktp', label: 'KTP', required: true },
        { doc: 'kk', label: 'Kartu Keluarga', required: true },
      ],
      clock: 'office',
      outputs: [],
      next: 'asesmen',
    },
    {
      id: 'asesmen',
      index: 1,
      activity: 'Asesmen bersama',
      actorMode: 'together',
      actors: ['loket', 'kabid', 'panti'],
      decidedBy: 'loket',
      requirements: [
        {
          doc: 'ktp',
          label: 'KTP atau Kartu Keluarga',
          required: true,
          either: [
            { doc: 'ktp', label: 'KTP' },
            { doc: 'kk', label: 'Kartu Keluarga' },
          ],
        },
        { doc: 'atk', label: 'ATK', required: false, kind: 'equipment' },
      ],
      form: {
        schema: {
          type: 'object',
          properties: {
            neglected: { type: 'boolean', title: 'Kondisi telantar' },
            notes: { type: 'string', title: 'Catatan' },
          },
        },
        uiSchema: {},
      },
      clock: 'office',
      outputs: [],
      sendBack: { to: 'pengajuan' },
      decision: {
        mode: 'rule',
        branches: [
          { label: 'Layak', when: { fact: 'neglected', operator: 'equal', value: true }, goto: 'keputusan' },
          { label: 'Tidak layak', otherwise: true, goto: 'ditolak' },
        ],
      },
    },
    {
      id: 'keputusan',
      index: 2,
      activity: 'Keputusan bersama',
      actorMode: 'together',
      actors: ['kabid', 'kadis'],
      decidedBy: 'kadis',
      requirements: [],
      clock: 'office',
      outputs: [],
      decision: {
        mode: 'human',
        branches: [
          { label: 'Setuju', goto: 'selesai' },
          { label: 'Tolak', goto: 'ditolak' },
        ],
      },
    },
  ],
};

/** The compiled joint definition. */
export const jointExe = compileSop(jointDefinition);

/** An engine context at a time, acting with the given roles. */
export function jointContext(iso: string, roles: string[], name = 'Petugas'): EngineContext {
  return {
    now: new Date(iso),
    calendar: buildWorkingCalendar(folder.regency!.calendar),
    by: { userId: name.toLowerCase(), name, roles },
  };
}
