import type { SourceSpot, StepRowReading } from './parsedSop.ts';

/** A step row with only its number and activity (service-standard procedures, decree scopes): no lanes, no standards. */
export function plainRow(no: number, activity: string, at: SourceSpot, inferred?: string[]): StepRowReading {
  const row: StepRowReading = { no, activity, laneMarks: [], requirements: '', time: '', output: '', notes: '', at };
  if (inferred) row.inferred = inferred;
  return row;
}
