import { Type, type Static, type TSchema } from '@sinclair/typebox';

// Every case event type and its payload, declared once: the TypeBox schemas below are both the runtime
// check (storage decodes rows with them, tests check every emitted event) and, through `Static`, the
// TypeScript types every reader narrows on. Adding an event type means adding one entry here.
// Fields marked "gone after anonymisation" are removed from stored payloads by redactEventPayload.

const NullableString = Type.Union([Type.String(), Type.Null()]);
const Reason = { reason: Type.String() };
const CreatedTask = Type.Object({
  id: Type.String(),
  actorId: Type.String(),
  role: Type.String(),
  dueAt: NullableString,
  branch: Type.Optional(Type.String({ description: 'parallel blocks: the first step of the branch' })),
  item: Type.Optional(
    Type.Object({ list: Type.String(), index: Type.Number() }, { description: 'per-person blocks: the person' }),
  ),
});
const BlockKind = Type.Union([Type.Literal('parallel'), Type.Literal('forEach')]);
const Explanations = Type.Optional(Type.Array(Type.String(), { description: 'gone after anonymisation' }));
const ArchiveKind = { requestId: Type.String(), kind: Type.String() };
const ArchiveNote = Type.Object({ ...ArchiveKind, note: Type.Optional(Type.String()) });

/** One event type with its payload schema. */
function event<K extends string, P extends TSchema>(type: K, payload: P) {
  return Type.Object({ type: Type.Literal(type), payload }, { additionalProperties: false });
}

/** Payload schema of every case event type (tests check that the union below lists each one). */
export const caseEventPayloadSchemas = {
  'case.started': Type.Object({
    sopId: Type.String(),
    dueAt: NullableString,
    clockStartsAfter: Type.Optional(
      Type.String({ description: 'serviceClock.startsAt: the step whose completion starts the clock' }),
    ),
    fields: Type.Array(Type.String()),
  }),
  'eligibility.evaluated': Type.Object({
    passed: Type.Boolean(),
    criteria: Type.Array(
      Type.Object({ id: Type.String(), text: Type.String(), passed: Type.Boolean(), explanations: Explanations }),
    ),
  }),
  'step.entered': Type.Object({
    mode: Type.Union([
      Type.Literal('single'),
      Type.Literal('together'),
      Type.Literal('anyOf'),
      Type.Literal('sequence'),
    ]),
    tasks: Type.Array(CreatedTask),
  }),
  // A `sequence` step: one lane finished its part of the row and the next lane's task opens (same visit).
  'step.handedOn': Type.Object({ from: Type.String(), task: CreatedTask }),
  // A parallel or per-person block opened after its fork step: the branches, or the persons of the list.
  'block.forked': Type.Object({
    kind: BlockKind,
    join: Type.String(),
    branches: Type.Optional(Type.Array(Type.String())),
    list: Type.Optional(Type.String()),
    count: Type.Number({ description: 'branches or persons started' }),
  }),
  // One branch or person reached the join; the join opens when `waiting` is 0.
  'block.arrived': Type.Object({
    kind: BlockKind,
    branch: Type.Optional(Type.String()),
    index: Type.Optional(Type.Number()),
    waiting: Type.Number(),
  }),
  'block.joined': Type.Object({ kind: BlockKind, join: Type.String() }),
  'task.completed': Type.Object({
    formData: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'gone after anonymisation' })),
    formFields: Type.Optional(Type.Array(Type.String(), { description: 'only after anonymisation' })),
    checklist: Type.Record(Type.String(), Type.Boolean()),
    attachments: Type.Array(Type.Object({ doc: Type.String(), attachmentId: Type.String() })),
    note: Type.Optional(NullableString),
    via: Type.Optional(
      Type.Union([Type.Literal('connector'), Type.Literal('manual')], {
        description: 'service steps: done by the connector, or by hand after it failed',
      }),
    ),
  }),
  'task.cancelled': Type.Object(Reason),
  'task.reassigned': Type.Object({
    from: NullableString,
    to: Type.String(),
    toName: Type.String(),
    reason: NullableString,
  }),
  'task.released': Type.Object({ from: Type.String(), reason: NullableString }),
  'task.overdue': Type.Object({ dueAt: NullableString, role: Type.String() }),
  'step.completed': Type.Object({ outputs: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }),
  'decision.taken': Type.Object({ label: Type.String(), goto: Type.String(), question: NullableString }),
  'decision.evaluated': Type.Object({
    question: NullableString,
    chosen: Type.String(),
    goto: Type.String(),
    branches: Type.Array(Type.Object({ label: Type.String(), passed: Type.Boolean(), explanations: Explanations })),
  }),
  'step.disagreement': Type.Object({
    decidedBy: Type.String({ description: 'the actor whose answers decide the joint step' }),
    fields: Type.Array(
      Type.Object({
        field: Type.String({ description: 'a decision field, or "choice" for a decision taken by hand' }),
        title: Type.String(),
        values: Type.Optional(
          Type.Array(Type.Object({ actorId: Type.String(), value: Type.Unknown() }), {
            description: 'gone after anonymisation',
          }),
        ),
      }),
    ),
  }),
  'eligibility.overridden': Type.Object({
    reason: Type.String(),
    branch: Type.String(),
    failed: Type.Array(Type.String({ description: 'texts of the Kriteria Sasaran that failed' })),
  }),
  'case.sentBack': Type.Object({
    from: Type.String(),
    to: Type.String(),
    reason: Type.String(),
    missing: Type.Array(Type.String()),
  }),
  'clock.started': Type.Object({ dueAt: Type.String(), afterStep: Type.Optional(Type.String()) }),
  'clock.paused': Type.Object({ reason: Type.String(), waitingFor: Type.String() }),
  'clock.resumed': Type.Object({ pausedSince: Type.String(), pausedMs: Type.Number(), dueAt: NullableString }),
  'case.overdue': Type.Object({ dueAt: NullableString }),
  'case.cancelled': Type.Object(Reason),
  'case.rejected': Type.Object(Reason),
  'case.closed': Type.Object(Reason),
  'case.ended': Type.Object({
    outcome: Type.Union([
      Type.Literal('selesai'),
      Type.Literal('ditolak'),
      Type.Literal('dirujuk'),
      Type.Literal('cancelled'),
    ]),
    reason: Type.Optional(Type.String()),
  }),
  'output.issued': Type.Object({
    outputId: Type.String(),
    documentId: Type.String(),
    number: Type.String(),
    title: Type.String(),
  }),
  'output.revoked': Type.Object({ documentId: Type.String(), number: Type.String(), reason: Type.String() }),
  'archive.requested': Type.Object({
    ...ArchiveKind,
    reason: Type.String(),
    recipient: Type.String(),
    dueBackAt: NullableString,
  }),
  'archive.approved': ArchiveNote,
  'archive.refused': ArchiveNote,
  'archive.handedOver': ArchiveNote,
  'archive.returned': ArchiveNote,
  'deadlines.recomputed': Type.Object({
    reason: Type.String(),
    tasks: Type.Array(Type.Object({ taskId: Type.String(), from: NullableString, to: Type.String() })),
  }),
  'case.anonymised': Type.Object({ keptFields: Type.Array(Type.String()), removedFields: Type.Array(Type.String()) }),
  'case.migrated': Type.Object({
    fromVersion: Type.Number(),
    toVersion: Type.Number(),
    stepId: Type.String(),
    missingData: Type.Array(Type.Object({ field: Type.String(), title: Type.String() })),
    cancelledTasks: Type.Array(Type.String()),
    createdTasks: Type.Array(CreatedTask),
    note: Type.Optional(NullableString),
  }),
} satisfies Record<string, TSchema>;

/** Every event as `{ type, payload }`: one union schema, so a decoded value narrows without casts. */
export const caseEventBodySchema = Type.Union([
  event('case.started', caseEventPayloadSchemas['case.started']),
  event('eligibility.evaluated', caseEventPayloadSchemas['eligibility.evaluated']),
  event('step.entered', caseEventPayloadSchemas['step.entered']),
  event('step.handedOn', caseEventPayloadSchemas['step.handedOn']),
  event('block.forked', caseEventPayloadSchemas['block.forked']),
  event('block.arrived', caseEventPayloadSchemas['block.arrived']),
  event('block.joined', caseEventPayloadSchemas['block.joined']),
  event('task.completed', caseEventPayloadSchemas['task.completed']),
  event('task.cancelled', caseEventPayloadSchemas['task.cancelled']),
  event('task.reassigned', caseEventPayloadSchemas['task.reassigned']),
  event('task.released', caseEventPayloadSchemas['task.released']),
  event('task.overdue', caseEventPayloadSchemas['task.overdue']),
  event('step.completed', caseEventPayloadSchemas['step.completed']),
  event('decision.taken', caseEventPayloadSchemas['decision.taken']),
  event('decision.evaluated', caseEventPayloadSchemas['decision.evaluated']),
  event('step.disagreement', caseEventPayloadSchemas['step.disagreement']),
  event('eligibility.overridden', caseEventPayloadSchemas['eligibility.overridden']),
  event('case.sentBack', caseEventPayloadSchemas['case.sentBack']),
  event('clock.started', caseEventPayloadSchemas['clock.started']),
  event('clock.paused', caseEventPayloadSchemas['clock.paused']),
  event('clock.resumed', caseEventPayloadSchemas['clock.resumed']),
  event('case.overdue', caseEventPayloadSchemas['case.overdue']),
  event('case.cancelled', caseEventPayloadSchemas['case.cancelled']),
  event('case.rejected', caseEventPayloadSchemas['case.rejected']),
  event('case.closed', caseEventPayloadSchemas['case.closed']),
  event('case.ended', caseEventPayloadSchemas['case.ended']),
  event('output.issued', caseEventPayloadSchemas['output.issued']),
  event('output.revoked', caseEventPayloadSchemas['output.revoked']),
  event('archive.requested', caseEventPayloadSchemas['archive.requested']),
  event('archive.approved', caseEventPayloadSchemas['archive.approved']),
  event('archive.refused', caseEventPayloadSchemas['archive.refused']),
  event('archive.handedOver', caseEventPayloadSchemas['archive.handedOver']),
  event('archive.returned', caseEventPayloadSchemas['archive.returned']),
  event('deadlines.recomputed', caseEventPayloadSchemas['deadlines.recomputed']),
  event('case.anonymised', caseEventPayloadSchemas['case.anonymised']),
  event('case.migrated', caseEventPayloadSchemas['case.migrated']),
]);

/** A type with its payload: what a command emits, before it gets a sequence number and author. */
export type CaseEventBody = Static<typeof caseEventBodySchema>;

/** Every case event type. */
export type CaseEventType = CaseEventBody['type'];

/** Who caused an event (and the official they acted for, Plt/Plh). */
export interface EventAuthor {
  userId: string;
  name: string;
  onBehalfOf?: { userId: string; name: string };
}

/** One thing that happened to a case; appended, never changed. Narrow on `type` to read its payload. */
export type CaseEvent = CaseEventBody & {
  seq: number;
  at: string;
  by: EventAuthor;
  stepId?: string;
  taskId?: string;
};

/** The event of one type. */
export type CaseEventOf<K extends CaseEventType> = Extract<CaseEvent, { type: K }>;

/** Every declared event type, for runtime checks. */
export const caseEventTypes: CaseEventType[] = caseEventBodySchema.anyOf.map((v) => v.properties.type.const);

/** True if `type` is a declared event type. */
export function isCaseEventType(type: string): type is CaseEventType {
  return Object.hasOwn(caseEventPayloadSchemas, type);
}

/** A type guard for one event type, to narrow in `find` and `filter`. */
export function isEventOf<K extends CaseEventType>(type: K): (event: CaseEvent) => event is CaseEventOf<K> {
  return (event): event is CaseEventOf<K> => event.type === type;
}
