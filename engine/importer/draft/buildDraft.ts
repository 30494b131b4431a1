import type { RawRegency, RawSop } from '../../definition/sopTypes.ts';
import type { ParsedSop } from '../parse/parsedSop.ts';
import { buildActors } from './buildActors.ts';
import { buildCover } from './buildCover.ts';
import { buildSteps } from './buildSteps.ts';
import type { ImportWarning } from './importWarning.ts';
import { provenanceOf } from './provenanceOf.ts';
import { slugify } from './slug.ts';

/** A draft SOP built from one parsed SOP, before it is written as YAML. */
export interface DraftSop {
  sop: RawSop;
  warnings: ImportWarning[];
}

const DETAIL_NOTES: Record<ParsedSop['detail'], string> = {
  'full-steps': 'Diimpor dari tabel langkah SOP (PermenPANRB 35/2012).',
  'service-standard': 'Diimpor dari Standar Pelayanan (PermenPANRB 15/2014): langkah disusun dari butir Prosedur.',
  'name-and-scope':
    'Langkah disusun dari ruang lingkup keputusan; belum dari naskah teknis resmi. Setiap langkah ditafsirkan.',
  'name-only':
    'Sumber hanya memuat nama SOP; langkah belum ada di naskah dan harus disusun. Setiap langkah ditafsirkan.',
};

/** The draft of one SOP: cover, actors, steps and documents, every part with its provenance; status draft. */
export function buildDraft(parsed: ParsedSop, context: { regency: RawRegency; fileName: string }): DraftSop {
  const { regency, fileName } = context;
  const name = parsed.cover.name?.value ?? `SOP halaman ${parsed.at.page} baris ${parsed.at.line}`;
  const cover = buildCover(parsed.cover, regency);
  if (!parsed.cover.name) cover.provenance.name = provenanceOf(parsed.at, ['name']);
  const { actors, warnings: actorWarnings } = buildActors(parsed.lanes, regency, cover.fields.unit);
  const laneNames = parsed.lanes.map((l) => l.value);
  const { steps, documents, warnings: stepWarnings } = buildSteps(parsed.rows, laneNames, actors, regency);
  const sop: RawSop = {
    id: slugify(name, 60),
    regency: regency.id,
    status: 'draft',
    kind: parsed.detail === 'service-standard' ? 'service-standard' : 'sop',
    source: {
      document: fileName,
      detail: parsed.detail,
      note: DETAIL_NOTES[parsed.detail],
      fields: cover.provenance,
    },
    ...(cover.fields.number !== undefined ? { number: cover.fields.number } : {}),
    name,
    ...cover.fields,
    ...(documents.length > 0 ? { documents } : {}),
    actors,
    steps,
  };
  return { sop, warnings: [...cover.warnings, ...actorWarnings, ...stepWarnings] };
}
