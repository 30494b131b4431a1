import type { CaseCommand, CaseState, CommandResult, EngineContext } from '../caseTypes.ts';
import { beginTransition, commit, emit } from '../transition.ts';

/** Records on the timeline that an issued letter was revoked, with the reason (also after the case has ended). */
export function recordRevocation(
  state: CaseState,
  command: Extract<CaseCommand, { type: 'recordRevocation' }>,
  context: EngineContext,
): CommandResult {
  const t = beginTransition(state, context);
  emit(t, {
    type: 'output.revoked',
    payload: { documentId: command.documentId, number: command.number, reason: command.reason },
  });
  return commit(t);
}
