import type { CaseCommand, CaseState, CommandResult, EngineContext } from '../caseTypes.ts';
import { beginTransition, commit, emit } from '../transition.ts';

/** Records on the timeline that a numbered document was issued (also after the case has ended). */
export function recordOutput(
  state: CaseState,
  command: Extract<CaseCommand, { type: 'recordOutput' }>,
  context: EngineContext,
): CommandResult {
  const t = beginTransition(state, context);
  emit(
    t,
    {
      type: 'output.issued',
      payload: {
        outputId: command.outputId,
        documentId: command.documentId,
        number: command.number,
        title: command.title,
      },
    },
    { stepId: command.stepId },
  );
  return commit(t);
}
