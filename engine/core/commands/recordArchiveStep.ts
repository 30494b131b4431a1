import type { CaseCommand, CaseState, CommandResult, EngineContext } from '../caseTypes.ts';
import { beginTransition, commit, emit } from '../transition.ts';

/**
 * Records a step of the archive control register (Bengkayang Lampiran II.D.3: borrowing, copying or
 * sending the case file) on the case timeline; allowed whatever the case's status, like outputs.
 */
export function recordArchiveStep(
  state: CaseState,
  command: Extract<CaseCommand, { type: 'recordArchive' }>,
  context: EngineContext,
): CommandResult {
  const t = beginTransition(state, context);
  emit(t, `archive.${command.step}`, { requestId: command.requestId, ...command.details });
  return commit(t);
}
