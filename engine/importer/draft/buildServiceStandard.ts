import type { Provenance, RawSop } from '../../definition/sopTypes.ts';
import { parseDuration } from '../../time/parseDuration.ts';
import type { ServiceStandardReading } from '../parse/parsedSop.ts';
import { fieldProvenance } from './provenanceOf.ts';

/** The `serviceStandard` block of a draft from the components read, each with its provenance. */
export function buildServiceStandard(
  reading: ServiceStandardReading,
  provenance: Record<string, Provenance>,
): NonNullable<RawSop['serviceStandard']> {
  const standard: NonNullable<RawSop['serviceStandard']> = {};
  const lists = [
    ['requirements', reading.requirements],
    ['procedure', reading.procedure],
    ['complaints', reading.complaints],
    ['legalBasis', reading.legalBasis],
    ['competence', reading.competence],
  ] as const;
  for (const [key, value] of lists) {
    if (!value || value.value.length === 0) continue;
    standard[key] = value.value;
    provenance[`serviceStandard.${key}`] = fieldProvenance(value);
  }
  if (reading.equipment) {
    standard.facilities = [reading.equipment.value];
    provenance['serviceStandard.facilities'] = fieldProvenance(reading.equipment);
  }
  if (reading.product) {
    standard.products = [reading.product.value.replace(/\.$/, '')];
    provenance['serviceStandard.products'] = fieldProvenance(reading.product);
  }
  const duration = reading.duration;
  if (duration) {
    const parsed = parseDuration(duration.value);
    // A Jangka Waktu the language cannot count is left for the drafter, with the printed text in the note.
    if (parsed.kind === 'duration') standard.duration = duration.value;
    provenance['serviceStandard.duration'] =
      parsed.kind === 'duration'
        ? fieldProvenance(duration)
        : { ...fieldProvenance(duration), inferred: ['duration'], note: `Tercetak: "${duration.value}"` };
  }
  const fee = reading.fee;
  if (fee) {
    const free = /gratis|tidak dipungut|rp\.?\s*0\b/i.test(fee.value);
    const amount = /rp\.?\s*([\d.]+)/i.exec(fee.value);
    const value = free ? 0 : amount?.[1] !== undefined ? Number(amount[1].replace(/\./g, '')) : undefined;
    if (value !== undefined && Number.isFinite(value)) {
      standard.fee = { amount: value, text: fee.value };
      provenance['serviceStandard.fee'] = fieldProvenance(fee);
    }
  }
  return standard;
}
