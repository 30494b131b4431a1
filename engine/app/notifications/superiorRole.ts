import type { RawRegency } from '../../definition/sopTypes.ts';

/**
 * The role an escalation goes to: the head (kabid) of the unit of the late task's role (or of the SOP's
 * unit), or the head of office (kadis) when the late role is already a head or no unit head exists.
 */
export function superiorRole(
  regency: Pick<RawRegency, 'roles'>,
  lateRole: string | null,
  sopUnit: string | null,
): string | undefined {
  const role = lateRole !== null ? regency.roles.find((r) => r.id === lateRole) : undefined;
  const kadis = regency.roles.find((r) => r.kind === 'kadis')?.id;
  if (role && role.kind !== 'staff' && role.kind !== undefined) return role.kind === 'kadis' ? undefined : kadis;
  const unit = role?.unit ?? sopUnit;
  const head = regency.roles.find((r) => r.kind === 'kabid' && r.unit !== undefined && r.unit === unit);
  return head?.id ?? kadis;
}
