import type { RawRegency, RawSop } from '../../definition/sopTypes.ts';
import type { Located, ParsedSop } from '../parse/parsedSop.ts';
import { buildServiceStandard } from './buildServiceStandard.ts';
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

function standInLanes(regency: RawRegency, unit: string | undefined, parsed: ParsedSop): Array<Located<string>> {
  const roles = regency.roles.filter(
    (r) => (r.unit === unit && (r.kind === 'staff' || r.kind === 'kabid')) || r.kind === 'kadis',
  );
  const names = [...(parsed.detail === 'service-standard' ? ['Pemohon'] : []), ...roles.map((r) => r.name)];
  if (roles.length === 0)
    names.push(
      ...regency.roles
        .filter((r) => r.kind === 'staff')
        .slice(0, 1)
        .map((r) => r.name),
    );
  return names.map((value) => ({ value, at: parsed.at }));
}

/** The draft of one SOP: cover, actors, steps and documents, every part with its provenance; status draft. */
export function buildDraft(parsed: ParsedSop, context: { regency: RawRegency; fileName: string }): DraftSop {
  const { regency, fileName } = context;
  const name = parsed.cover.name?.value ?? `SOP halaman ${parsed.at.page} baris ${parsed.at.line}`;
  const cover = buildCover(parsed.cover, regency);
  if (!parsed.cover.name) cover.provenance.name = provenanceOf(parsed.at, ['name']);
  // Service standards and decree lists print no lanes: the applicant and the unit's posts stand in for them.
  const lanes = parsed.lanes.length > 0 ? parsed.lanes : standInLanes(regency, cover.fields.unit, parsed);
  const { actors, warnings: actorWarnings } = buildActors(lanes, regency, cover.fields.unit);
  const laneNames = lanes.map((l) => l.value);
  const serviceStandard = parsed.serviceStandard
    ? buildServiceStandard(parsed.serviceStandard, cover.provenance)
    : undefined;
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
    ...(serviceStandard && Object.keys(serviceStandard).length > 0 ? { serviceStandard } : {}),
    ...(documents.length > 0 ? { documents } : {}),
    actors,
    steps,
  };
  return { sop, warnings: [...cover.warnings, ...actorWarnings, ...stepWarnings] };
}
