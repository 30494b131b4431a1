import { Type } from '@sinclair/typebox';
import { contract } from './contract.ts';
import { nullable } from './engineShaped.ts';

/** One line of an access report: who did what to which case, when and why. */
export const AccessEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  userId: Type.String(),
  userName: Type.String(),
  roles: Type.Array(Type.String()),
  caseId: nullable(Type.String()),
  trackingCode: nullable(Type.String()),
  action: Type.String(),
  resource: nullable(Type.String()),
  reason: nullable(Type.String()),
  detail: nullable(Type.Record(Type.String(), Type.Unknown())),
  ip: nullable(Type.String()),
  route: Type.String(),
});

const AccessPageQuery = Type.Object({ before: Type.Optional(Type.String()), limit: Type.Optional(Type.String()) });
const AccessReport = Type.Object({ entries: Type.Array(AccessEntrySchema), next: nullable(Type.Integer()) });

/** Access reports for auditors, newest first with a `before` cursor. */
export const auditContracts = {
  caseAccess: contract({
    method: 'get',
    path: '/api/audit/cases/{caseId}/access',
    query: AccessPageQuery,
    reply: { 200: AccessReport },
  }),
  userAccess: contract({
    method: 'get',
    path: '/api/audit/users/{userId}/access',
    query: AccessPageQuery,
    reply: { 200: AccessReport },
  }),
};
