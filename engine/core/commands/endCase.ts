import type { CaseCommand, CaseState, CommandResult, EngineContext } from '../caseTypes.ts';
import { finishCase } from '../flow/enterStep.ts';
import { beginTransition, commit, emit } from '../transition.ts';

type EndCommand = Extract<CaseCommand, { type: 'cancel' | 'reject' | 'close' }>;

const OUTCOME = { cancel: 'cancelled', reject: 'ditolak', close: 'selesai' } as const;
const ENDED_EVENT = { cancel: 'case.cancelled', reject: 'case.rejected', close: 'case.closed' } as const;

/** Ends a case by hand: cancel (withdrawn), reject (ditolak) or close (selesai); a reason is always kept. */
export function endCase(state: CaseState, command: EndCommand, context: EngineContext): CommandResult {
  if (state.status !== 'open' && state.status !== 'waiting')
    return { ok: false, error: { code: 'CASE_NOT_OPEN', message: 'Kasus ini sudah selesai atau dibatalkan.' } };
  if (command.reason.trim().length === 0)
    return { ok: false, error: { code: 'REASON_REQUIRED', message: 'Tuliskan alasannya.', path: '/reason' } };
  const t = beginTransition(state, context);
  emit(t, { type: ENDED_EVENT[command.type], payload: { reason: command.reason } });
  finishCase(t, OUTCOME[command.type], command.reason);
  return commit(t);
}
