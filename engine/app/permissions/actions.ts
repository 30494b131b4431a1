import type { RoleKind } from '../../definition/sopTypes.ts';

/** Everything a route can do, as the permission module names it; a route declares exactly one. */
export type Action =
  | 'public'
  | 'session'
  | 'regency.read'
  | 'users.read'
  | 'accounts.manage'
  | 'catalogue.read'
  | 'definition.read'
  | 'definition.validate'
  | 'definition.publish'
  | 'delegation.read'
  | 'delegation.create'
  | 'task.inbox'
  | 'task.act'
  | 'case.search'
  | 'case.open'
  | 'case.read'
  | 'case.export'
  | 'case.cancel'
  | 'case.decide'
  | 'attachment.read'
  | 'attachment.upload'
  | 'output.read'
  | 'output.prepare'
  | 'output.initial'
  | 'output.sign'
  | 'output.revoke'
  | 'archive.read'
  | 'archive.request'
  | 'archive.decide'
  | 'archive.record'
  | 'audit.read'
  | 'monitoring.read'
  | 'notification.read'
  | 'notification.admin'
  | 'calendar.read'
  | 'calendar.manage'
  | 'system.backup'
  | 'regency.settings.read'
  | 'regency.settings.edit'
  | 'regency.settings.approve'
  | 'regency.create';

/** How an action is checked against the case a route touches (through {caseId}, {taskId}, …). */
export type CaseCheck = 'visible' | 'archive-authority';

/** Who may perform an action: role kinds, or anyone ('public'), or any signed-in user ('signed-in'). */
export interface ActionRule {
  who: 'public' | 'signed-in' | readonly RoleKind[];
  onCase: CaseCheck;
}

// Kasi (head of a Seksi) and Kasubbag (head of a Subbagian) work and decide cases like a kabid, on a smaller unit.
const CASE_WORKERS: readonly RoleKind[] = ['staff', 'kabid', 'kasi', 'kasubbag', 'kadis', 'sekretaris', 'admin'];
// Auditors read everything their regency holds; they are in no list of a writing action.
const CASE_READERS: readonly RoleKind[] = [...CASE_WORKERS, 'auditor'];
const ALL_KINDS: readonly RoleKind[] = [
  'staff',
  'kabid',
  'kasi',
  'kasubbag',
  'kadis',
  'sekretaris',
  'drafter',
  'approver',
  'auditor',
  'admin',
];
const HEADS: readonly RoleKind[] = ['kabid', 'kasi', 'kasubbag', 'kadis', 'sekretaris', 'admin'];

/** The permission table: deny by default, so an action missing here cannot be declared at all. */
export const ACTION_RULES: Readonly<Record<Action, ActionRule>> = {
  public: { who: 'public', onCase: 'visible' },
  // Signing out and reading one's own account are allowed to every signed-in user, auditors included.
  session: { who: 'signed-in', onCase: 'visible' },
  'regency.read': { who: 'signed-in', onCase: 'visible' },
  'users.read': { who: 'signed-in', onCase: 'visible' },
  // Regency admins manage their regency's accounts; a platform admin (an admin with the platform flag) every regency's.
  'accounts.manage': { who: ['admin'], onCase: 'visible' },
  'catalogue.read': { who: 'signed-in', onCase: 'visible' },
  'definition.read': { who: 'signed-in', onCase: 'visible' },
  'definition.validate': { who: ['drafter', 'approver', 'admin'], onCase: 'visible' },
  'definition.publish': { who: ['approver', 'admin'], onCase: 'visible' },
  'delegation.read': { who: 'signed-in', onCase: 'visible' },
  'delegation.create': { who: ALL_KINDS.filter((k) => k !== 'auditor'), onCase: 'visible' },
  // The inbox lists only the user's own tasks; drafters and approvers simply have none.
  'task.inbox': { who: 'signed-in', onCase: 'visible' },
  'task.act': { who: CASE_WORKERS, onCase: 'visible' },
  'case.search': { who: CASE_READERS, onCase: 'visible' },
  'case.open': { who: CASE_WORKERS, onCase: 'visible' },
  'case.read': { who: CASE_READERS, onCase: 'visible' },
  'case.export': { who: CASE_READERS, onCase: 'visible' },
  'case.cancel': { who: CASE_WORKERS, onCase: 'visible' },
  'case.decide': { who: HEADS, onCase: 'visible' },
  'attachment.read': { who: CASE_READERS, onCase: 'visible' },
  'attachment.upload': { who: CASE_WORKERS, onCase: 'visible' },
  'output.read': { who: CASE_READERS, onCase: 'visible' },
  // Staff prepare; who may initial and sign is decided per letter (its paraf roles and signer role, or an
  // active Plt/Plh of them) in engine/app/letters, so the kind list is only the outer gate.
  'output.prepare': { who: CASE_WORKERS, onCase: 'visible' },
  'output.initial': { who: CASE_WORKERS, onCase: 'visible' },
  'output.sign': { who: CASE_WORKERS, onCase: 'visible' },
  'output.revoke': { who: ['kabid', 'kadis', 'admin'], onCase: 'visible' },
  'archive.read': { who: CASE_READERS, onCase: 'visible' },
  'archive.request': { who: CASE_WORKERS, onCase: 'visible' },
  // Lampiran II.D.3: only an authorised official approves; the kind list is the outer gate, the
  // case's unit (or the regency's archiveControl.approvers) decides who exactly.
  'archive.decide': { who: CASE_WORKERS, onCase: 'archive-authority' },
  'archive.record': { who: CASE_WORKERS, onCase: 'archive-authority' },
  'audit.read': { who: ['auditor', 'kadis'], onCase: 'visible' },
  'monitoring.read': { who: ['kabid', 'kadis', 'sekretaris', 'admin', 'auditor'], onCase: 'visible' },
  // Auditors get no work, so no bell (and marking read is a write they never make).
  'notification.read': { who: ALL_KINDS.filter((k) => k !== 'auditor'), onCase: 'visible' },
  // The delivery queue shows (masked) applicant contacts: the admin only.
  'notification.admin': { who: ['admin'], onCase: 'visible' },
  // Drafters see which years are provisional while writing times; only admins change the calendar.
  'calendar.read': { who: ['drafter', 'approver', 'admin'], onCase: 'visible' },
  'calendar.manage': { who: ['admin'], onCase: 'visible' },
  // The office's IT administrators see the backup status and start one; the file never leaves the server.
  'system.backup': { who: ['admin'], onCase: 'visible' },
  // Regency settings (regency.yaml) go the SOP way: the admin drafts and submits, an approver or admin approves.
  'regency.settings.read': { who: ['admin', 'approver'], onCase: 'visible' },
  'regency.settings.edit': { who: ['admin'], onCase: 'visible' },
  'regency.settings.approve': { who: ['admin', 'approver'], onCase: 'visible' },
  // A new regency: the route also requires the platform flag of the session's account.
  'regency.create': { who: ['admin'], onCase: 'visible' },
};

/** Whether a user with these role kinds may perform the action (before any case-level check). */
export function kindsAllow(action: Action, kinds: ReadonlySet<RoleKind>, signedIn: boolean): boolean {
  const who = ACTION_RULES[action].who;
  if (who === 'public') return true;
  if (!signedIn) return false;
  if (who === 'signed-in') return true;
  return who.some((k) => kinds.has(k));
}
