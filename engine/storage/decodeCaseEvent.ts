import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import {
  caseEventBodySchema,
  caseEventPayloadSchemas,
  isCaseEventType,
  type CaseEvent,
  type CaseEventBody,
  type EventAuthor,
} from '../core/events.ts';
import { BigNumber, Nullable, Timestamp } from './rowColumns.ts';
import { rowDecoder } from './rowDecoder.ts';

const CaseEventRowSchema = Type.Object({
  id: BigNumber,
  seq: Type.Number(),
  type: Type.String(),
  at: Timestamp,
  user_id: Type.String(),
  user_name: Type.String(),
  on_behalf_of_id: Nullable(Type.String()),
  on_behalf_of_name: Nullable(Type.String()),
  step_id: Nullable(Type.String()),
  task_id: Nullable(Type.String()),
  payload: Type.Unknown(),
});

/** A `case_events` row as the database returns it. */
export type CaseEventRow = Static<typeof CaseEventRowSchema>;

/** Whole `case_events` rows, their columns checked (the payload is checked by decodeCaseEvent). */
export const caseEventRows = rowDecoder('case_events', CaseEventRowSchema);

/** A stored event that does not match its declared payload (a bug or a hand-edited row), with where it is. */
export class EventDecodeError extends Error {
  readonly code = 'EVENT_UNDECODABLE';
  constructor(
    readonly eventId: string,
    readonly path: string,
  ) {
    super(`Event ${eventId} does not match its declared payload at ${path}`);
  }
}

// Compiled once: checking a timeline's events costs microseconds.
const bodyCheck = TypeCompiler.Compile(caseEventBodySchema);

function decodeBody(row: CaseEventRow): CaseEventBody {
  const body = { type: row.type, payload: row.payload };
  if (bodyCheck.Check(body)) return body;
  if (!isCaseEventType(row.type)) throw new EventDecodeError(String(row.id), '/type');
  const first = Value.Errors(caseEventPayloadSchemas[row.type], row.payload).First();
  throw new EventDecodeError(String(row.id), `/payload${first?.path ?? ''}`);
}

/** Turns a stored row into the typed event union, checking its type and payload against events.ts. */
export function decodeCaseEvent(row: CaseEventRow): CaseEvent & { id: number } {
  const by: EventAuthor = { userId: row.user_id, name: row.user_name };
  if (row.on_behalf_of_id) by.onBehalfOf = { userId: row.on_behalf_of_id, name: row.on_behalf_of_name ?? '' };
  const event: CaseEvent & { id: number } = {
    ...decodeBody(row),
    id: Number(row.id),
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    by,
  };
  if (row.step_id) event.stepId = row.step_id;
  if (row.task_id) event.taskId = row.task_id;
  return event;
}
