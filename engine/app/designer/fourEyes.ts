import type { Knex } from 'knex';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import {
  latestDraftsOfRegency,
  latestReviewsOfRegency,
  listDraftRevisions,
  listReviews,
} from '../../storage/designer/draftStore.ts';

/**
 * Whether the user saved any revision since the SOP was last published: an approver who changed the
 * content cannot also approve it (four eyes); another approver must.
 */
export async function editedSinceLastPublish(db: Knex, user: AuthUser, sopId: string): Promise<boolean> {
  const lastPublished = (await listReviews(db, user.regencyId, sopId)).find((r) => r.action === 'published');
  const revisions = await listDraftRevisions(db, user.regencyId, sopId);
  return revisions.some((r) => r.revision > (lastPublished?.revision ?? 0) && r.savedBy === user.id);
}

/** Refuses publishing by an approver who edited the revisions under review themselves. */
export async function assertFourEyes(db: Knex, user: AuthUser, sopId: string): Promise<void> {
  if (await editedSinceLastPublish(db, user, sopId))
    throw new AppError(
      'FORBIDDEN',
      'Anda ikut mengubah naskah ini sejak terakhir terbit, jadi tidak dapat mengesahkannya sendiri. Pengesah lain yang harus menyetujuinya (prinsip empat mata).',
      '/revision',
      undefined,
      'OWN_EDIT',
    );
}

/** One SOP waiting for an approver: who submitted which revision, with their note. */
export interface WaitingSop {
  sopId: string;
  name: string;
  revision: number;
  submittedBy: string;
  submittedAt: string;
  note: string | null;
  /** False when this approver edited it themselves: someone else must approve. */
  canApprove: boolean;
}

/** The approver's "menunggu saya" list: submitted SOPs whose newest revision is the submitted one. */
export async function waitingForApprover(db: Knex, user: AuthUser): Promise<WaitingSop[]> {
  const reviews = await latestReviewsOfRegency(db, user.regencyId);
  const drafts = new Map((await latestDraftsOfRegency(db, user.regencyId)).map((d) => [d.sopId, d]));
  const waiting: WaitingSop[] = [];
  for (const review of reviews) {
    const draft = drafts.get(review.sopId);
    if (review.action !== 'submitted' || draft?.revision !== review.revision) continue;
    waiting.push({
      sopId: review.sopId,
      name: draft.name,
      revision: review.revision,
      submittedBy: review.byName,
      submittedAt: review.at,
      note: review.note,
      canApprove: !(await editedSinceLastPublish(db, user, review.sopId)),
    });
  }
  return waiting.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
}
