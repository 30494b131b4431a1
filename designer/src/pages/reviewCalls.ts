import type { BodyOf } from '../../../engine/contracts/contract.ts';
import { designerReviewContracts } from '../../../engine/contracts/designerContracts.ts';
import { regencySettingsContracts } from '../../../engine/contracts/regencySettingsContracts.ts';
import { call } from '../../../ui-shared/api/call.ts';

// One review panel serves an SOP's drafts and the regency settings: the same steps, two sets of routes.
// Only SOPs carry a header (Nomor SOP, Tanggal Efektif, signer) when published.

/** Whose draft is reviewed: an SOP by id, or the regency settings (regency.yaml). */
export type ReviewTarget = { sopId: string } | { settings: true };

/** What publishing writes into the SOP header. */
export type PublishHeader = Omit<BodyOf<typeof designerReviewContracts.publish>, 'revision'>;

/** Sends a draft revision for approval, with an optional note. */
export async function submitDraft(target: ReviewTarget, body: { revision: number; note?: string }): Promise<void> {
  if ('sopId' in target) await call(designerReviewContracts.submit, { params: { sopId: target.sopId }, body });
  else await call(regencySettingsContracts.submit, { body });
}

/** Returns a submitted revision to its drafter with a note. */
export async function returnDraft(target: ReviewTarget, body: { revision: number; note: string }): Promise<void> {
  if ('sopId' in target) await call(designerReviewContracts.return, { params: { sopId: target.sopId }, body });
  else await call(regencySettingsContracts.return, { body });
}

/** Publishes a submitted revision; `created: false` when the text equals the version in force. */
export async function publishDraft(
  target: ReviewTarget,
  revision: number,
  header: PublishHeader | undefined,
): Promise<{ version: number; created: boolean }> {
  if ('settings' in target) {
    const published = await call(regencySettingsContracts.publish, { body: { revision } });
    return { version: published.version, created: true };
  }
  if (!header) throw new Error('Kepala SOP (nomor, tanggal efektif, penanda tangan) belum diisi.');
  return call(designerReviewContracts.publish, { params: { sopId: target.sopId }, body: { revision, ...header } });
}
