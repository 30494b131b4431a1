import type { CaseCommand, CaseState, CommandResult, EngineContext } from './caseTypes.ts';
import type { ExecutableSop } from './compileSop.ts';
import { anonymiseCase } from './commands/anonymiseCase.ts';
import { completeTask } from './commands/completeTask.ts';
import { endCase } from './commands/endCase.ts';
import { markOverdue } from './commands/markOverdue.ts';
import { recomputeDeadlines } from './commands/recomputeDeadlines.ts';
import { migrateVersion } from './commands/migrateVersion.ts';
import { reassignTask } from './commands/reassignTask.ts';
import { recordArchiveStep } from './commands/recordArchiveStep.ts';
import { recordOutput } from './commands/recordOutput.ts';
import { recordRevocation } from './commands/recordRevocation.ts';
import { releaseTask } from './commands/releaseTask.ts';
import { sendBack } from './commands/sendBack.ts';
import { startCase } from './commands/startCase.ts';

/**
 * The engine's one entry point: (definition, state, command) → new state + events, or an error.
 * Pure: no I/O, no clock of its own (time comes in the context), input state never mutated.
 */
export async function applyCommand(
  exe: ExecutableSop,
  state: CaseState | undefined,
  command: CaseCommand,
  context: EngineContext,
): Promise<CommandResult> {
  if (command.type === 'start') {
    if (state) return { ok: false, error: { code: 'CASE_ALREADY_STARTED', message: 'Kasus ini sudah dibuka.' } };
    return startCase(exe, command, context);
  }
  if (!state) return { ok: false, error: { code: 'TASK_NOT_FOUND', message: 'Kasus belum dibuka.' } };
  switch (command.type) {
    case 'complete':
      return completeTask(exe, state, command, context);
    case 'sendBack':
      return sendBack(exe, state, command, context);
    case 'reassign':
      return reassignTask(state, command, context);
    case 'release':
      return releaseTask(state, command, context);
    case 'cancel':
    case 'reject':
    case 'close':
      return endCase(state, command, context);
    case 'markOverdue':
      return markOverdue(state, command, context);
    case 'recomputeDeadlines':
      return recomputeDeadlines(exe, state, command, context);
    case 'recordOutput':
      return recordOutput(state, command, context);
    case 'recordRevocation':
      return recordRevocation(state, command, context);
    case 'recordArchive':
      return recordArchiveStep(state, command, context);
    case 'anonymise':
      return anonymiseCase(exe, state, command, context);
    case 'migrate':
      return migrateVersion(exe, state, command, context);
  }
}
