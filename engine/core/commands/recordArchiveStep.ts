import type { CaseCommand, CaseState, CommandResult, EngineContext } from '../caseTypes.ts';
import { beginTransition, commit, emit } from '../transition.ts';

const ARCHIVE_EVENT = {
  approved: 'archive.approved',
  refused: 'archive.refused',
  handedOver: 'archive.handedOver',
  returned: 'archive.returned',
} as const;

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
  if (command.step === 'requested')
    emit(t, { type: 'archive.requested', payload: { requestId: command.requestId, ...command.details } });
  else emit(t, { type: ARCHIVE_EVENT[command.step], payload: { requestId: command.requestId, ...command.details } });
  return commit(t);
}
