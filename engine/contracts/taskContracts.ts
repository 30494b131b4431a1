import { Type } from '@sinclair/typebox';
import type { InboxItem } from '../app/caseQueries.ts';
import { CaseProgressSchema } from './caseContracts.ts';
import { contract } from './contract.ts';
import { engineShaped, nullable } from './engineShaped.ts';

/** One row of the inbox (the app's InboxItem), outlined by the fields the inbox page reads. */
export const InboxItemSchema = engineShaped<InboxItem>(
  Type.Object({
    taskId: Type.String(),
    caseId: Type.String(),
    trackingCode: Type.String(),
    sopId: Type.String(),
    sopName: Type.String(),
    stepId: Type.String(),
    activity: Type.String(),
    role: Type.String(),
    assignee: nullable(Type.String()),
    dueAt: nullable(Type.String()),
    overdue: Type.Boolean(),
    branch: nullable(Type.String()),
    person: nullable(Type.Object({ index: Type.Integer(), count: Type.Integer(), label: nullable(Type.String()) })),
  }),
);

const taskPath = <const A extends string>(action: A) => `/api/tasks/{taskId}/${action}` as const;

/** The inbox and the commands on tasks; each command answers with where the case stands after it. */
export const taskContracts = {
  inbox: contract({
    method: 'get',
    path: '/api/tasks/inbox',
    query: Type.Object({
      sopId: Type.Optional(Type.String()),
      overdue: Type.Optional(Type.String()),
      assigned: Type.Optional(Type.String()),
      dueBy: Type.Optional(Type.String()),
      q: Type.Optional(Type.String()),
      after: Type.Optional(Type.String()),
      limit: Type.Optional(Type.String()),
    }),
    reply: { 200: Type.Object({ items: Type.Array(InboxItemSchema), next: nullable(Type.String()) }) },
  }),
  complete: contract({
    method: 'post',
    path: taskPath('complete'),
    body: Type.Object(
      {
        formData: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
        checklist: Type.Optional(Type.Record(Type.String(), Type.Boolean())),
        attachments: Type.Optional(
          Type.Array(
            Type.Object(
              { doc: Type.String({ maxLength: 100 }), attachmentId: Type.String({ maxLength: 100 }) },
              { additionalProperties: false },
            ),
            { maxItems: 50 },
          ),
        ),
        choice: Type.Optional(Type.String({ maxLength: 200 })),
        note: Type.Optional(Type.String({ maxLength: 4000 })),
        overrideReason: Type.Optional(Type.String({ maxLength: 2000 })),
      },
      { additionalProperties: false },
    ),
    reply: { 200: CaseProgressSchema },
  }),
  sendBack: contract({
    method: 'post',
    path: taskPath('send-back'),
    body: Type.Object(
      {
        reason: Type.String({ minLength: 1, maxLength: 2000 }),
        missing: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
      },
      { additionalProperties: false },
    ),
    reply: { 200: CaseProgressSchema },
  }),
  reassign: contract({
    method: 'post',
    path: taskPath('reassign'),
    body: Type.Object(
      {
        toUserId: Type.String({ minLength: 1, maxLength: 100 }),
        reason: Type.Optional(Type.String({ maxLength: 2000 })),
      },
      { additionalProperties: false },
    ),
    reply: { 200: CaseProgressSchema },
  }),
  claim: contract({ method: 'post', path: taskPath('claim'), reply: { 200: CaseProgressSchema } }),
  unclaim: contract({
    method: 'post',
    path: taskPath('unclaim'),
    body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
    reply: { 200: CaseProgressSchema },
  }),
};
