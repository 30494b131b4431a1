import { Type } from '@sinclair/typebox';
import type { CaseState, EligibilityState, OpenBlock, TaskState } from '../core/caseTypes.ts';
import type { CaseEvent } from '../core/events.ts';
import type { SopDefinition } from '../definition/sopTypes.ts';
import { contract } from './contract.ts';
import { engineShaped, nullable } from './engineShaped.ts';

const CaseStatusSchema = Type.Union([
  Type.Literal('open'),
  Type.Literal('waiting'),
  Type.Literal('completed'),
  Type.Literal('rejected'),
  Type.Literal('referred'),
  Type.Literal('cancelled'),
]);

/** What every answer about a task starts with: which task, for whom, and whether it is still open. */
const TaskHeadFields = {
  id: Type.String(),
  stepId: Type.String(),
  actorId: Type.String(),
  role: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('completed'), Type.Literal('cancelled')]),
  createdAt: Type.String(),
};

/** One task of a case (the engine's TaskState), outlined by the fields the apps read. */
export const TaskStateSchema = engineShaped<TaskState>(
  Type.Object({
    ...TaskHeadFields,
    branch: Type.Optional(Type.String()),
    item: Type.Optional(
      Type.Object({
        list: Type.String(),
        index: Type.Integer(),
        count: Type.Integer(),
        label: Type.Optional(Type.String()),
      }),
    ),
  }),
);

/** A parallel or per-person block still running (the case's `blocks`). */
const OpenBlockSchema = engineShaped<OpenBlock>(
  Type.Object({
    stepId: Type.String(),
    kind: Type.Union([Type.Literal('parallel'), Type.Literal('forEach')]),
    join: Type.String(),
    waiting: Type.Array(Type.String()),
  }),
);

/** What every answer about a case starts with: which case, and where it stands. */
export const CaseHeadFields = {
  id: Type.String(),
  trackingCode: Type.String(),
  sopId: Type.String(),
  status: CaseStatusSchema,
  outcome: engineShaped<CaseState['outcome'] | null>(nullable(Type.String())),
  currentStepId: nullable(Type.String()),
  revision: Type.Integer(),
  dueAt: nullable(Type.String()),
  closedAt: nullable(Type.String()),
};

/** A case as its commands and reads answer: state, data, tasks and eligibility. */
export const CaseReplySchema = Type.Object({
  ...CaseHeadFields,
  openedAt: Type.String(),
  paused: engineShaped<CaseState['paused'] | null>(
    nullable(Type.Object({ since: Type.String(), stepId: Type.String(), reason: Type.String() })),
  ),
  data: Type.Record(Type.String(), Type.Unknown()),
  eligibility: engineShaped<EligibilityState | null>(
    nullable(Type.Object({ passed: Type.Boolean(), evaluatedAt: Type.String(), criteria: Type.Array(Type.Unknown()) })),
  ),
  tasks: Type.Array(TaskStateSchema),
  /** Blocks whose branches or persons are still working; empty otherwise. */
  blocks: Type.Array(OpenBlockSchema),
});

/** One task as a step command answers it: where the work stands, without anyone's answers or a person's name. */
export const TaskProgressSchema = Type.Object({
  ...TaskHeadFields,
  dueAt: nullable(Type.String()),
  assignee: nullable(Type.String()),
  completedAt: nullable(Type.String()),
  branch: nullable(Type.String()),
  /** The person's place in a per-person list (their name is not in this reply). */
  item: nullable(Type.Object({ list: Type.String(), index: Type.Integer(), count: Type.Integer() })),
});

/**
 * What a step command (complete, send back, reassign, claim, release) answers: where the case stands
 * after it. No applicant data, no form answers: the apps read the case again when they show it, so the
 * reply is not a disclosure of personal data and needs no access-log row.
 */
export const CaseProgressSchema = Type.Object({
  ...CaseHeadFields,
  /** Since when and at which step the service clock is paused (the reason is read with the case). */
  paused: nullable(Type.Object({ since: Type.String(), stepId: Type.String() })),
  tasks: Type.Array(TaskProgressSchema),
  blocks: Type.Array(OpenBlockSchema),
});

/** One row of the case register (NIK masked). */
export const CaseRegisterRowSchema = Type.Object({
  id: Type.String(),
  trackingCode: Type.String(),
  sopId: Type.String(),
  sopName: Type.String(),
  status: CaseStatusSchema,
  currentStep: nullable(Type.String()),
  applicantName: nullable(Type.String()),
  applicantNik: nullable(Type.String()),
  openedAt: Type.String(),
  dueAt: nullable(Type.String()),
  closedAt: nullable(Type.String()),
});

const SectionFieldSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  text: Type.String(),
  masked: Type.Boolean(),
  /** A list of records (household members): each item's parts, so one masked NIK can be revealed by its path. */
  items: Type.Optional(
    Type.Array(
      Type.Array(
        Type.Object({
          key: Type.String(),
          label: Type.String(),
          text: Type.String(),
          masked: Type.Boolean(),
          path: Type.String(),
        }),
      ),
    ),
  ),
});

/** A block of the case page: the applicant's data by form section, or one step's answers and who gave them. */
export const CaseSectionSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: Type.Union([Type.Literal('data'), Type.Literal('step')]),
  fields: Type.Array(SectionFieldSchema),
  source: Type.Optional(
    Type.Object({
      taskId: Type.String(),
      stepId: Type.String(),
      actorName: Type.String(),
      withNames: Type.Array(Type.String()),
      byName: Type.String(),
      at: Type.String(),
      decider: Type.Boolean(),
      joint: Type.Boolean(),
    }),
  ),
});

/** Everything the case and task pages show about a case's data, personal numbers masked server-side. */
export const CaseOverviewSchema = Type.Object({
  revealed: Type.Boolean(),
  sections: Type.Array(CaseSectionSchema),
  eligibility: nullable(
    Type.Object({
      passed: Type.Boolean(),
      criteria: Type.Array(
        Type.Object({ text: Type.String(), passed: Type.Boolean(), explanations: Type.Array(Type.String()) }),
      ),
    }),
  ),
  documents: Type.Array(
    Type.Object({
      id: Type.String(),
      doc: Type.String(),
      label: Type.String(),
      fileName: Type.String(),
      mediaType: Type.String(),
      sizeBytes: Type.Integer(),
      uploadedAt: Type.String(),
      preview: Type.Union([Type.Literal('pdf'), Type.Literal('image'), Type.Null()]),
    }),
  ),
  duplicates: Type.Array(Type.Object({ caseId: Type.String(), trackingCode: Type.String(), openedAt: Type.String() })),
  disagreements: Type.Array(
    Type.Object({
      stepId: Type.String(),
      activity: Type.String(),
      at: Type.String(),
      fields: Type.Array(Type.String()),
    }),
  ),
  sentBack: nullable(
    Type.Object({
      at: Type.String(),
      fromStepId: Type.String(),
      toStepId: Type.String(),
      reason: Type.String(),
      missing: Type.Array(Type.String()),
      missingLabels: Type.Array(Type.String()),
      toActivity: Type.String(),
    }),
  ),
  waitingFor: Type.Array(Type.Object({ taskId: Type.String(), actorName: Type.String(), activity: Type.String() })),
});

const ReasonBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

/** Reading a case for one of its tasks (the task page): a per-person task's list then holds only that person. */
const TaskViewQuery = Type.Object({ taskId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) });

/** Ending a case by hand: cancel (application withdrawn), reject or close, always with a reason. */
function endContract<const A extends 'cancel' | 'reject' | 'close'>(action: A) {
  return contract({
    method: 'post',
    path: `/api/cases/{caseId}/${action}`,
    body: ReasonBody,
    reply: { 200: CaseReplySchema },
  });
}

/** Cases: open, search, read, timeline, data sections, reveal, the definition they run, and ending them by hand. */
export const caseContracts = {
  open: contract({
    method: 'post',
    path: '/api/cases',
    body: Type.Object(
      {
        sopId: Type.String({ minLength: 1, maxLength: 100 }),
        data: Type.Record(Type.String(), Type.Unknown()),
      },
      { additionalProperties: false },
    ),
    reply: { 201: CaseReplySchema },
  }),
  search: contract({
    method: 'get',
    path: '/api/cases',
    query: Type.Object({
      q: Type.Optional(Type.String()),
      sopId: Type.Optional(Type.String()),
      status: Type.Optional(Type.String()),
      from: Type.Optional(Type.String()),
      to: Type.Optional(Type.String()),
      page: Type.Optional(Type.String()),
      pageSize: Type.Optional(Type.String()),
    }),
    reply: {
      200: Type.Object({ items: Type.Array(CaseRegisterRowSchema), page: Type.Integer(), pageSize: Type.Integer() }),
    },
  }),
  read: contract({
    method: 'get',
    path: '/api/cases/{caseId}',
    query: TaskViewQuery,
    reply: { 200: CaseReplySchema },
  }),
  timeline: contract({
    method: 'get',
    path: '/api/cases/{caseId}/timeline',
    reply: {
      200: Type.Object({
        events: Type.Array(
          engineShaped<CaseEvent & { id: number }>(
            Type.Object({
              id: Type.Integer(),
              seq: Type.Integer(),
              type: Type.String(),
              at: Type.String(),
              payload: Type.Object({}),
            }),
          ),
        ),
      }),
    },
  }),
  cancel: endContract('cancel'),
  reject: endContract('reject'),
  close: endContract('close'),
  sections: contract({
    method: 'get',
    path: '/api/cases/{caseId}/sections',
    query: TaskViewQuery,
    reply: { 200: CaseOverviewSchema },
  }),
  reveal: contract({
    method: 'post',
    path: '/api/cases/{caseId}/reveal',
    body: Type.Object(
      {
        field: Type.String({ minLength: 1, maxLength: 200 }),
        taskId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      },
      { additionalProperties: false },
    ),
    reply: { 200: Type.Object({ field: Type.String(), value: Type.String() }) },
  }),
  definition: contract({
    method: 'get',
    path: '/api/cases/{caseId}/definition',
    reply: {
      200: Type.Object({
        version: Type.Integer(),
        definition: engineShaped<SopDefinition>(
          Type.Object({ id: Type.String(), name: Type.String(), steps: Type.Array(Type.Unknown()) }),
        ),
      }),
    },
  }),
};
