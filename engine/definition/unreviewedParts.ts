import type { Provenance, RawSop } from './sopTypes.ts';

/** Below this reading confidence a part is flagged for checking (the provenance keyword says 0.8). */
export const LOW_CONFIDENCE = 0.8;

/** The part name a drafter marks reviewed for a reading whose confidence is below LOW_CONFIDENCE. */
export const READING_PART = 'reading';

/** One imported part that nobody has checked yet: where it sits in the YAML and where it was read. */
export interface UnreviewedPart {
  /** JSON pointer of the provenance that holds it, e.g. `/steps/3/provenance` or `/source/fields/number`. */
  path: string;
  /** The step (id and 1-based number as printed), when the part belongs to a step. */
  stepId?: string;
  stepNumber?: number;
  /** The cover field, when the part belongs to one. */
  field?: string;
  /** The inferred part (actor, time, …) or `reading` for a low-confidence reading. */
  part: string;
  kind: 'inferred' | 'low-confidence';
  page?: number;
  line?: number;
  confidence?: number;
}

function partsOf(provenance: Provenance, where: Omit<UnreviewedPart, 'part' | 'kind'>): UnreviewedPart[] {
  const reviewed = new Set(provenance.reviewed ?? []);
  const position = {
    ...where,
    ...(provenance.page !== undefined ? { page: provenance.page } : {}),
    ...(provenance.line !== undefined ? { line: provenance.line } : {}),
  };
  const parts: UnreviewedPart[] = (provenance.inferred ?? [])
    .filter((part) => !reviewed.has(part))
    .map((part) => ({ ...position, part, kind: 'inferred' }));
  if (provenance.confidence !== undefined && provenance.confidence < LOW_CONFIDENCE && !reviewed.has(READING_PART))
    parts.push({ ...position, part: READING_PART, kind: 'low-confidence', confidence: provenance.confidence });
  return parts;
}

/**
 * Every inferred part and every uncertain reading of an imported SOP that is not yet in its `reviewed` list, cover
 * fields first, then steps in table order. Empty for an SOP written by hand (no provenance at all).
 */
export function unreviewedParts(sop: Pick<RawSop, 'source' | 'steps'>): UnreviewedPart[] {
  const parts: UnreviewedPart[] = [];
  for (const [field, provenance] of Object.entries(sop.source?.fields ?? {}))
    parts.push(...partsOf(provenance, { path: `/source/fields/${field}`, field }));
  (sop.steps ?? []).forEach((step, i) => {
    if (step.provenance)
      parts.push(...partsOf(step.provenance, { path: `/steps/${i}/provenance`, stepId: step.id, stepNumber: i + 1 }));
  });
  return parts;
}
