import { Type } from '@sinclair/typebox';
import type { ArchiveRequest } from '../app/archive/archiveRequestTypes.ts';
import { contract } from './contract.ts';
import { engineShaped, nullable } from './engineShaped.ts';

/** A request to borrow, copy or send a case file (the app's ArchiveRequest), outlined by what the register reads. */
export const ArchiveRequestSchema = engineShaped<ArchiveRequest>(
  Type.Object({
    id: Type.String(),
    caseId: Type.String(),
    trackingCode: nullable(Type.String()),
    kind: Type.Union([Type.Literal('borrow'), Type.Literal('copy'), Type.Literal('send')]),
    reason: Type.String(),
    recipient: Type.String(),
    status: Type.String(),
    overdue: Type.Boolean(),
    requestedBy: Type.Object({ id: Type.String(), name: Type.String() }),
    requestedAt: Type.String(),
  }),
);

/** A new request: kind, reason and recipient, and the due-back date of a loan. */
export const NewArchiveRequestSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('borrow'), Type.Literal('copy'), Type.Literal('send')]),
    reason: Type.String({ minLength: 10, maxLength: 2000 }),
    recipient: Type.String({ minLength: 2, maxLength: 300 }),
    dueBackAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

const OptionalNote = Type.Object(
  { note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) },
  { additionalProperties: false },
);
const RequiredNote = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
const OneRequest = Type.Object({ request: ArchiveRequestSchema });
const ManyRequests = Type.Object({ requests: Type.Array(ArchiveRequestSchema) });

/** A step of a request after it was made: decide (approve, refuse) or record (hand over, return). */
function stepContract<const S extends string, N extends typeof OptionalNote | typeof RequiredNote>(step: S, body: N) {
  return contract({
    method: 'post',
    path: `/api/archive-requests/{requestId}/${step}`,
    body,
    reply: { 200: OneRequest },
  });
}

/** The archive control register (Bengkayang Lampiran II.D.3): borrowing, copying and sending case files. */
export const archiveContracts = {
  request: contract({
    method: 'post',
    path: '/api/cases/{caseId}/archive-requests',
    body: NewArchiveRequestSchema,
    reply: { 201: OneRequest },
  }),
  ofCase: contract({ method: 'get', path: '/api/cases/{caseId}/archive-requests', reply: { 200: ManyRequests } }),
  register: contract({
    method: 'get',
    path: '/api/archive-requests',
    query: Type.Object({ status: Type.Optional(Type.String()), overdue: Type.Optional(Type.String()) }),
    reply: { 200: ManyRequests },
  }),
  approve: stepContract('approve', OptionalNote),
  refuse: stepContract('refuse', RequiredNote),
  handOver: stepContract('hand-over', OptionalNote),
  return: stepContract('return', OptionalNote),
};
