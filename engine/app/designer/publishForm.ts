import type { Knex } from 'knex';
import { accountTitle } from '../../storage/accounts/sessionRows.ts';
import type { AuthUser } from '../authUser.ts';
import { readPublishHeader, type PublishHeader } from './publishHeader.ts';

/**
 * What the publish dialog starts from: Nomor SOP and Tanggal Efektif as the draft (else the last version) has them, and the
 * signer from the approver's own account (name, NIP, jabatan), since the approver signs what they publish.
 */
export async function publishForm(
  db: Knex,
  user: AuthUser,
  source: string,
  publishedSource?: string,
): Promise<{ number: string; effectiveDate: string; signer: PublishHeader['signer'] }> {
  const draft = readPublishHeader(source);
  // A draft made before the last publication lacks what the approver entered then: that is the default.
  const last = publishedSource !== undefined ? readPublishHeader(publishedSource) : undefined;
  const current = {
    number: draft.number || (last?.number ?? ''),
    effectiveDate: draft.effectiveDate || (last?.effectiveDate ?? ''),
    signer: draft.signer ?? last?.signer ?? null,
  };
  const account = await accountTitle(db, user.id);
  return {
    number: current.number,
    effectiveDate: current.effectiveDate,
    signer: {
      name: user.name,
      ...(account?.nip ? { nip: account.nip } : {}),
      title: account?.position ?? current.signer?.title ?? '',
    },
  };
}
