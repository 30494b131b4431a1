import type { CaseState, EngineContext } from './caseTypes.ts';
import type { CaseEvent, CaseEventBody, EventAuthor } from './events.ts';

/** A state being changed by one command, collecting the events it produces. */
export interface Transition {
  state: CaseState;
  events: CaseEvent[];
  context: EngineContext;
}

/**
 * Starts a transition on a copy of the state: the input state is never mutated.
 * Commands only change the state's own fields, the top level of `data` and single tasks, and replace
 * anything deeper (eligibility, paused, nested form values), so copying those levels is enough and
 * much cheaper than a deep clone on every command (tests/engine/immutability.test.ts guards this).
 */
export function beginTransition(state: CaseState, context: EngineContext): Transition {
  const copy: CaseState = { ...state, data: { ...state.data }, tasks: state.tasks.map((task) => ({ ...task })) };
  return { state: copy, events: [], context };
}

/** Appends an event (a declared type with its payload); sequence numbers continue from the state's last event. */
export function emit(t: Transition, body: CaseEventBody, ids: { stepId?: string; taskId?: string } = {}): void {
  t.state.eventSeq += 1;
  const by: EventAuthor = { userId: t.context.by.userId, name: t.context.by.name };
  if (t.context.by.onBehalfOf) by.onBehalfOf = t.context.by.onBehalfOf;
  const event: CaseEvent = { ...body, seq: t.state.eventSeq, at: t.context.now.toISOString(), by };
  if (ids.stepId !== undefined) event.stepId = ids.stepId;
  if (ids.taskId !== undefined) event.taskId = ids.taskId;
  t.events.push(event);
}

/** Finishes a transition: bumps the revision used for optimistic concurrency. */
export function commit(t: Transition): { ok: true; state: CaseState; events: CaseEvent[] } {
  t.state.revision += 1;
  return { ok: true, state: t.state, events: t.events };
}
