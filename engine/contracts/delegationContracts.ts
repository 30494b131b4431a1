import { Type } from '@sinclair/typebox';
import { contract } from './contract.ts';
import { nullable } from './engineShaped.ts';

/** A delegation as listed (its columns, with both staff members' names). */
export const DelegationSchema = Type.Object({
  id: Type.String(),
  regency_id: Type.String(),
  from_user_id: Type.String(),
  to_user_id: Type.String(),
  kind: Type.String(),
  starts_at: Type.String(),
  ends_at: Type.String(),
  created_by: Type.String(),
  created_at: Type.String(),
  ended_by: nullable(Type.String()),
  end_reason: nullable(Type.String()),
  from_name: nullable(Type.String()),
  to_name: nullable(Type.String()),
});

/** A staff member of the regency, for assignment and delegation pickers. */
export const StaffMemberSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  roles: Type.Array(Type.String()),
});

/** Delegations (Plt/Plh acting officials and leave cover) and the staff list they pick from. */
export const delegationContracts = {
  create: contract({
    method: 'post',
    path: '/api/delegations',
    body: Type.Object(
      {
        fromUserId: Type.Optional(Type.String({ maxLength: 100 })),
        toUserId: Type.String({ maxLength: 100 }),
        kind: Type.Union([Type.Literal('plt'), Type.Literal('plh'), Type.Literal('cuti')]),
        startsAt: Type.String({ format: 'date-time' }),
        endsAt: Type.String({ format: 'date-time' }),
      },
      { additionalProperties: false },
    ),
    reply: { 201: Type.Object({ id: Type.Integer() }) },
  }),
  list: contract({
    method: 'get',
    path: '/api/delegations',
    reply: { 200: Type.Object({ delegations: Type.Array(DelegationSchema) }) },
  }),
  end: contract({
    method: 'post',
    path: '/api/delegations/{delegationId}/end',
    body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
    reply: { 200: Type.Object({ ok: Type.Literal(true) }) },
  }),
  users: contract({
    method: 'get',
    path: '/api/users',
    reply: { 200: Type.Object({ users: Type.Array(StaffMemberSchema) }) },
  }),
};
