import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';
import { AppError } from '../appErrors.ts';
import type { AuthUser } from '../authUser.ts';
import type { Signer } from '../outputs/documentTypes.ts';
import { actingForRows, signerIdentity } from '../../storage/letters/signerRows.ts';

/** How a user holds a role for a letter: as its holder, or as Plt/Plh of a holder (delegation). */
export interface RoleAuthority {
  role: string;
  roleName: string;
  actingAs: 'self' | 'plt' | 'plh';
  onBehalfOf?: { userId: string; name: string };
}

/** The role that signs a template: its `signerRole`, else the regency's Kepala Dinas role. */
export function signerRoleOf(signerRole: string | undefined, regency: RawRegency): string {
  if (signerRole) return signerRole;
  const head = regency.roles.find((r) => r.kind === 'kadis');
  if (!head)
    throw new AppError('UNPROCESSABLE', 'Kabupaten ini tidak memiliki peran Kepala Dinas untuk menandatangani.');
  return head.id;
}

/**
 * Whether `user` may act in `role` for a letter now: they hold it, or an active Plt/Plh delegation from
 * someone who holds it names them. Out-of-office cover (`cuti`) does not carry the authority to sign.
 */
export async function roleAuthority(
  db: Knex,
  user: AuthUser,
  role: string,
  regency: RawRegency,
  now: Date,
): Promise<RoleAuthority | undefined> {
  const roleName = regency.roles.find((r) => r.id === role)?.name ?? role;
  if (user.roles.includes(role)) return { role, roleName, actingAs: 'self' };
  const rows = await actingForRows(db, user.regencyId, user.id, now);
  const found = rows.find((r) => r.roles.includes(role));
  if (!found) return undefined;
  return { role, roleName, actingAs: found.kind, onBehalfOf: { userId: found.id, name: found.display_name } };
}

/**
 * The signature block as the act was done: the signer's own name and NIP, under "Plh. <jabatan>" or
 * "Plt. <jabatan>" when acting for the holder (Permendagri 1/2023 on Plt/Plh signing).
 */
export async function signatureBlock(
  db: Knex,
  user: AuthUser,
  authority: RoleAuthority,
  regency: RawRegency,
): Promise<Signer> {
  const row = await signerIdentity(db, user.id);
  const name = row?.display_name ?? user.name;
  const nip = row?.nip ?? undefined;
  const head = regency.office.head;
  const roleKind = regency.roles.find((r) => r.id === authority.role)?.kind;
  let title = authority.roleName;
  // The office's configured head title (e.g. "Plt. Kepala Dinas Sosial") when the head signs as themself.
  if (
    authority.actingAs === 'self' &&
    roleKind === 'kadis' &&
    head &&
    (head.name === name || (nip && head.nip === nip))
  )
    title = head.title;
  if (authority.actingAs !== 'self') title = `${authority.actingAs === 'plt' ? 'Plt.' : 'Plh.'} ${authority.roleName}`;
  return { name, title, ...(nip ? { nip } : {}) };
}
