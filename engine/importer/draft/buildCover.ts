import type { Provenance, RawRegency, RawSop } from '../../definition/sopTypes.ts';
import type { CoverReading, Located } from '../parse/parsedSop.ts';
import type { ImportWarning } from './importWarning.ts';
import { nameTokens } from './nameTokens.ts';
import { fieldProvenance, provenanceOf } from './provenanceOf.ts';

/** The cover fields of a draft and the provenance of each. */
export interface CoverDraft {
  fields: Partial<RawSop>;
  provenance: Record<string, Provenance>;
  warnings: ImportWarning[];
}

/** The regency unit a printed heading names ("BIDANG PERLINDUNGAN DAN JAMINAN SOSIAL" → linjamsos). */
export function unitOfHeading(heading: string, regency: RawRegency): string | undefined {
  const words = new Set(nameTokens(heading));
  let best: { id: string; score: number } | undefined;
  for (const unit of regency.units) {
    const tokens = nameTokens(unit.name);
    const found = tokens.filter((t) => words.has(t)).length;
    const score = tokens.length > 0 ? found / tokens.length : 0;
    if (score >= 0.8 && (!best || score > best.score)) best = { id: unit.id, score };
  }
  return best?.id;
}

const LISTS = [
  'legalBasis',
  'qualifications',
  'relatedSops',
  'equipment',
  'warnings',
  'recordKeeping',
  'relatedParties',
  'supportingDocuments',
] as const;

/** The cover of a draft from what was read: every field with its provenance under `source.fields`. */
export function buildCover(cover: CoverReading, regency: RawRegency): CoverDraft {
  const fields: Partial<RawSop> = {};
  const provenance: Record<string, Provenance> = {};
  const warnings: ImportWarning[] = [];
  const keep = <T>(key: string, value: Located<T> | undefined): T | undefined => {
    if (!value) return undefined;
    provenance[key] = fieldProvenance(value);
    return value.value;
  };
  const number = keep('number', cover.number);
  if (number !== undefined) fields.number = number;
  const heading = cover.unitHeading;
  const unit = heading ? unitOfHeading(heading.value, regency) : undefined;
  if (unit !== undefined && heading) {
    fields.unit = unit;
    provenance.unit = provenanceOf(heading.at, [], `Tercetak: "${heading.value}"`);
  }
  const created = keep('created', cover.created);
  const revised = keep('revised', cover.revised);
  const effective = keep('effective', cover.effective);
  if (created !== undefined || revised !== undefined || effective !== undefined) {
    fields.dates = {};
    if (created !== undefined) fields.dates.created = created;
    if (revised !== undefined) fields.dates.revised = revised;
    if (effective !== undefined) fields.dates.effective = effective;
  }
  const approver = cover.approvedBy;
  if (approver) {
    const head = regency.office.head;
    const title = approver.value.title !== '' ? approver.value.title : head?.title;
    if (title !== undefined) {
      fields.approvedBy = { name: approver.value.name, title };
      if (approver.value.nip !== undefined) fields.approvedBy.nip = approver.value.nip;
      const base = fieldProvenance(approver);
      if (approver.value.title === '') {
        base.inferred = ['title'];
        warnings.push({
          code: 'TITLE_FROM_REGENCY',
          message: `Jabatan pengesah tidak tercetak (halaman ${approver.at.page}, baris ${approver.at.line}); diisi "${title}" dari pengaturan kabupaten. Periksa.`,
          messageEn: `The approver's title is not printed (page ${approver.at.page}, line ${approver.at.line}); "${title}" was taken from the regency settings. Check it.`,
          page: approver.at.page,
          line: approver.at.line,
        });
      }
      provenance.approvedBy = base;
    }
  }
  for (const key of LISTS) {
    const value = keep(key, cover[key]);
    if (value !== undefined) fields[key] = value;
  }
  const eligibility = keep('eligibility', cover.eligibility);
  if (eligibility !== undefined) fields.eligibility = { text: eligibility };
  return { fields, provenance, warnings };
}
