import type { Provenance } from '../../definition/sopTypes.ts';
import type { Located, SourceSpot } from '../parse/parsedSop.ts';

/** The provenance of a value read at `at`, with the parts inferred and a note; empty lists are left out. */
export function provenanceOf(at: SourceSpot, inferred: readonly string[] = [], note?: string): Provenance {
  const provenance: Provenance = { page: at.page, line: at.line };
  if (at.confidence !== undefined) provenance.confidence = Math.round(at.confidence * 100) / 100;
  if (inferred.length > 0) provenance.inferred = [...new Set(inferred)];
  if (note !== undefined) provenance.note = note;
  return provenance;
}

/** The provenance of a located cover value; a corrected reading keeps the printed text in the note. */
export function fieldProvenance(value: Located<unknown>): Provenance {
  return provenanceOf(value.at, [], value.original !== undefined ? `Tercetak: "${value.original}"` : undefined);
}
