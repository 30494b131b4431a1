import { unplaced, type UnplacedError } from '../definitionError.ts';
import { partLabel, partPosition } from '../provenanceLabels.ts';
import { unreviewedParts } from '../unreviewedParts.ts';
import type { CheckContext } from './checkContext.ts';

/**
 * A published SOP has no unchecked imported part: every inferred part and uncertain reading must be in its
 * `provenance.reviewed`. Drafts may hold them (that is what the designer's review is for).
 */
export function checkReviewed({ sop }: CheckContext): UnplacedError[] {
  if (sop.status !== 'published') return [];
  return unreviewedParts(sop).map((p) =>
    unplaced(p.kind === 'inferred' ? 'UNREVIEWED_INFERRED' : 'UNREVIEWED_READING', p.path, {
      position: partPosition(p),
      positionEn: partPosition(p, 'en'),
      part: partLabel(p.part),
      partEn: partLabel(p.part, 'en'),
    }),
  );
}
