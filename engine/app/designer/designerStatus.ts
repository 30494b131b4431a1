import type { ReviewEntry } from '../../storage/designer/draftStore.ts';

/** Where an SOP stands in the designer: being drafted, waiting for approval, or published as it stands. */
export type DesignerStatus = 'draft' | 'submitted' | 'published';

/**
 * The status from the newest draft revision, the newest review step and whether a version exists:
 * a review counts only for the revision it was made on, so saving after a submission makes a draft again.
 */
export function designerStatus(
  latestRevision: number | undefined,
  latestReview: ReviewEntry | undefined,
  hasPublishedVersion: boolean,
): DesignerStatus {
  if (latestRevision === undefined) return hasPublishedVersion ? 'published' : 'draft';
  if (!latestReview || latestReview.revision !== latestRevision) return 'draft';
  if (latestReview.action === 'submitted') return 'submitted';
  return latestReview.action === 'published' ? 'published' : 'draft';
}
