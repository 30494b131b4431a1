import type { Provenance } from '../../../engine/definition/sopTypes.ts';

/** Where a step was read in its source document: the page and the first and last line of its table row. */
export interface StepLineSpan {
  page: number;
  first: number;
  last: number;
}

/** A row rarely wraps over more lines than this; a longer span means the next row was not read. */
const MAX_ROW_LINES = 15;
/** Without a next row to stop at, the row's line and the two after it (a cell often wraps once or twice). */
const DEFAULT_ROW_LINES = 3;

/**
 * The lines of the source document that hold one step's row: from the step's own line up to the line
 * before the next row read on the same page (rows wrap over a varying number of lines).
 */
export function stepLineSpan(
  steps: ReadonlyArray<{ id: string; provenance?: Provenance | undefined }>,
  stepId: string,
): StepLineSpan | undefined {
  const own = steps.find((s) => s.id === stepId)?.provenance;
  if (own?.line === undefined) return undefined;
  const page = own.page ?? 1;
  const first = own.line;
  const next = steps
    .map((s) => s.provenance)
    .filter((p) => p?.line !== undefined && (p.page ?? 1) === page && p.line > first)
    .reduce<number | undefined>((min, p) => (min === undefined || p!.line! < min ? p!.line! : min), undefined);
  const last = next !== undefined ? Math.min(next - 1, first + MAX_ROW_LINES - 1) : first + DEFAULT_ROW_LINES - 1;
  return { page, first, last };
}
